using System.Globalization;
using DuLuan.Data;
using DuLuan.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Claims;

/// <summary>The report's section on claims registered for checking and publicly rebutted, by verdict.</summary>
public sealed class ClaimsReportSection(AppDbContext db) : IReportSection
{
    public string Key => ReportKeys.Sections.Claims;

    public static string VerdictLabel(Verdict? verdict) => verdict switch
    {
        Verdict.False => ReportWords.Of("Claims.Report.Verdict.False"),
        Verdict.Misleading => ReportWords.Of("Claims.Report.Verdict.Misleading"),
        Verdict.Unproven => ReportWords.Of("Claims.Report.Verdict.Unproven"),
        Verdict.MissingContext => ReportWords.Of("Claims.Report.Verdict.MissingContext"),
        Verdict.True => ReportWords.Of("Claims.Report.Verdict.True"),
        _ => ReportWords.Of("Claims.Report.Verdict.None"),
    };

    public IQueryable<Claim> Registered(string prefix, ReportWindow w)
        => db.Claims.AsNoTracking()
            .Where(c => c.CreatedAt >= w.FromUtc && c.CreatedAt < w.ToUtc)
            .Join(ReportSubtree.Of(db, prefix), c => c.UnitId, u => u.Id, (c, u) => c);

    /// <summary>Claims whose public rebuttal went out in the period.</summary>
    public IQueryable<Claim> Rebutted(string prefix, ReportWindow w)
        => db.Claims.AsNoTracking()
            .Where(c => c.PublishedAt >= w.FromUtc && c.PublishedAt < w.ToUtc)
            .Join(ReportSubtree.Of(db, prefix), c => c.UnitId, u => u.Id, (c, u) => c);

    public async Task<ReportSection> ComputeAsync(ReportSectionContext c, CancellationToken ct)
    {
        var registered = await Registered(c.Prefix, c.Current).LongCountAsync(ct);
        var registeredBefore = await Registered(c.Prefix, c.Previous).LongCountAsync(ct);
        var rebutted = await Rebutted(c.Prefix, c.Current).LongCountAsync(ct);
        var rebuttedBefore = await Rebutted(c.Prefix, c.Previous).LongCountAsync(ct);
        var verdicts = await Registered(c.Prefix, c.Current).GroupBy(x => x.Verdict).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var rows = verdicts.OrderBy(v => v.Key ?? (Verdict)99).Select(v => new FigureRow(VerdictLabel(v.Key), [v.Count], null)).ToList();
        return new ReportSection(
            ReportKeys.Sections.Claims,
            ReportWords.Of("Claims.Report.Title"),
            [
                c.Count(ReportKeys.ClaimsRegistered, ReportWords.Of("Claims.Report.Registered"), registered, registeredBefore),
                c.Count(ReportKeys.ClaimsRebutted, ReportWords.Of("Claims.Report.Rebutted"), rebutted, rebuttedBefore),
            ],
            [new FigureTable(ReportKeys.ClaimsByVerdict, ReportWords.Of("Claims.Report.ByVerdict"), [ReportWords.Of("Reports.Section.Count")], rows)],
            []);
    }

    public DrillList? Drill(string prefix, ReportWindow w, DrillKey k) => (k.Head, k.Arg) switch
    {
        (ReportKeys.ClaimsRegistered, null) => new(k.Key, ReportWords.Of("Claims.Report.Registered"), Registered(prefix, w).OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => new DrillRow("claim", c.Id, c.Text, c.CreatedAt, null, c.UnitId, null)), false),
        (ReportKeys.ClaimsRebutted, null) => new(k.Key, ReportWords.Of("Claims.Report.Rebutted"), Rebutted(prefix, w).OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id)
            .Select(c => new DrillRow("claim", c.Id, c.Text, c.PublishedAt, null, c.UnitId, null)), false),
        _ => null,
    };

    public string? Link(DrillRow row)
        => row.Kind == "claim" ? "/Claims/Details?id=" + row.LinkId.ToString(CultureInfo.InvariantCulture) : null;
}
