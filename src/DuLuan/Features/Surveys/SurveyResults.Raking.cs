using System.Globalization;
using DuLuan.Analysis.Statistics;
using DuLuan.Data;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

public sealed partial class SurveyResults
{
    /// <summary>Names of the raking margins in messages.</summary>
    private static readonly string[] MarginNames = ["Surveys.Results.Margin.Unit", "Surveys.Results.Margin.Sex", "Surveys.Results.Margin.Age"];

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
            return (null, new CalibrationInfo("post-stratification", null, null, null, null, null, Say(language, "Surveys.Results.RakingFiltered")));
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
        var names = new List<string> { Say(language, MarginNames[0]) };
        foreach (var (name, question, index) in variables)
        {
            var noAnswer = Say(language, "Surveys.Results.NoAnswer");
            list.Add(new PopulationMargin([.. responses.Select(r => byResponse.GetValueOrDefault((r.Id, question)) ?? noAnswer)],
                margins.Where(m => m.Variable == name).ToDictionary(m => m.Category, m => (double)m.Population, StringComparer.Ordinal)));
            names.Add(Say(language, MarginNames[index]));
        }

        CalibrationReport calibration;
        try
        {
            WeightCalibration.CheckMargins(list, names, relativeTolerance: 1e-6);
            calibration = WeightCalibration.RakeAndTrim(Enumerable.Repeat(1.0, responses.Count).ToArray(), list, weighting.TrimCap, tolerance: 0.5);
        }
        catch (SurveyDesignException e)
        {
            return (null, new CalibrationInfo("post-stratification", null, null, null, null, null, Say(language, "Surveys.Results.RakingFailed", e.Message)));
        }

        var weights = new Dictionary<string, double>(responses.Count, StringComparer.Ordinal);
        for (var i = 0; i < responses.Count; i++)
        {
            weights[responses[i].Id] = calibration.Weights[i];
        }

        var note = Say(language, "Surveys.Results.Raked");
        var info = new CalibrationInfo("raking", calibration.Iterations, calibration.Converged, calibration.MaxMarginError, calibration.Trimmed, calibration.Cap, null);
        var report = await new RawSurveyResults(db).BuildAsync(survey, definition, language, ct, weights, note);
        // The raked weights depend on each respondent's sex and age band as well as unit: protect with those too.
        return (await ProtectAsync(survey, definition, report with { Calibration = info }, ct, [.. variables.Select(v => v.Question)]), info);
    }
}
