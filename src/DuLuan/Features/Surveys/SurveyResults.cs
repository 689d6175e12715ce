using System.Globalization;
using DuLuan.Analysis.Statistics;
using DuLuan.Data;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

public sealed record OptionResult(string Key, string Label, int? Count, double? Percent, double? Margin, double? DesignEffect, string? Summary);

public sealed record MeanResult(double Estimate, double Margin, double? DesignEffect, string Summary);

/// <summary>One cell of a cross-tab: unweighted count, weighted percent and its 95% margin (points); all null when hidden.</summary>
public sealed record UnitCell(int? Count, double? Percent, double? Margin);

public sealed record UnitRow(long UnitId, string Unit, int Answered, List<UnitCell> Cells);

/// <summary>A row of a cross-tab by another question: the respondents who picked <see cref="Key"/> there.</summary>
public sealed record CrossRow(string Key, string Label, int Answered, List<UnitCell> Cells);

public sealed record QuestionResult(string Key, string Type, string Label, int Answered, List<OptionResult> Options, MeanResult? Mean, List<UnitRow> ByUnit, List<CrossRow>? CrossTab)
{
    /// <summary>Free-text answers grouped by similarity (groups under 5 left out), for text questions.</summary>
    public TextGroups? TextGroups { get; init; }
}

/// <summary>One group of similar free-text answers: how many, and a few of them (already redacted at intake).</summary>
public sealed record TextGroup(int Count, List<string> Examples);

/// <summary>Groups of similar answers, largest first; <see cref="Hidden"/> answers sit in groups under 5; <see cref="Read"/> answers were grouped.</summary>
public sealed record TextGroups(int Read, int Hidden, List<TextGroup> Groups);

public sealed record UnitProgress(long UnitId, string Unit, int Responses, int? Quota, long? Population);

public sealed record ResultsReport(long SurveyId, string Title, string Language, int Responses, bool Weighted, string WeightNote, List<string> UnitsWithoutPopulation, List<QuestionResult> Questions, List<UnitProgress> Units, string? Filter, string? CrossBy, CalibrationInfo? Calibration);

/// <summary>
/// How the weights were made: "raking" (unit, sex, age band; with the rounds, the largest margin gap
/// left in people, the weights at the trimming cap) or "post-stratification" (by unit), with the
/// reason raking was not used when the office asked for it.
/// </summary>
public sealed record CalibrationInfo(string Method, int? Iterations, bool? Converged, double? MaxMarginError, int? Trimmed, double? Cap, string? Problem);

/// <summary>
/// What to show: only respondents of one unit and/or who picked <see cref="Option"/> at
/// <see cref="Question"/>; <see cref="By"/> is "unit" (default) or a question to cross every other by.
/// </summary>
public sealed record ResultsQuery(long? Unit = null, string? Question = null, string? Option = null, string? By = null)
{
    public bool Filtered => Unit is not null || Question is not null;

    public string? CrossQuestion => By is null or "unit" ? null : By;
}

/// <summary>
/// Counts, weighted percentages and 95% margins of error of every question. Responses are
/// post-stratified to the population the office entered per unit, and the design is stratified by
/// unit, so margins carry the design effect of the weights. Weights are constant within a unit, so
/// per-unit running totals (<see cref="SurveyTally"/>) are all the estimator needs: the page reads
/// those, not the answers. A filter or cross-tab on a question reads the answers (a raw scan) into
/// the same totals for the respondents concerned; strata keep their full sizes (domain estimation).
/// Any cell under <see cref="MinCell"/> is hidden.
/// </summary>
public sealed class SurveyResults(AppDbContext db)
{
    public const int MinCell = 5;

    private readonly record struct Cell(string Question, string Option);

    private sealed class Sums
    {
        public long Count;
        public double Sum;
        public double SumSquares;
    }

    /// <summary>Per unit, per (question, option): the domain's running totals.</summary>
    private sealed class Table
    {
        private static readonly Sums Zero = new();
        private readonly Dictionary<long, Dictionary<Cell, Sums>> units = [];

        public Sums At(long unit, string question, string option)
        {
            if (!units.TryGetValue(unit, out var cells))
            {
                cells = [];
                units.Add(unit, cells);
            }

            var key = new Cell(question, option);
            if (!cells.TryGetValue(key, out var sums))
            {
                sums = new Sums();
                cells.Add(key, sums);
            }

            return sums;
        }

        public Sums Get(long unit, string question, string option)
            => units.TryGetValue(unit, out var cells) && cells.TryGetValue(new Cell(question, option), out var s) ? s : Zero;

