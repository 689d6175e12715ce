using System.Globalization;
using DuLuan.Data;
using DuLuan.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

/// <summary>The report's section on surveys: those that received responses in the period, and the responses.</summary>
public sealed class SurveysReportSection(AppDbContext db) : IReportSection
{
    public string Key => ReportKeys.Sections.Surveys;

    public static string SurveyKey(long surveyId) => ReportKeys.SurveysBySurvey + ":" + surveyId.ToString(CultureInfo.InvariantCulture);

    public IQueryable<SurveyResponse> Responses(string prefix, ReportWindow w)
        => db.SurveyResponses.AsNoTracking()
            .Where(r => r.ReceivedOn >= w.Start && r.ReceivedOn <= w.End)
            .Join(ReportSubtree.Of(db, prefix), r => r.UnitId, u => u.Id, (r, u) => r);

    /// <summary>Surveys of the subtree's units that received at least one response in the period (from anywhere).</summary>
    public IQueryable<Survey> Run(string prefix, ReportWindow w)
        => db.Surveys.AsNoTracking()
            .Join(ReportSubtree.Of(db, prefix), s => s.UnitId, u => u.Id, (s, u) => s)
            .Where(s => db.SurveyResponses.Any(r => r.SurveyId == s.Id && r.ReceivedOn >= w.Start && r.ReceivedOn <= w.End));

    public async Task<ReportSection> ComputeAsync(ReportSectionContext c, CancellationToken ct)
    {
        var run = await Run(c.Prefix, c.Current).LongCountAsync(ct);
        var runBefore = await Run(c.Prefix, c.Previous).LongCountAsync(ct);
        var responses = await Responses(c.Prefix, c.Current).LongCountAsync(ct);
        var responsesBefore = await Responses(c.Prefix, c.Previous).LongCountAsync(ct);
        var bySurvey = await Responses(c.Prefix, c.Current)
            .GroupBy(r => r.SurveyId).Select(g => new { g.Key, Count = g.LongCount() })
            .OrderByDescending(x => x.Count).Take(20).ToListAsync(ct);
        var ids = bySurvey.Select(s => s.Key).ToList();
        var titles = await db.Surveys.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Title, ct);
        var rows = bySurvey.Select(s => new FigureRow(titles.GetValueOrDefault(s.Key, "#"), [s.Count], c.Drill(SurveyKey(s.Key)))).ToList();
        return new ReportSection(
            ReportKeys.Sections.Surveys,
            ReportWords.Of("Surveys.Report.Title"),
            [
                c.Count(ReportKeys.SurveysRun, ReportWords.Of("Surveys.Report.Run"), run, runBefore),
                c.Count(ReportKeys.SurveysResponses, ReportWords.Of("Surveys.Report.Responses"), responses, responsesBefore),
            ],
            [new FigureTable(ReportKeys.SurveysBySurvey, ReportWords.Of("Surveys.Report.BySurvey"), [ReportWords.Of("Surveys.Report.Responses")], rows)],
            []);
    }

    public DrillList? Drill(string prefix, ReportWindow w, DrillKey k) => (k.Head, k.Arg) switch
    {
        (ReportKeys.SurveysRun, null) => new(k.Key, ReportWords.Of("Surveys.Report.Run"), Run(prefix, w).OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Select(s => new DrillRow("survey", s.Id, s.Title, s.CreatedAt, null, s.UnitId, null)), false),
        (ReportKeys.SurveysResponses, null) => new(k.Key, ReportWords.Of("Surveys.Report.Responses"), ResponseRows(prefix, w, null), false),
        (ReportKeys.SurveysBySurvey, { } s) when long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var survey)
            => new(k.Key, ReportWords.Of("Surveys.Report.BySurvey"), ResponseRows(prefix, w, survey), false),
        _ => null,
    };

    public string? Link(DrillRow row)
        => row.Kind == "survey" ? "/Surveys/Results?id=" + row.LinkId.ToString(CultureInfo.InvariantCulture) : null;

    private IQueryable<DrillRow> ResponseRows(string prefix, ReportWindow w, long? survey)
        => Responses(prefix, w)
            .Where(r => survey == null || r.SurveyId == survey)
            .Join(db.Surveys, r => r.SurveyId, s => s.Id, (r, s) => new { r, s.Title })
            .OrderByDescending(x => x.r.ReceivedOn).ThenByDescending(x => x.r.Id)
            .Select(x => new DrillRow("survey", x.r.SurveyId, x.Title, null, x.r.ReceivedOn, x.r.UnitId, null));
}
