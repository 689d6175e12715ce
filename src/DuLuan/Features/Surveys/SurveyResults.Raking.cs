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
    /// What raking gives a request: nothing (no margins: post-stratified), a note why not (<see cref="Info"/> only), the
    /// whole report computed row by row (<see cref="Report"/>, the reference), or the design and totals per unit ×
    /// weighting cell (<see cref="Cells"/>) for <see cref="BuildAsync"/> to compute from; <see cref="Questions"/> are the
    /// questions raked to besides the unit.
    /// </summary>
    private sealed record Raking(CalibrationInfo? Info = null, ResultsReport? Report = null, RakedCells? Cells = null, IReadOnlyList<string>? Questions = null);

    /// <summary>The raked design (each unit's cells with their responses and weight) and the totals of every question per unit × cell.</summary>
    private sealed record RakedCells(List<Stratum> Strata, Table Domain);

    /// <summary>
    /// When the office entered sex or age-band margins: the weights raked to units, sex and age band (trimmed at the
    /// office's cap). Weights are then constant within unit × weighting cell, so the totals kept per cell
    /// (<see cref="SurveyWeightTally"/>) are all the estimates need; with <see cref="RowByRow"/>, or if those totals do
    /// not add up to the unit totals, every response and answer is read instead. Filters and cross-tabs stay post-stratified.
    /// </summary>
    private async Task<Raking> RakedAsync(Survey survey, SurveyDefinition definition, string language, ResultsQuery query, SortedDictionary<long, long> sizes, CancellationToken ct)
    {
        var weighting = await db.SurveyWeightings.AsNoTracking().FirstOrDefaultAsync(w => w.SurveyId == survey.Id, ct);
        if (weighting is null)
        {
            return new Raking();
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
            return new Raking();
        }

        if (query.Filtered || query.CrossQuestion is not null)
        {
            return new Raking(new CalibrationInfo("post-stratification", null, null, null, null, null, Say(language, "Surveys.Results.RakingFiltered")));
        }

        if (sizes.Count == 0)
        {
            return new Raking();
        }

        var population = await db.SurveyUnits.AsNoTracking().Where(u => u.SurveyId == survey.Id && u.Population != null)
            .ToDictionaryAsync(u => u.UnitId.ToString(CultureInfo.InvariantCulture), u => (double)u.Population!.Value, StringComparer.Ordinal, ct);
        var names = new List<string> { Say(language, MarginNames[0]) };
        names.AddRange(variables.Select(v => Say(language, MarginNames[v.Index])));
        var noAnswer = Say(language, "Surveys.Results.NoAnswer");
        PopulationMargin Margin(string name, List<string> categories) => new(categories,
            margins.Where(m => m.Variable == name).ToDictionary(m => m.Category, m => (double)m.Population, StringComparer.Ordinal));
        PopulationMargin UnitMargin(List<string> categories)
        {
            var present = categories.ToHashSet(StringComparer.Ordinal);
            return new PopulationMargin(categories, population.Where(p => present.Contains(p.Key)).ToDictionary(StringComparer.Ordinal));
        }

        var questions = variables.Select(v => v.Question).ToList();
        if ((RowByRow ? null : await KeptCellsAsync(survey.Id, weighting, sizes, ct)) is not { } kept)
        {
            return await RakedByRowsAsync(survey, definition, language, weighting, variables, names, noAnswer, Margin, UnitMargin, ct);
        }

        // One entry per unit × cell, standing for its responses (frequencies): the same raking as over the rows.
        string Category(string option) => option.Length == 0 ? noAnswer : option;
        var list = new List<PopulationMargin> { UnitMargin([.. kept.Cells.Select(c => c.Unit.ToString(CultureInfo.InvariantCulture))]) };
        list.AddRange(variables.Select(v => Margin(v.Name, [.. kept.Cells.Select(c => Category(v.Name == "sex" ? c.Sex : c.Age))])));
        double[] frequencies = [.. kept.Cells.Select(c => (double)c.Size)];
        CalibrationReport calibration;
        try
        {
            WeightCalibration.CheckMargins(list, names, relativeTolerance: 1e-6, frequencies);
            calibration = WeightCalibration.RakeAndTrim(Enumerable.Repeat(1.0, kept.Cells.Count).ToArray(), list, weighting.TrimCap, tolerance: 0.5, frequencies: frequencies);
        }
        catch (SurveyDesignException e)
        {
            return new Raking(new CalibrationInfo("post-stratification", null, null, null, null, null, Say(language, "Surveys.Results.RakingFailed", e.Message)));
        }

        var strata = kept.Cells.Select((c, i) => (c.Unit, Cell: (i, c.Size, calibration.Weights[i]))).GroupBy(c => c.Unit)
            .Select(g => new Stratum(g.Key, [.. g.Select(c => c.Cell)])).OrderBy(s => s.Unit).ToList();
        rakedWeights = kept.Cells.Select((c, i) => (c, i)).ToDictionary(x => (x.c.Unit, x.c.Sex, x.c.Age), x => (IReadOnlyList<double>)[calibration.Weights[x.i]]);
        return new Raking(Info(calibration), Cells: new RakedCells(strata, kept.Domain), Questions: questions);
    }

    private static CalibrationInfo Info(CalibrationReport c) => new("raking", c.Iterations, c.Converged, c.MaxMarginError, c.Trimmed, c.Cap, null);

    /// <summary>The reference: the raking over every response and the estimates from every answer (<see cref="RawSurveyResults"/>).</summary>
    private async Task<Raking> RakedByRowsAsync(Survey survey, SurveyDefinition definition, string language, SurveyWeighting weighting, List<(string Name, string Question, int Index)> variables,
        List<string> names, string noAnswer, Func<string, List<string>, PopulationMargin> margin, Func<List<string>, PopulationMargin> unitMargin, CancellationToken ct)
    {
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == survey.Id).Select(r => new { r.Id, r.UnitId }).ToListAsync(ct);
        var keys = variables.Select(v => v.Question).ToList();
        var answers = await db.SurveyAnswers.AsNoTracking().Where(a => a.SurveyId == survey.Id && keys.Contains(a.QuestionKey) && a.Choice != null)
            .Select(a => new { a.ResponseId, a.QuestionKey, a.Choice }).ToListAsync(ct);
        var byResponse = answers.GroupBy(a => (a.ResponseId, a.QuestionKey)).ToDictionary(g => g.Key, g => g.Select(a => a.Choice!).Order(StringComparer.Ordinal).First());
        var list = new List<PopulationMargin> { unitMargin([.. responses.Select(r => r.UnitId.ToString(CultureInfo.InvariantCulture))]) };
        list.AddRange(variables.Select(v => margin(v.Name, [.. responses.Select(r => byResponse.GetValueOrDefault((r.Id, v.Question)) ?? noAnswer)])));
        CalibrationReport calibration;
        try
        {
            WeightCalibration.CheckMargins(list, names, relativeTolerance: 1e-6);
            calibration = WeightCalibration.RakeAndTrim(Enumerable.Repeat(1.0, responses.Count).ToArray(), list, weighting.TrimCap, tolerance: 0.5);
        }
        catch (SurveyDesignException e)
        {
            return new Raking(new CalibrationInfo("post-stratification", null, null, null, null, null, Say(language, "Surveys.Results.RakingFailed", e.Message)));
        }

        var weights = new Dictionary<string, double>(responses.Count, StringComparer.Ordinal);
        for (var i = 0; i < responses.Count; i++)
        {
            weights[responses[i].Id] = calibration.Weights[i];
        }

        string Option(string id, string? question) => question is null ? string.Empty : byResponse.GetValueOrDefault((id, question)) ?? string.Empty;
        rakedWeights = responses.Select((r, i) => (Cell: (r.UnitId, Option(r.Id, weighting.SexQuestion), Option(r.Id, weighting.AgeQuestion)), Weight: calibration.Weights[i]))
            .GroupBy(r => r.Cell).ToDictionary(g => g.Key, g => (IReadOnlyList<double>)[.. g.Select(r => r.Weight)]);

        var info = Info(calibration);
        var report = await new RawSurveyResults(db).BuildAsync(survey, definition, language, ct, weights, Say(language, "Surveys.Results.Raked"));
        var questions = new List<QuestionResult>();
        foreach (var (q, result) in definition.Questions.Zip(report.Questions))
        {
            questions.Add(q.Type is QuestionType.Text or QuestionType.LongText && result.Answered > 0 ? result with { TextGroups = await GroupTextsAsync(survey.Id, q.Key, ct) } : result);
        }

        // The raked weights depend on each respondent's sex and age band as well as unit: protect with those too.
        return new Raking(info, await ProtectAsync(survey, definition, report with { Questions = questions, Calibration = info }, ct, keys));
    }

    /// <summary>The raked weights of the last request, per unit × weighting cell: one for the kept path, each response's from the rows.</summary>
    private Dictionary<(long Unit, string Sex, string Age), IReadOnlyList<double>>? rakedWeights;

    /// <summary>
    /// The raked weights of the unfiltered results per (unit, answer to the sex question, to the age question; empty: none):
    /// from the kept totals, one weight per cell; with <see cref="RowByRow"/>, every response's weight. Null when not raked.
    /// </summary>
    public async Task<Dictionary<(long Unit, string Sex, string Age), IReadOnlyList<double>>?> RakedWeightsAsync(Survey survey, SurveyDefinition definition, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(survey);
        rakedWeights = null;
        await BuildAsync(survey, definition, "vi", ct);
        return rakedWeights;
    }
}