        public Table Only(long unit)
        {
            var table = new Table();
            if (units.TryGetValue(unit, out var cells))
            {
                table.units.Add(unit, cells);
            }

            return table;
        }
    }

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
    public static Dictionary<string, string[]> Check(SurveyDefinition definition, ResultsQuery query, IReadOnlyCollection<Unit> answerUnits)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        static string Show(string s) => s.Length > 40 ? s[..40] + "…" : s;
        var units = answerUnits.Select(u => (u.Id, u.Name)).ToList();
        if (query.Unit is { } unit && !answerUnits.Any(u => u.Id == unit))
        {
            errors["unit"] = [$"Đơn vị {unit.ToString(CultureInfo.InvariantCulture)} không thuộc phạm vi khảo sát / Unit {unit.ToString(CultureInfo.InvariantCulture)} is not one this survey covers."];
        }

        if (query.Question is { } key)
        {
            var q = definition.Questions.FirstOrDefault(x => x.Key == key);
            if (q is null)
            {
                errors["q"] = [$"Khảo sát không có câu hỏi '{Show(key)}' / The survey has no question '{Show(key)}'."];
            }
            else if (OptionsOf(q, units, "vi") is { Count: > 0 } options)
            {
                if (query.Option is null || !options.Any(o => o.Key == query.Option))
                {
                    errors["opt"] = [$"Câu hỏi '{key}' không có lựa chọn '{Show(query.Option ?? string.Empty)}' / Question '{key}' has no option '{Show(query.Option ?? string.Empty)}'."];
                }
            }
            else
            {
                errors["q"] = [$"Chỉ lọc được theo câu hỏi có lựa chọn; '{key}' không có / Only a question with options can filter; '{key}' has none."];
            }
        }
        else if (query.Option is not null)
        {
            errors["opt"] = ["Lọc theo lựa chọn cần chọn câu hỏi (q) / Filtering by an option needs its question (q)."];
        }

        if (query.CrossQuestion is { } by)
        {
            var q = definition.Questions.FirstOrDefault(x => x.Key == by);
            if (q is null || OptionsOf(q, units, "vi").Count == 0)
            {
                errors["by"] = [$"Không lập bảng chéo theo '{Show(by)}' được: cần 'unit' hoặc một câu hỏi có lựa chọn / Cannot cross-tabulate by '{Show(by)}': use 'unit' or a question with options."];
            }
        }

