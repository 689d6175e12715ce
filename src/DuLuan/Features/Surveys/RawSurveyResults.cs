using System.Globalization;
using DuLuan.Analysis.Statistics;
using DuLuan.Data;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

/// <summary>
/// The row-by-row computation of <see cref="SurveyResults"/> (every response and answer read, the
/// design built from the rows), kept as the reference the running totals are checked against in
/// tests and measured against in the benchmark, and the computation of raked results (weights that vary
/// within a unit). It hides nothing: <see cref="SurveyResults.ProtectAsync"/> does.
/// </summary>
public sealed class RawSurveyResults(AppDbContext db)
{
    /// <summary>With <paramref name="rowWeights"/> (by response id, e.g. raked) those weights are used as they are, described by <paramref name="rowNote"/>.</summary>
    public async Task<ResultsReport> BuildAsync(Survey survey, SurveyDefinition definition, string language, CancellationToken ct, IReadOnlyDictionary<string, double>? rowWeights = null, string? rowNote = null)
    {
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == survey.Id)
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.UnitId }).ToListAsync(ct);
        var index = new Dictionary<string, int>(responses.Count, StringComparer.Ordinal);
        for (var i = 0; i < responses.Count; i++)
        {
            index[responses[i].Id] = i;
        }

        var answers = await db.SurveyAnswers.AsNoTracking()
            .Where(a => a.SurveyId == survey.Id)
            .Select(a => new { a.ResponseId, a.QuestionKey, a.Choice, a.Number }).ToListAsync(ct);
        var byQuestion = answers.GroupBy(a => a.QuestionKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(a => (Row: index[a.ResponseId], a.Choice, a.Number)).ToList(), StringComparer.Ordinal);

        var unitIds = responses.Select(r => r.UnitId).Distinct().ToList();
        var targets = await db.SurveyUnits.AsNoTracking().Where(u => u.SurveyId == survey.Id).ToListAsync(ct);
        var answerUnits = await ResponseIntake.AnswerUnitsAsync(db, survey.UnitId, ct);
        var names = await db.Units.AsNoTracking()
            .Where(u => unitIds.Contains(u.Id) || u.Id == survey.UnitId)
            .Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        foreach (var u in answerUnits)
        {
            names.TryAdd(u.Id, u.Name);
        }

        var population = targets.Where(t => t.Population > 0).ToDictionary(t => t.UnitId.ToString(CultureInfo.InvariantCulture), t => (double)t.Population!.Value, StringComparer.Ordinal);
        var strata = responses.Select(r => r.UnitId.ToString(CultureInfo.InvariantCulture)).ToList();
        var missing = unitIds.Where(u => !population.ContainsKey(u.ToString(CultureInfo.InvariantCulture))).Select(u => names.GetValueOrDefault(u, "?")).Order(StringComparer.Ordinal).ToList();
        var weights = Enumerable.Repeat(1.0, responses.Count).ToArray();
        var weighted = responses.Count > 0 && missing.Count == 0;
        if (weighted)
        {
            var present = strata.ToHashSet(StringComparer.Ordinal);
            weights = WeightCalibration.PostStratify(weights, new PopulationMargin(strata, population.Where(p => present.Contains(p.Key)).ToDictionary(StringComparer.Ordinal)));
        }

        if (rowWeights is not null)
        {
            weights = [.. responses.Select(r => rowWeights[r.Id])];
            weighted = true;
            missing = [];
        }

        var note = rowNote ?? SurveyResults.Say(language, weighted ? "Surveys.Results.Weighted" : "Surveys.Results.Unweighted");
        var design = responses.Count > 0 ? new SurveyDesign(weights, strata, lonelyPsu: LonelyPsu.Certainty) : null;
        var questions = new List<QuestionResult>();
        foreach (var q in definition.Questions)
        {
            var rows = byQuestion.GetValueOrDefault(q.Key) ?? [];
            questions.Add(Question(q, rows, design, responses.Select(r => r.UnitId).ToList(), names, answerUnits.Select(u => (u.Id, u.Name)).ToList(), language, note));
        }

        var progress = answerUnits.Select(u => u.Id).Union(targets.Select(t => t.UnitId)).Union(unitIds).Distinct()
            .Select(id => new UnitProgress(id, names.GetValueOrDefault(id, "?"), responses.Count(r => r.UnitId == id),
                targets.FirstOrDefault(t => t.UnitId == id)?.Quota, targets.FirstOrDefault(t => t.UnitId == id)?.Population))
            .OrderBy(p => p.Unit, StringComparer.Ordinal).ToList();
        return new ResultsReport(survey.Id, definition.Title.In(language), language, responses.Count, weighted, note, missing, questions, progress, null, null, null);
    }

    private static QuestionResult Question(SurveyQuestion q, List<(int Row, string? Choice, double? Number)> rows, SurveyDesign? design, List<long> responseUnits, Dictionary<long, string> names, List<(long Id, string Name)> answerUnits, string language, string note)
    {
        var n = design?.Count ?? 0;
        var answered = rows.Select(r => r.Row).Distinct().Count();
        var options = q.Type switch
        {
            QuestionType.Unit => answerUnits.Select(u => (Key: u.Id.ToString(CultureInfo.InvariantCulture), Label: u.Name)).ToList(),
            QuestionType.Rating => Enumerable.Range((int)(q.Min ?? 1), (int)((q.Max ?? 5) - (q.Min ?? 1)) + 1)
                .Select(v => (Key: v.ToString(CultureInfo.InvariantCulture), Label: v.ToString(CultureInfo.InvariantCulture))).ToList(),
            _ => (q.Options ?? []).Select(o => (o.Key, Label: o.Label.In(language))).ToList(),
        };
        var results = new List<OptionResult>();
        MeanResult? mean = null;
        var byUnit = new List<UnitRow>();
        if (design is null || answered == 0 || q.Type is QuestionType.Text or QuestionType.LongText or QuestionType.Date)
        {
            return new QuestionResult(q.Key, Type(q), q.Label.In(language), answered, results, null, byUnit, null);
        }

        var domain = new bool[n];
        foreach (var r in rows)
        {
            domain[r.Row] = true;
        }

        // Rows chosen per option: a multiple choice counts each option picked, not each combination.
        var picked = options.ToDictionary(o => o.Key, _ => new bool[n], StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var key = r.Choice ?? (r.Number is { } v && q.Type == QuestionType.Rating ? v.ToString(CultureInfo.InvariantCulture) : null);
            if (key is not null && picked.TryGetValue(key, out var flags))
            {
                flags[r.Row] = true;
            }
        }

        if (q.Type != QuestionType.Number)
        {
            foreach (var (key, label) in options)
            {
                var flags = picked[key];
                var count = flags.Count(f => f);
                if (count == 0)
                {
                    results.Add(new OptionResult(key, label, 0, 0, null, null, null));
                    continue;
                }

                var estimate = Estimate(design, flags.Select(f => f ? 1.0 : 0.0).ToArray(), domain);
                results.Add(estimate is null
                    ? new OptionResult(key, label, count, null, null, null, null)
                    : new OptionResult(key, label, count, estimate.Estimate * 100, estimate.MarginOfError * 100, Finite(estimate.DesignEffect),
                        SurveyResults.Line(estimate.Estimate * 100, estimate.MarginOfError * 100, answered, language, note, percent: true)));
            }

            foreach (var unit in responseUnits.Distinct().OrderBy(u => names.GetValueOrDefault(u, "?"), StringComparer.Ordinal))
            {
                var inUnit = Enumerable.Range(0, n).Where(i => responseUnits[i] == unit && domain[i]).ToList();
                var cells = options.Select(o =>
                {
                    var c = inUnit.Count(i => picked[o.Key][i]);
                    return c == 0 || inUnit.Count == 0 ? new UnitCell(c, inUnit.Count == 0 ? null : 0, null) : new UnitCell(c, 100.0 * c / inUnit.Count, null);
                }).ToList();
                byUnit.Add(new UnitRow(unit, names.GetValueOrDefault(unit, "?"), inUnit.Count, cells));
            }
        }

        if (q.Type is QuestionType.Number or QuestionType.Rating)
        {
            var values = Enumerable.Repeat(double.NaN, n).ToArray();
            foreach (var r in rows)
            {
                values[r.Row] = r.Number ?? double.NaN;
            }

            try
            {
                var m = DesignEstimator.Mean(design, values);
                mean = new MeanResult(m.Estimate, m.MarginOfError, Finite(m.DesignEffect), SurveyResults.Line(m.Estimate, m.MarginOfError, answered, language, note, percent: false));
            }
            catch (SurveyDesignException)
            {
                mean = null;
            }
        }

        return new QuestionResult(q.Key, Type(q), q.Label.In(language), answered, results, mean, byUnit, null);
    }

    private static DesignEstimate? Estimate(SurveyDesign design, double[] values, bool[] domain)
    {
        try
        {
            return DesignEstimator.Mean(design, values, domain);
        }
        catch (SurveyDesignException)
        {
            return null;
        }
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static string Type(SurveyQuestion q) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(q.Type.ToString());
}
