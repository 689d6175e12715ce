using System.Globalization;
using DuLuan.Analysis.Statistics;
using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

public sealed partial class SurveyResults
{
    /// <summary>Names of the raking margins in messages.</summary>
    private static readonly string[] MarginNames = ["đơn vị / unit", "giới tính / sex", "nhóm tuổi / age band"];

    /// <summary>
    /// When the office entered sex or age-band margins: the weights raked to units, sex and age band
    /// (trimmed at the office's cap), with the estimates computed row by row (weights then vary within
    /// a unit, so the unit totals no longer suffice). Filters and cross-tabs stay post-stratified.
    /// </summary>
    private async Task<(ResultsReport? Report, CalibrationInfo? Info)> RakedAsync(Survey survey, SurveyDefinition definition, string language, ResultsQuery query, CancellationToken ct)
    {
        var weighting = await db.SurveyWeightings.AsNoTracking().FirstOrDefaultAsync(w => w.SurveyId == survey.Id, ct);
        if (weighting is null)
        {
            return (null, null);
        }

        var margins = await db.SurveyMargins.AsNoTracking().Where(m => m.SurveyId == survey.Id).ToListAsync(ct);
        var variables = new List<(string Name, string Question, int Index)>();
        if (weighting.SexQuestion is { } sex && margins.Any(m => m.Variable == "sex"))
        {
            variables.Add(("sex", sex, 1));
        }

        if (weighting.AgeQuestion is { } age && margins.Any(m => m.Variable == "age"))
        {
            variables.Add(("age", age, 2));
        }

        if (variables.Count == 0)
        {
            return (null, null);
        }

        if (query.Filtered || query.CrossQuestion is not null)
        {
            return (null, new CalibrationInfo("post-stratification", null, null, null, null, null,
                "Bộ lọc và bảng chéo chỉ gia quyền theo dân số đơn vị / Filters and cross-tabs are weighted by unit population only."));
        }

        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == survey.Id).Select(r => new { r.Id, r.UnitId }).ToListAsync(ct);
        if (responses.Count == 0)
        {
            return (null, null);
        }

        var keys = variables.Select(v => v.Question).ToList();
        var answers = await db.SurveyAnswers.AsNoTracking().Where(a => a.SurveyId == survey.Id && keys.Contains(a.QuestionKey) && a.Choice != null)
            .Select(a => new { a.ResponseId, a.QuestionKey, a.Choice }).ToListAsync(ct);
        var byResponse = answers.GroupBy(a => (a.ResponseId, a.QuestionKey)).ToDictionary(g => g.Key, g => g.First().Choice!);
        var population = await db.SurveyUnits.AsNoTracking().Where(u => u.SurveyId == survey.Id && u.Population != null)
            .ToDictionaryAsync(u => u.UnitId.ToString(CultureInfo.InvariantCulture), u => (double)u.Population!.Value, StringComparer.Ordinal, ct);
        var unitCategories = responses.Select(r => r.UnitId.ToString(CultureInfo.InvariantCulture)).ToList();
        var present = unitCategories.ToHashSet(StringComparer.Ordinal);
        var list = new List<PopulationMargin> { new(unitCategories, population.Where(p => present.Contains(p.Key)).ToDictionary(StringComparer.Ordinal)) };
        var names = new List<string> { MarginNames[0] };
        foreach (var (name, question, index) in variables)
        {
            const string NoAnswer = "(không trả lời / no answer)";
            list.Add(new PopulationMargin([.. responses.Select(r => byResponse.GetValueOrDefault((r.Id, question)) ?? NoAnswer)],
                margins.Where(m => m.Variable == name).ToDictionary(m => m.Category, m => (double)m.Population, StringComparer.Ordinal)));
            names.Add(MarginNames[index]);
        }

        CalibrationReport calibration;
        try
        {
            WeightCalibration.CheckMargins(list, names, relativeTolerance: 1e-6);
            calibration = WeightCalibration.RakeAndTrim(Enumerable.Repeat(1.0, responses.Count).ToArray(), list, weighting.TrimCap, tolerance: 0.5);
        }
        catch (SurveyDesignException e)
        {
            return (null, new CalibrationInfo("post-stratification", null, null, null, null, null, "Không gia quyền raking được, dùng dân số đơn vị / Raking is not possible, unit population used: " + e.Message));
        }

        var weights = new Dictionary<string, double>(responses.Count, StringComparer.Ordinal);
        for (var i = 0; i < responses.Count; i++)
        {
            weights[responses[i].Id] = calibration.Weights[i];
        }

        var note = language == "vi" ? "gia quyền theo dân số đơn vị, giới tính và nhóm tuổi" : "weighted to the population by unit, sex and age band";
        var info = new CalibrationInfo("raking", calibration.Iterations, calibration.Converged, calibration.MaxMarginError, calibration.Trimmed, calibration.Cap, null);
        var report = await new RawSurveyResults(db).BuildAsync(survey, definition, language, ct, weights, note);
        // The raked weights depend on each respondent's sex and age band as well as unit: protect with those too.
        return (await ProtectAsync(survey, definition, report with { Calibration = info }, ct, [.. variables.Select(v => v.Question)]), info);
    }
}
