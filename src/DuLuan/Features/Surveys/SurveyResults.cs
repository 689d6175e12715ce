using System.Globalization;
using DuLuan.Analysis.Statistics;
using DuLuan.Data;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

/// <summary>
/// Counts, weighted percentages and 95% margins of error of every question. Responses are
/// post-stratified to the population the office entered per unit, and the design is stratified by
/// unit, so margins carry the design effect of the weights. Weights are constant within a unit, so
/// per-unit running totals (<see cref="SurveyTally"/>) are all the estimator needs: the page reads
/// those, not the answers. A filter or cross-tab on a question reads the answers (a raw scan) into
/// the same totals for the respondents concerned; strata keep their full sizes (domain estimation).
/// What each view publishes goes through the disclosure control (<see cref="Protection"/>): counts under
/// <see cref="MinCell"/> are hidden, with complementary cells so that no combination of views gives them back.
/// </summary>
public sealed partial class SurveyResults(AppDbContext db)
{
    public const int MinCell = 5;

    /// <summary>Options a question is counted by (empty for numbers, dates and text).</summary>
    public static List<(string Key, string Label)> OptionsOf(SurveyQuestion q, IEnumerable<(long Id, string Name)> answerUnits, string language) => q.Type switch
    {
        QuestionType.Unit => [.. answerUnits.Select(u => (Key: u.Id.ToString(CultureInfo.InvariantCulture), Label: u.Name))],
        QuestionType.Rating => [.. Enumerable.Range((int)(q.Min ?? 1), (int)((q.Max ?? 5) - (q.Min ?? 1)) + 1)
            .Select(v => (Key: v.ToString(CultureInfo.InvariantCulture), Label: v.ToString(CultureInfo.InvariantCulture)))],
        QuestionType.Single or QuestionType.Multiple or QuestionType.Likert => [.. (q.Options ?? []).Select(o => (o.Key, Label: o.Label.In(language)))],
        _ => [],
    };

    /// <summary>Checks a query against the survey; errors name the field (unit, q, opt, by) and the reason.</summary>
    public static Dictionary<string, Message[]> Check(SurveyDefinition definition, ResultsQuery query, IReadOnlyCollection<Unit> answerUnits)
    {
        var errors = new Dictionary<string, Message[]>(StringComparer.Ordinal);
        static string Show(string s) => s.Length > 40 ? s[..40] + "…" : s;
        var units = answerUnits.Select(u => (u.Id, u.Name)).ToList();
        if (query.Unit is { } unit && !answerUnits.Any(u => u.Id == unit))
        {
            errors["unit"] = [new Message("Surveys.Filter.UnitOutside", unit.ToString(CultureInfo.InvariantCulture))];
        }

        if (query.Question is { } key)
        {
            var q = definition.Questions.FirstOrDefault(x => x.Key == key);
            if (q is null)
            {
                errors["q"] = [new Message("Surveys.Filter.NoQuestion", Show(key))];
            }
            else if (OptionsOf(q, units, "vi") is { Count: > 0 } options)
            {
                if (query.Option is null || !options.Any(o => o.Key == query.Option))
                {
                    errors["opt"] = [new Message("Surveys.Filter.NoOption", key, Show(query.Option ?? string.Empty))];
                }
            }
            else
            {
                errors["q"] = [new Message("Surveys.Filter.NeedsOptions", key)];
            }
        }
        else if (query.Option is not null)
        {
            errors["opt"] = [new Message("Surveys.Filter.OptionNeedsQuestion")];
        }

        if (query.Unit is not null && query.Question is not null)
        {
            errors["q"] = [new Message("Surveys.Filter.OneFilter")];
        }

        if (query.CrossQuestion is not null && query.Filtered)
        {
            errors["by"] = [new Message("Surveys.Filter.CrossWithoutFilter")];
        }

        if (query.CrossQuestion is { } by)
        {
            var q = definition.Questions.FirstOrDefault(x => x.Key == by);
            if (q is null || OptionsOf(q, units, "vi").Count == 0)
            {
                errors["by"] = [new Message("Surveys.Filter.CrossBy", Show(by))];
            }
        }

        return errors;
    }