        return errors;
    }

    public async Task<ResultsReport> BuildAsync(Survey survey, SurveyDefinition definition, string language, CancellationToken ct, ResultsQuery? query = null)
    {
        query ??= new ResultsQuery();
        var vi = language == "vi";
        var (raked, calibration) = await RakedAsync(survey, definition, language, query, ct);
        if (raked is not null)
        {
            return raked;
        }

        var stored = await db.SurveyTallies.AsNoTracking().Where(t => t.SurveyId == survey.Id)
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
        var weights = sizes.ToDictionary(s => s.Key, s => weighted ? population[s.Key] / s.Value : 1.0);
        var note = (weighted, vi) switch
        {
            (true, true) => "gia quyền theo dân số các đơn vị",
            (true, false) => "weighted to the units' population",
            (false, true) => "chưa gia quyền (chưa nhập đủ dân số các đơn vị)",
            (false, false) => "unweighted (population not entered for every unit)",
        };

        var units = answerUnits.Select(u => (u.Id, u.Name)).ToList();
        var cross = query.CrossQuestion is { } by ? definition.Questions.First(q => q.Key == by) : null;
        var crossOptions = cross is null ? [] : OptionsOf(cross, units, language);
        Table domain;
        Dictionary<string, Table>? crossTables = null;
        if (query.Question is not null || cross is not null)
        {
            (domain, crossTables) = await ScanAsync(survey.Id, definition, query, cross, ct);
        }
        else
        {
            domain = query.Unit is { } only ? all.Only(only) : all;
        }

        var questions = new List<QuestionResult>();
        foreach (var q in definition.Questions)
        {
            var result = Question(q, domain, sizes, weights, total, names, OptionsOf(q, units, language), language, note,
                cross is null || cross.Key == q.Key ? null : crossOptions.Select(o => (o.Key, o.Label, crossTables!.GetValueOrDefault(o.Key) ?? new Table())).ToList());
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
        return new ResultsReport(survey.Id, definition.Title.In(language), language, total, weighted, note, missing, questions, progress,
            Describe(definition, query, names, units, language), cross?.Key, calibration);
    }

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
        return (report with { Calibration = info }, info);
    }

    /// <summary>At most this many answers (the latest stored) are grouped per question.</summary>
    public const int MaxTexts = 5000;

    /// <summary>Near-duplicate groups (MinHash, Jaccard ≥ 0.4 on folded word pairs) of a text question's answers.</summary>
    private async Task<TextGroups> GroupTextsAsync(long surveyId, string question, CancellationToken ct)
    {
        var texts = await db.SurveyAnswers.AsNoTracking().Where(a => a.SurveyId == surveyId && a.QuestionKey == question && a.Text != null)
            .OrderByDescending(a => a.Id).Take(MaxTexts).Select(a => a.Text!).ToListAsync(ct);
        var clusters = DuLuan.Analysis.Text.NearDuplicateClustering.Cluster(texts);
        var groups = Enumerable.Range(0, texts.Count).GroupBy(i => clusters[i]).Select(g => g.ToList()).ToList();
        var shown = groups.Where(g => g.Count >= MinCell).OrderByDescending(g => g.Count).ThenBy(g => g[0])
            .Select(g => new TextGroup(g.Count, [.. g.Select(i => texts[i]).Distinct(StringComparer.Ordinal).Take(3)])).Take(30).ToList();
        return new TextGroups(texts.Count, groups.Where(g => g.Count < MinCell).Sum(g => g.Count), shown);
    }

    private static string? Describe(SurveyDefinition definition, ResultsQuery query, Dictionary<long, string> names, List<(long Id, string Name)> units, string language)
    {
        var vi = language == "vi";
        var parts = new List<string>();
        if (query.Unit is { } unit)
        {
            parts.Add((vi ? "đơn vị " : "unit ") + names.GetValueOrDefault(unit, "?"));
        }

        if (query.Question is { } key && definition.Questions.FirstOrDefault(q => q.Key == key) is { } q)
        {
            var option = OptionsOf(q, units, language).FirstOrDefault(o => o.Key == query.Option).Label ?? query.Option;
            parts.Add($"{q.Label.In(language)} = {option}");
        }

        return parts.Count == 0 ? null : (vi ? "Chỉ người trả lời thuộc: " : "Only respondents with: ") + string.Join("; ", parts);
    }

    /// <summary>The raw scan: running totals of the respondents the filter keeps, and per option of the cross question.</summary>
    private async Task<(Table Domain, Dictionary<string, Table>? Cross)> ScanAsync(long surveyId, SurveyDefinition definition, ResultsQuery query, SurveyQuestion? cross, CancellationToken ct)
    {
        var responses = db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == surveyId);
        if (query.Unit is { } unit)
        {
            responses = responses.Where(r => r.UnitId == unit);
        }

        var unitOf = await responses.Select(r => new { r.Id, r.UnitId }).ToDictionaryAsync(r => r.Id, r => r.UnitId, StringComparer.Ordinal, ct);
        var answers = await db.SurveyAnswers.AsNoTracking().Where(a => a.SurveyId == surveyId)
            .Select(a => new { a.ResponseId, a.QuestionKey, a.Choice, a.Number }).ToListAsync(ct);
        var types = definition.Questions.ToDictionary(q => q.Key, q => q.Type, StringComparer.Ordinal);
        HashSet<string>? kept = null;
        if (query.Question is { } filterKey)
        {
            var filterType = types[filterKey];
            kept = answers.Where(a => a.QuestionKey == filterKey && SurveyTallies.OptionOf(filterType, a.Choice, a.Number) == query.Option && unitOf.ContainsKey(a.ResponseId))
                .Select(a => a.ResponseId).ToHashSet(StringComparer.Ordinal);
        }

        Dictionary<string, List<string>>? picks = null;
        if (cross is not null)
        {
            picks = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var a in answers)
            {
                if (a.QuestionKey == cross.Key && SurveyTallies.OptionOf(cross.Type, a.Choice, a.Number) is { } option)
                {
                    if (!picks.TryGetValue(a.ResponseId, out var list))
                    {
                        list = [];
                        picks.Add(a.ResponseId, list);
                    }

                    list.Add(option);
                }
            }
        }

        var domain = new Table();
        var tables = cross is null ? null : new Dictionary<string, Table>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        foreach (var a in answers)
        {
            if (!unitOf.TryGetValue(a.ResponseId, out var unitId) || (kept is not null && !kept.Contains(a.ResponseId)))
            {
                continue;
            }

            var type = types.GetValueOrDefault(a.QuestionKey, QuestionType.Text);
            // A multiple choice gives one row per option: the response answered the question once.
            var first = type != QuestionType.Multiple || seen.Add((a.ResponseId, a.QuestionKey));
            var option = SurveyTallies.OptionOf(type, a.Choice, a.Number);
            Add(domain);
            if (picks is not null && picks.TryGetValue(a.ResponseId, out var crossOptions))
            {
                foreach (var c in crossOptions)
                {
                    if (!tables!.TryGetValue(c, out var table))
                    {
                        table = new Table();
                        tables.Add(c, table);
                    }

                    Add(table);
                }
            }

            void Add(Table table)
            {
                var answered = table.At(unitId, a.QuestionKey, string.Empty);
                if (first)
                {
                    answered.Count++;
                }

                if (a.Number is { } v)
                {
                    answered.Sum += v;
                    answered.SumSquares += v * v;
                }

                if (option is not null)
                {
                    table.At(unitId, a.QuestionKey, option).Count++;
                }
            }
        }

        return (domain, tables);
    }

    private static QuestionResult Question(SurveyQuestion q, Table domain, SortedDictionary<long, long> sizes, Dictionary<long, double> weights, int total,
        Dictionary<long, string> names, List<(string Key, string Label)> options, string language, string note, List<(string Key, string Label, Table Table)>? crossRows)
    {
        StratumSums[] Strata(Table table, string option, long? only) => [.. sizes.Select(s =>
        {
            if (only is { } u && s.Key != u)
            {
                return new StratumSums(s.Value, weights[s.Key], 0, 0, 0);
            }

            var answered = table.Get(s.Key, q.Key, string.Empty);
            if (option.Length == 0)
            {
                return new StratumSums(s.Value, weights[s.Key], answered.Count, answered.Sum, answered.SumSquares);
            }

            var picked = table.Get(s.Key, q.Key, option).Count;
            return new StratumSums(s.Value, weights[s.Key], answered.Count, picked, picked);
        })];

        int Answered(Table table) => (int)sizes.Keys.Sum(u => table.Get(u, q.Key, string.Empty).Count);
        int Picked(Table table, string option) => (int)sizes.Keys.Sum(u => table.Get(u, q.Key, option).Count);

        var answered = Answered(domain);
        var results = new List<OptionResult>();
        MeanResult? mean = null;
        var byUnit = new List<UnitRow>();
        if (total == 0 || answered == 0 || q.Type is QuestionType.Text or QuestionType.LongText or QuestionType.Date)
        {
            return new QuestionResult(q.Key, Type(q), q.Label.In(language), answered, results, null, byUnit, null);
        }

        List<CrossRow>? crossTab = null;
        if (q.Type != QuestionType.Number)
        {
            foreach (var (key, label) in options)
            {
                var count = Picked(domain, key);
                if (count < MinCell || answered < MinCell)
                {
                    results.Add(new OptionResult(key, label, null, null, null, null, null));
                    continue;
                }

                var estimate = Estimate(Strata(domain, key, null));
                results.Add(estimate is null
                    ? new OptionResult(key, label, count, null, null, null, null)
                    : new OptionResult(key, label, count, estimate.Estimate * 100, estimate.MarginOfError * 100, Finite(estimate.DesignEffect),
                        Line(estimate.Estimate * 100, estimate.MarginOfError * 100, answered, language, note, percent: true)));
            }

            foreach (var unit in sizes.Keys.OrderBy(u => names.GetValueOrDefault(u, "?"), StringComparer.Ordinal))
            {
                var inUnit = (int)domain.Get(unit, q.Key, string.Empty).Count;
                var cells = options.Select(o =>
                {
                    var c = (int)domain.Get(unit, q.Key, o.Key).Count;
                    return c < MinCell || inUnit < MinCell
                        ? new UnitCell(null, null, null)
                        : new UnitCell(c, 100.0 * c / inUnit, Estimate(Strata(domain, o.Key, unit))?.MarginOfError * 100);
                }).ToList();
                byUnit.Add(new UnitRow(unit, names.GetValueOrDefault(unit, "?"), inUnit, cells));
            }

            if (crossRows is not null)
            {
                crossTab = [];
                foreach (var (rowKey, rowLabel, table) in crossRows)
                {
                    var inRow = Answered(table);
                    var cells = options.Select(o =>
                    {
                        var c = Picked(table, o.Key);
                        if (c < MinCell || inRow < MinCell)
                        {
                            return new UnitCell(null, null, null);
                        }

                        var e = Estimate(Strata(table, o.Key, null));
                        return new UnitCell(c, e?.Estimate * 100, e?.MarginOfError * 100);
                    }).ToList();
                    crossTab.Add(new CrossRow(rowKey, rowLabel, inRow, cells));
                }
            }
        }

        if (q.Type is QuestionType.Number or QuestionType.Rating && answered >= MinCell && Estimate(Strata(domain, string.Empty, null)) is { } m)
        {
            mean = new MeanResult(m.Estimate, m.MarginOfError, Finite(m.DesignEffect), Line(m.Estimate, m.MarginOfError, answered, language, note, percent: false));
        }

        return new QuestionResult(q.Key, Type(q), q.Label.In(language), answered, results, mean, byUnit, crossTab);
    }

    private static DesignEstimate? Estimate(StratumSums[] strata)
    {
        try
        {
            return StratumSumsEstimator.Mean(strata);
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
        return language == "vi"
            ? $"{value} ± {plusMinus}{(percent ? " điểm" : string.Empty)}; dựa trên {n.ToString("N0", culture)} phiếu, {note}"
            : $"{value} ± {plusMinus}{(percent ? " points" : string.Empty)}; based on {n.ToString("N0", culture)} responses, {note}";
    }
}
