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
        Verdict.False => "Sai sự thật",
        Verdict.Misleading => "Gây hiểu lầm",
        Verdict.Unproven => "Chưa được chứng minh",
        Verdict.MissingContext => "Thiếu bối cảnh",
        Verdict.True => "Đúng sự thật",
        _ => "Chưa kết luận",
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
            "Nhận diện, phản bác thông tin sai sự thật",
            [
                c.Count(ReportKeys.ClaimsRegistered, "Thông tin cần kiểm chứng", registered, registeredBefore),
                c.Count(ReportKeys.ClaimsRebutted, "Đã phản bác công khai", rebutted, rebuttedBefore),
            ],
            [new FigureTable(ReportKeys.ClaimsByVerdict, "Thông tin cần kiểm chứng theo kết luận", ["Số lượng"], rows)],
            []);
    }

    public DrillList? Drill(string prefix, ReportWindow w, DrillKey k) => (k.Head, k.Arg) switch
    {
        (ReportKeys.ClaimsRegistered, null) => new(k.Key, "Thông tin cần kiểm chứng", Registered(prefix, w).OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => new DrillRow("claim", c.Id, c.Text, c.CreatedAt, null, c.UnitId, null)), false),
        (ReportKeys.ClaimsRebutted, null) => new(k.Key, "Đã phản bác công khai", Rebutted(prefix, w).OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id)
            .Select(c => new DrillRow("claim", c.Id, c.Text, c.PublishedAt, null, c.UnitId, null)), false),
        _ => null,
    };

    public string? Link(DrillRow row)
        => row.Kind == "claim" ? "/Claims/Details?id=" + row.LinkId.ToString(CultureInfo.InvariantCulture) : null;
}