    public async Task<ResultsReport> BuildAsync(Survey survey, SurveyDefinition definition, string language, CancellationToken ct, ResultsQuery? query = null)
    {
        query ??= new ResultsQuery();
        var (all, sizes) = await TalliesAsync(survey.Id, ct);
        weightCells = null;
        var raking = await RakedAsync(survey, definition, language, query, sizes, ct);
        if (raking.Report is { } byRows)
        {
            return byRows;
        }

        var calibration = raking.Info;

        var total = (int)sizes.Values.Sum();
        var unitIds = sizes.Keys.ToList();
        var targets = await db.SurveyUnits.AsNoTracking().Where(u => u.SurveyId == survey.Id).ToListAsync(ct);
        var answerUnits = await ResponseIntake.AnswerUnitsAsync(db, survey.UnitId, ct);
        var names = await db.Units.AsNoTracking()
            .Where(u => unitIds.Contains(u.Id) || u.Id == survey.UnitId)
            .Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        foreach (var u in answerUnits)
        {
            names.TryAdd(u.Id, u.Name);
        }

        var population = targets.Where(t => t.Population > 0).ToDictionary(t => t.UnitId, t => (double)t.Population!.Value);
        var missing = unitIds.Where(u => !population.ContainsKey(u)).Select(u => names.GetValueOrDefault(u, "?")).Order(StringComparer.Ordinal).ToList();
        var weighted = total > 0 && missing.Count == 0;
        // Post-stratification: every response of unit h weighs N_h / n_h.
        var strata = sizes.Select(s => new Stratum(s.Key, [(0, s.Value, weighted ? population[s.Key] / s.Value : 1.0)])).ToList();
        var note = Say(language, weighted ? "Surveys.Results.Weighted" : "Surveys.Results.Unweighted");
        if (raking.Cells is { } cells)
        {
            // Raked: one weight per unit × weighting cell, from the kept totals split by cell.
            (strata, all, weighted, missing, note) = (cells.Strata, cells.Domain, true, new List<string>(), Say(language, "Surveys.Results.Raked"));
        }

        var units = answerUnits.Select(u => (u.Id, u.Name)).ToList();
        var cross = query.CrossQuestion is { } by ? definition.Questions.First(q => q.Key == by) : null;
        var crossOptions = cross is null ? [] : OptionsOf(cross, units, language);
        // A filter on an answer is a row of the cross-tab by its question: the scan gives every row, so the
        // row's suppression is the same whichever view asks.
        var scanned = query.Question is { } filterKey ? definition.Questions.First(q => q.Key == filterKey) : cross;
        var crossTables = scanned is null ? null : await CrossTablesAsync(survey.Id, definition, scanned, ct);
        var domain = query.Question is not null ? crossTables!.GetValueOrDefault(query.Option!) ?? new Table()
            : query.Unit is { } only ? all.Only(only) : all;
        var protect = raking.Cells is null ? Protection.Build(definition, units, all, sizes, scanned, crossTables) : null;
        var questions = new List<QuestionResult>();
        foreach (var q in definition.Questions)
        {
            var result = Question(q, domain, strata, total, names, OptionsOf(q, units, language), language, note,
                cross is null || cross.Key == q.Key ? null : crossOptions.Select(o => (o.Key, o.Label, crossTables!.GetValueOrDefault(o.Key) ?? new Table())).ToList(),
                marginsInUnit: raking.Cells is null);
            if (q.Type is QuestionType.Text or QuestionType.LongText && !query.Filtered && result.Answered > 0)
            {
                result = result with { TextGroups = await GroupTextsAsync(survey.Id, q.Key, ct) };
            }

            questions.Add(result);
        }

        var progress = answerUnits.Select(u => u.Id).Union(targets.Select(t => t.UnitId)).Union(unitIds).Distinct()
            .Select(id => new UnitProgress(id, names.GetValueOrDefault(id, "?"), (int)sizes.GetValueOrDefault(id),
                targets.FirstOrDefault(t => t.UnitId == id)?.Quota, targets.FirstOrDefault(t => t.UnitId == id)?.Population))
            .OrderBy(p => p.Unit, StringComparer.Ordinal).ToList();
        var report = new ResultsReport(survey.Id, definition.Title.In(language), language, total, weighted, note, missing, questions, progress,
            Describe(definition, query, names, units, language), cross?.Key, calibration);
        // The raked weights depend on each respondent's sex and age band as well as unit: protected with those too.
        return protect is null ? await ProtectAsync(survey, definition, report, ct, raking.Questions)
            : report with { Questions = protect.Apply(questions, query) };
    }

