using System.Net;
using System.Text.Json;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Surveys;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Surveys;

/// <summary>Raked results from the totals kept per unit × weighting cell, against the raking and estimates over every row.</summary>
public sealed class WeightTallyTests
{
    private static readonly string[] Why = ["birth", "land", "other"];

    /// <summary>Random responses over both communes, every one with a sex and an age band unless <paramref name="skipSex"/>, sent by several clients at once.</summary>
    private static async Task SubmitAsync(TestApp app, long id, int seed, int batches, int perBatch, bool skipSex = false)
    {
        var random = new Random(seed);
        var bodies = Enumerable.Range(0, batches).Select(_ => SurveyKit.Batch(SurveyKit.Key(), [.. Enumerable.Range(0, perBatch).Select(_ =>
        {
            var a1 = random.NextDouble() < 0.6;
            var more = new List<(string, object?)>
            {
                ("q_band", random.NextDouble() < (a1 ? 0.3 : 0.6) ? "young" : "old"),
                ("q_score", random.Next(1, 6)),
            };
            if (!skipSex)
            {
                more.Add(("q_sex", random.NextDouble() < (a1 ? 0.45 : 0.6) ? "f" : "m"));
            }

            var yes = random.NextDouble() < 0.5;
            if (yes)
            {
                more.Add(("q_why", Why.Where(_ => random.NextDouble() < 0.5).DefaultIfEmpty("other").ToArray()));
            }

            if (random.NextDouble() < 0.7)
            {
                more.Add(("q_age", Math.Round(15 + (random.NextDouble() * 80), 1)));
            }

            if (random.NextDouble() < 0.3)
            {
                more.Add(("q_note", "ý kiến " + random.Next(4)));
            }

            return (object)SurveyKit.Answers(a1 ? app.Tree.CommuneA1.Id : app.Tree.CommuneA2.Id, yes ? "yes" : "no", [.. more]);
        })])).ToList();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (body, _) =>
        {
            using var client = app.Client();
            using var sent = await SurveyKit.SubmitAsync(client, id, body);
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        });
    }

    private static async Task<(Survey Survey, SurveyDefinition Definition)> SurveyAsync(AppDbContext db, long id)
    {
        var survey = await db.Surveys.AsNoTracking().FirstAsync(s => s.Id == id);
        var json = await db.SurveyVersions.Where(v => v.SurveyId == id).Select(v => v.DefinitionJson).FirstAsync();
        return (survey, SurveyDefinition.Parse(json, out _)!);
    }

    private static Task<JsonElement> ReportAsync(TestApp app, long id, bool rowByRow)
        => app.WithDbAsync(async db =>
        {
            var (survey, definition) = await SurveyAsync(db, id);
            return JsonSerializer.SerializeToElement(await new SurveyResults(db) { RowByRow = rowByRow }.BuildAsync(survey, definition, "vi", CancellationToken.None));
        });

    private static Task<Dictionary<(long Unit, string Sex, string Age), IReadOnlyList<double>>?> WeightsAsync(TestApp app, long id, bool rowByRow)
        => app.WithDbAsync(async db =>
        {
            var (survey, definition) = await SurveyAsync(db, id);
            return await new SurveyResults(db) { RowByRow = rowByRow }.RakedWeightsAsync(survey, definition, CancellationToken.None);
        });

    /// <summary>The kept path equals the rows in every figure, and every response's raked weight is its cell's (1e-9).</summary>
    private static async Task<JsonElement> KeptEqualsRowsAsync(TestApp app, long id, string method)
    {
        var rows = await ReportAsync(app, id, rowByRow: true);
        var kept = await ReportAsync(app, id, rowByRow: false);
        Assert.Equal(method, kept.GetProperty("Calibration").GetProperty("Method").GetString());
        CrossTallyTests.Same(rows, kept, method);
        var byRows = (await WeightsAsync(app, id, rowByRow: true))!;
        var byCells = (await WeightsAsync(app, id, rowByRow: false))!;
        Assert.Equal(byRows.Keys.Order(), byCells.Keys.Order());
        Assert.Contains(byRows.Values, w => w.Count > 1);
        foreach (var (cell, weights) in byRows)
        {
            var weight = Assert.Single(byCells[cell]);
            Assert.All(weights, w => Assert.True(Math.Abs(w - weight) <= 1e-9 * Math.Max(1, weight), $"{cell}: row weight {w:R}, cell weight {weight:R}"));
        }

        return kept;
    }

    private static Task<List<SurveyWeightTally>> KeptAsync(TestApp app, long id)
        => app.WithDbAsync(async db => (await db.SurveyWeightTallies.AsNoTracking().Where(t => t.SurveyId == id).ToListAsync())
            .OrderBy(t => t.Version).ThenBy(t => t.UnitId).ThenBy(t => t.SexOption, StringComparer.Ordinal).ThenBy(t => t.AgeOption, StringComparer.Ordinal)
            .ThenBy(t => t.QuestionKey, StringComparer.Ordinal).ThenBy(t => t.OptionKey, StringComparer.Ordinal).ToList());

    private static async Task<long> SeededAsync(TestApp app)
    {
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        var id = await SurveyKit.PublishedAsync(app, WeightsTests.Definition);
        await app.WithDbAsync(async db =>
        {
            db.SurveyUnits.Add(new SurveyUnit { SurveyId = id, UnitId = app.Tree.CommuneA1.Id, Population = 30_000 });
            db.SurveyUnits.Add(new SurveyUnit { SurveyId = id, UnitId = app.Tree.CommuneA2.Id, Population = 10_000 });
            return await db.SaveChangesAsync();
        });
        return id;
    }

    private static async Task SetWeightsAsync(TestClient staff, long id, bool withAge)
    {
        var fields = new Dictionary<string, string>
        {
            ["Id"] = SurveyKit.Id(id),
            ["SexQuestion"] = "q_sex",
            ["TrimCap"] = "1.3",
            ["Margin_sex_f"] = "21000",
            ["Margin_sex_m"] = "19000",
        };
        if (withAge)
        {
            (fields["AgeQuestion"], fields["Margin_age_young"], fields["Margin_age_old"]) = ("q_band", "16000", "24000");
        }

        using var saved = await staff.PostFormAsync($"/Surveys/Weights?id={id}", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Theory, Providers]
    public async Task Raked_results_from_the_kept_cell_totals_equal_the_raking_of_every_row(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await SeededAsync(app);
        await SubmitAsync(app, id, seed: 41, batches: 6, perBatch: 10);
        using var staff = app.Client();
        await staff.SignInOkAsync("editor@48.vn");

        // Choosing the weighting questions has the job rebuild the cell totals from the responses stored; later ones are kept by the intake.
        await SetWeightsAsync(staff, id, withAge: true);
        await SubmitAsync(app, id, seed: 43, batches: 8, perBatch: 10);
        await RebuildJobTests.DoneAsync(app, id);
        Assert.NotEmpty(await KeptAsync(app, id));
        var raked = await KeptEqualsRowsAsync(app, id, "raking");
        Assert.True(raked.GetProperty("Calibration").GetProperty("Trimmed").GetInt32() > 0, "the cap trims some weights");

        // What the intake kept equals a rebuild from the rows. The rebuild, like SurveyTallies.RebuildAsync, also counts the whole
        // values of a number question as options (the SQL does not know question types); nothing reads those rows.
        static bool Read(SurveyWeightTally t) => t.QuestionKey != "q_age" || t.OptionKey.Length == 0;
        var before = (await KeptAsync(app, id)).Where(Read).ToList();
        await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await SurveyWeightTallies.ClearAsync(db, id, CancellationToken.None);
            await SurveyWeightTallies.RebuildAsync(db, id, CancellationToken.None);
            await transaction.CommitAsync();
            return 0;
        });
        var after = (await KeptAsync(app, id)).Where(Read).ToList();
        Assert.Equal(before.Select(t => (t.Version, t.UnitId, t.SexOption, t.AgeOption, t.QuestionKey, t.OptionKey, t.Count)),
            after.Select(t => (t.Version, t.UnitId, t.SexOption, t.AgeOption, t.QuestionKey, t.OptionKey, t.Count)));
        Assert.All(before.Zip(after), p => Assert.True(Math.Abs(p.First.SumSquares - p.Second.SumSquares) <= 1e-9 * Math.Max(1, p.First.SumSquares)));

        // Another set of weighting questions (sex only): the cells are rebuilt for it.
        await SetWeightsAsync(staff, id, withAge: false);
        await RebuildJobTests.DoneAsync(app, id);
        Assert.All(await KeptAsync(app, id), t => Assert.Equal(string.Empty, t.AgeOption));
        await SubmitAsync(app, id, seed: 47, batches: 2, perBatch: 10);
        var sexOnly = await KeptEqualsRowsAsync(app, id, "raking");

        // The kept path reads no answer (but the free texts it groups): with them gone, it gives the same figures.
        await app.WithDbAsync(db => db.SurveyAnswers.Where(a => a.SurveyId == id && a.QuestionKey != "q_note").ExecuteDeleteAsync());
        CrossTallyTests.Same(sexOnly, await ReportAsync(app, id, rowByRow: false), "without answers");
    }

    [Theory, Providers]
    public async Task A_respondent_without_a_sex_turns_raking_off_alike_from_kept_totals_and_from_the_rows(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await SeededAsync(app);
        await SubmitAsync(app, id, seed: 53, batches: 3, perBatch: 10);
        using var staff = app.Client();
        await staff.SignInOkAsync("editor@48.vn");
        await SetWeightsAsync(staff, id, withAge: true);
        await SubmitAsync(app, id, seed: 59, batches: 1, perBatch: 2, skipSex: true);
        await RebuildJobTests.DoneAsync(app, id);

        var kept = await ReportAsync(app, id, rowByRow: false);
        CrossTallyTests.Same(await ReportAsync(app, id, rowByRow: true), kept, "fallback");
        var calibration = kept.GetProperty("Calibration");
        Assert.Equal("post-stratification", calibration.GetProperty("Method").GetString());
        Assert.Contains("2 response(s) in category", calibration.GetProperty("Problem").GetString(), StringComparison.Ordinal);
    }
}