    /// <summary>
    /// An unfiltered report computed elsewhere (the raked results, the row-by-row reference) with the
    /// figures the disclosure control hides taken out, as <see cref="BuildAsync"/> does.
    /// </summary>
    /// <param name="rakedBy">Questions the weights were raked to besides the unit (sex, age band): a weighted
    /// figure is then also computed cell by cell of those, so their tables must hide nothing it uses.</param>
    public async Task<ResultsReport> ProtectAsync(Survey survey, SurveyDefinition definition, ResultsReport report, CancellationToken ct, IReadOnlyList<string>? rakedBy = null)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(report);
        var (all, sizes) = await TalliesAsync(survey.Id, ct);
        var units = (await ResponseIntake.AnswerUnitsAsync(db, survey.UnitId, ct)).Select(u => (u.Id, u.Name)).ToList();
        var protection = Protection.Build(definition, units, all, sizes, null, null);
        var raking = new List<Protection>();
        foreach (var key in rakedBy ?? [])
        {
            if (definition.Questions.FirstOrDefault(q => q.Key == key) is { } question && OptionsOf(question, units, "vi").Count > 0)
            {
                raking.Add(Protection.Build(definition, units, all, sizes, question, await CrossTablesAsync(survey.Id, definition, question, ct)));
            }
        }

        return report with { Questions = protection.Apply(report.Questions, new ResultsQuery(), raking) };
    }

    /// <summary>The running totals per unit, and each unit's number of responses.</summary>
    private async Task<(Table All, SortedDictionary<long, long> Sizes)> TalliesAsync(long surveyId, CancellationToken ct)
    {
        var stored = await db.SurveyTallies.AsNoTracking().Where(t => t.SurveyId == surveyId)
            .GroupBy(t => new { t.UnitId, t.QuestionKey, t.OptionKey })
            .Select(g => new { g.Key.UnitId, g.Key.QuestionKey, g.Key.OptionKey, Count = g.Sum(t => t.Count), Sum = g.Sum(t => t.Sum), SumSquares = g.Sum(t => t.SumSquares) })
            .ToListAsync(ct);
        var all = new Table();
        var sizes = new SortedDictionary<long, long>();
        foreach (var t in stored)
        {
            if (t.QuestionKey.Length == 0)
            {
                if (t.Count > 0)
                {
                    sizes[t.UnitId] = t.Count;
                }

                continue;
            }

            var s = all.At(t.UnitId, t.QuestionKey, t.OptionKey);
            (s.Count, s.Sum, s.SumSquares) = (t.Count, t.Sum, t.SumSquares);
        }

        return (all, sizes);
    }

    private static string? Describe(SurveyDefinition definition, ResultsQuery query, Dictionary<long, string> names, List<(long Id, string Name)> units, string language)
    {
        var parts = new List<string>();
        if (query.Unit is { } unit)
        {
            parts.Add(Say(language, "Surveys.Results.FilterUnit", names.GetValueOrDefault(unit, "?")));
        }

        if (query.Question is { } key && definition.Questions.FirstOrDefault(q => q.Key == key) is { } q)
        {
            var option = OptionsOf(q, units, language).FirstOrDefault(o => o.Key == query.Option).Label ?? query.Option;
            parts.Add($"{q.Label.In(language)} = {option}");
        }

        return parts.Count == 0 ? null : Say(language, "Surveys.Results.OnlyRespondents", string.Join("; ", parts));
    }

    private static DesignEstimate? Estimate(IReadOnlyList<IReadOnlyList<StratumSums>> strata)
    {
        try
        {
            return StratumSumsEstimator.MeanOfCells(strata);
        }
        catch (SurveyDesignException)
        {
            return null;
        }
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static string Type(SurveyQuestion q) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(q.Type.ToString());

    /// <summary>"58% ± 4 điểm; dựa trên 612 phiếu, gia quyền theo dân số các đơn vị".</summary>
    public static string Line(double estimate, double margin, int n, string language, string note, bool percent)
    {
        var culture = CultureInfo.GetCultureInfo(language == "vi" ? "vi-VN" : "en-GB");
        var value = estimate.ToString(percent ? "0" : "0.0#", culture) + (percent ? "%" : string.Empty);
        var plusMinus = margin.ToString(margin < 10 ? "0.#" : "0", culture);
        return Say(language, percent ? "Surveys.Results.LinePercent" : "Surveys.Results.Line", value, plusMinus, n.ToString("N0", culture), note);
    }

    /// <summary>A resource text in the results' language ("vi" or "en").</summary>
    internal static string Say(string language, string key, params object?[] args)
        => new Message(key, args).In(CultureInfo.GetCultureInfo(language == "en" ? "en" : "vi"));
}
