using System.Net;
using System.Text.Json;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Surveys;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Surveys;

/// <summary>Results from the running totals against the row-by-row computation, filters, cross-tabs and hostile queries.</summary>
public sealed class TallyTests
{
    private static readonly string[] Why = ["birth", "land", "other"];

    /// <summary>Random responses over both communes, sent by several clients at once (the totals are upserted concurrently).</summary>
    private static async Task<long> SeedRandomAsync(TestApp app, int seed, int batches = 12, int perBatch = 9)
    {
        var id = await SurveyKit.PublishedAsync(app);
        await SubmitRandomAsync(app, id, seed, batches, perBatch);
        return id;
    }

    /// <summary>Random responses to survey <paramref name="id"/> over both communes, sent by several clients at once.</summary>
    internal static async Task SubmitRandomAsync(TestApp app, long id, int seed, int batches, int perBatch)
    {
        var random = new Random(seed);
        var bodies = Enumerable.Range(0, batches).Select(_ => SurveyKit.Batch(SurveyKit.Key(), [.. Enumerable.Range(0, perBatch).Select(_ =>
        {
            var commune = random.NextDouble() < 0.65 ? app.Tree.CommuneA1.Id : app.Tree.CommuneA2.Id;
            var yes = random.NextDouble() < (commune == app.Tree.CommuneA1.Id ? 0.6 : 0.3);
            var more = new List<(string, object?)>();
            if (yes)
            {
                more.Add(("q_why", Why.Where(_ => random.NextDouble() < 0.5).DefaultIfEmpty("other").ToArray()));
            }

            if (random.NextDouble() < 0.8)
            {
                more.Add(("q_score", random.Next(1, 6)));
            }

            if (random.NextDouble() < 0.7)
            {
                more.Add(("q_age", Math.Round(15 + (random.NextDouble() * 80), 1)));
            }

            if (random.NextDouble() < 0.3)
            {
                more.Add(("q_note", "ý kiến " + random.Next(100)));
            }

            return (object)SurveyKit.Answers(commune, yes ? "yes" : "no", [.. more]);
        })])).ToList();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (body, _) =>
        {
            using var client = app.Client();
            using var sent = await SurveyKit.SubmitAsync(client, id, body);
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        });
    }

    private static async Task<(ResultsReport Tallied, ResultsReport Raw)> BothAsync(TestApp app, long id)
        => await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var survey = await db.Surveys.AsNoTracking().FirstAsync(s => s.Id == id);
            var json = await db.SurveyVersions.Where(v => v.SurveyId == id).Select(v => v.DefinitionJson).FirstAsync();
            var definition = SurveyDefinition.Parse(json, out _)!;
            var results = new SurveyResults(db);
            var tallied = await results.BuildAsync(survey, definition, "vi", CancellationToken.None);
            // The reference hides nothing itself; both go through the same disclosure control.
            var raw = await results.ProtectAsync(survey, definition, await new RawSurveyResults(db).BuildAsync(survey, definition, "vi", CancellationToken.None), CancellationToken.None);
            return (tallied, raw);
        });

    private static void Near(double? expected, double? actual, string what)
    {
        Assert.True(expected.HasValue == actual.HasValue, $"{what}: expected {expected}, got {actual}");
        if (expected is { } e)
        {
            Assert.True(Math.Abs(e - actual!.Value) <= 1e-9 * Math.Max(1, Math.Abs(e)), $"{what}: expected {e:R}, got {actual:R}");
        }
    }

    private static void Same(ResultsReport raw, ResultsReport tallied)
    {
        Assert.Equal(raw.Responses, tallied.Responses);
        Assert.Equal(raw.Weighted, tallied.Weighted);
        Assert.Equal(raw.UnitsWithoutPopulation, tallied.UnitsWithoutPopulation);
        Assert.Equal(raw.Units, tallied.Units);
        Assert.Equal(raw.Questions.Count, tallied.Questions.Count);
        for (var i = 0; i < raw.Questions.Count; i++)
        {
            var (r, t) = (raw.Questions[i], tallied.Questions[i]);
            Assert.Equal(r.Key, t.Key);
            Assert.Equal(r.Answered, t.Answered);
            Assert.Equal(r.Options.Count, t.Options.Count);
            for (var o = 0; o < r.Options.Count; o++)
            {
                var what = $"{r.Key}/{r.Options[o].Key}";
                Assert.Equal(r.Options[o].Count, t.Options[o].Count);
                Near(r.Options[o].Percent, t.Options[o].Percent, what + " percent");
                Near(r.Options[o].Margin, t.Options[o].Margin, what + " margin");
                Near(r.Options[o].DesignEffect, t.Options[o].DesignEffect, what + " design effect");
                Assert.Equal(r.Options[o].Summary, t.Options[o].Summary);
            }

            Assert.Equal(r.Mean is null, t.Mean is null);
            if (r.Mean is { } m)
            {
                Near(m.Estimate, t.Mean!.Estimate, r.Key + " mean");
                Near(m.Margin, t.Mean.Margin, r.Key + " mean margin");
                Near(m.DesignEffect, t.Mean.DesignEffect, r.Key + " mean design effect");
            }

            Assert.Equal(r.ByUnit.Select(u => (u.UnitId, u.Answered, Cells: string.Join(";", u.Cells.Select(c => $"{c.Count}:{c.Percent:R}")))),
                t.ByUnit.Select(u => (u.UnitId, u.Answered, Cells: string.Join(";", u.Cells.Select(c => $"{c.Count}:{c.Percent:R}")))));
        }
    }

    [Theory, Providers]
    public async Task Running_totals_give_what_the_row_by_row_computation_gives_on_random_responses(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await SeedRandomAsync(app, seed: 17);

        var (tallied, raw) = await BothAsync(app, id);
        Assert.Equal(108, tallied.Responses);
        Assert.False(tallied.Weighted);
        Same(raw, tallied);

        await app.WithDbAsync(async db =>
        {
            db.SurveyUnits.Add(new SurveyUnit { SurveyId = id, UnitId = app.Tree.CommuneA1.Id, Population = 12_345 });
            db.SurveyUnits.Add(new SurveyUnit { SurveyId = id, UnitId = app.Tree.CommuneA2.Id, Population = 31_000 });
            return await db.SaveChangesAsync();
        });
        (tallied, raw) = await BothAsync(app, id);
        Assert.True(tallied.Weighted);
        Assert.Contains(tallied.Questions, q => q.Options.Any(o => o.Margin is > 0));
        Assert.NotNull(tallied.Questions.Single(q => q.Key == "q_age").Mean);
        Same(raw, tallied);

        // Rebuilding from the stored rows (as migration 0008 fills the table) gives the same totals the intake kept.
        var kept = await app.WithDbAsync(db => db.SurveyTallies.AsNoTracking().Where(t => t.SurveyId == id && t.QuestionKey != "q_age")
            .OrderBy(t => t.UnitId).ThenBy(t => t.QuestionKey).ThenBy(t => t.OptionKey).Select(t => new { t.UnitId, t.QuestionKey, t.OptionKey, t.Count, t.Sum }).ToListAsync());
        await app.WithDbAsync(async db =>
        {
            await SurveyTallies.RebuildAsync(db, id, CancellationToken.None);
            return 0;
        });
        var rebuilt = await app.WithDbAsync(db => db.SurveyTallies.AsNoTracking().Where(t => t.SurveyId == id && t.QuestionKey != "q_age")
            .OrderBy(t => t.UnitId).ThenBy(t => t.QuestionKey).ThenBy(t => t.OptionKey).Select(t => new { t.UnitId, t.QuestionKey, t.OptionKey, t.Count, t.Sum }).ToListAsync());
        Assert.Equal(kept.Select(k => (k.UnitId, k.QuestionKey, k.OptionKey, k.Count)), rebuilt.Select(k => (k.UnitId, k.QuestionKey, k.OptionKey, k.Count)));
        (tallied, raw) = await BothAsync(app, id);
        Same(raw, tallied);
    }

    private static JsonElement Question(JsonElement report, string key)
        => report.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == key);

    [Theory, Providers]
    public async Task Filters_and_cross_tabs_count_only_the_respondents_concerned(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("viewer@48.vn", app.Tree.ProvinceA, Role.Viewer);
        var id = await SeedRandomAsync(app, seed: 5, batches: 10, perBatch: 10);
        await app.WithDbAsync(async db =>
        {
            db.SurveyUnits.Add(new SurveyUnit { SurveyId = id, UnitId = app.Tree.CommuneA1.Id, Population = 20_000 });
            db.SurveyUnits.Add(new SurveyUnit { SurveyId = id, UnitId = app.Tree.CommuneA2.Id, Population = 5_000 });
            return await db.SaveChangesAsync();
        });
        var rows = await app.WithDbAsync(async db =>
        {
            var units = await db.SurveyResponses.Where(r => r.SurveyId == id).ToDictionaryAsync(r => r.Id, r => r.UnitId);
            var answers = await db.SurveyAnswers.Where(a => a.SurveyId == id).Select(a => new { a.ResponseId, a.QuestionKey, a.Choice, a.Number }).ToListAsync();
            return answers.Select(a => (Unit: units[a.ResponseId], a.ResponseId, a.QuestionKey, a.Choice, a.Number)).ToList();
        });
        using var staff = app.Client();
        await staff.SignInOkAsync("viewer@48.vn");

        // Only commune A1: counts are A1's, and the other commune answers nothing.
        var a1 = app.Tree.CommuneA1.Id;
        var onlyA1 = await SurveyKit.JsonAsync(await staff.GetAsync($"/api/surveys/{id}/results?unit={a1}"));
        var expectedYes = rows.Count(r => r.Unit == a1 && r.QuestionKey == "q_use" && r.Choice == "yes");
        var expectedAnswered = rows.Count(r => r.Unit == a1 && r.QuestionKey == "q_use");
        Assert.Equal(expectedAnswered, Question(onlyA1, "q_use").GetProperty("answered").GetInt32());
        var yes = Question(onlyA1, "q_use").GetProperty("options")[0];
        if (yes.GetProperty("count").ValueKind != JsonValueKind.Null)
        {
            Assert.Equal(expectedYes, yes.GetProperty("count").GetInt32());
            Assert.Equal(100.0 * expectedYes / expectedAnswered, yes.GetProperty("percent").GetDouble(), 6);
        }
        else
        {
            Assert.True(expectedYes is >= 1 and < SurveyResults.MinCell || Question(onlyA1, "q_use").GetProperty("options")[1].GetProperty("count").ValueKind == JsonValueKind.Null);
        }

        Assert.Contains("Chỉ người trả lời thuộc", onlyA1.GetProperty("filter").GetString(), StringComparison.Ordinal);

        // Only those who answered yes: the group's size, and the filter's own question is not broken down.
        var yesOnly = await SurveyKit.JsonAsync(await staff.GetAsync($"/api/surveys/{id}/results?q=q_use&opt=yes"));
        var yesIds = rows.Where(r => r.QuestionKey == "q_use" && r.Choice == "yes").Select(r => r.ResponseId).ToHashSet();
        Assert.Equal(yesIds.Count, Question(yesOnly, "q_use").GetProperty("answered").GetInt32());
        Assert.Equal(JsonValueKind.Null, Question(yesOnly, "q_use").GetProperty("options")[0].GetProperty("count").ValueKind);
        Assert.Equal(rows.Where(r => r.QuestionKey == "q_score" && yesIds.Contains(r.ResponseId)).Count(), Question(yesOnly, "q_score").GetProperty("answered").GetInt32());

        // Cross-tab of q_score by q_use: one row per q_use option, counts of each score among them.
        var crossed = await SurveyKit.JsonAsync(await staff.GetAsync($"/api/surveys/{id}/results?by=q_use"));
        Assert.Equal("q_use", crossed.GetProperty("crossBy").GetString());
        var tab = Question(crossed, "q_score").GetProperty("crossTab");
        Assert.Equal(["yes", "no"], tab.EnumerateArray().Select(r => r.GetProperty("key").GetString()!));
        foreach (var row in tab.EnumerateArray())
        {
            var ids = rows.Where(r => r.QuestionKey == "q_use" && r.Choice == row.GetProperty("key").GetString()).Select(r => r.ResponseId).ToHashSet();
            var scores = rows.Where(r => r.QuestionKey == "q_score" && ids.Contains(r.ResponseId)).ToList();
            Assert.Equal(scores.Count, row.GetProperty("answered").GetInt32());
            var cells = row.GetProperty("cells").EnumerateArray().ToList();
            for (var s = 1; s <= 5; s++)
            {
                var count = scores.Count(r => r.Number == s);
                var cell = cells[s - 1];
                if (count is >= 1 and < SurveyResults.MinCell)
                {
                    Assert.Equal(JsonValueKind.Null, cell.GetProperty("count").ValueKind);
                    Assert.Equal(JsonValueKind.Null, cell.GetProperty("percent").ValueKind);
                }
                else if (cell.GetProperty("count").ValueKind != JsonValueKind.Null)
                {
                    Assert.Equal(count, cell.GetProperty("count").GetInt32());
                    Assert.True(cell.GetProperty("margin").ValueKind == JsonValueKind.Null || count == 0 || cell.GetProperty("margin").GetDouble() > 0);
                }
            }
        }

        Assert.Equal(JsonValueKind.Null, Question(crossed, "q_use").GetProperty("crossTab").ValueKind);
        // The cross-tab by unit has a margin for every cell whose percentage is shown.
        Assert.All(Question(crossed, "q_use").GetProperty("byUnit").EnumerateArray().SelectMany(u => u.GetProperty("cells").EnumerateArray()).Where(c => c.GetProperty("margin").ValueKind != JsonValueKind.Null),
            c => Assert.True(c.GetProperty("margin").GetDouble() > 0));

        // The page shows the same filter and cross-tab.
        var page = await staff.GetStringAsync($"/Surveys/Results?id={id}&q=q_use&opt=yes");
        Assert.Contains("id=\"filter-note\"", page, StringComparison.Ordinal);
        Assert.Contains("class=\"crosstab-question\"", await staff.GetStringAsync($"/Surveys/Results?id={id}&by=q_use"), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Hostile_filters_are_refused_naming_the_field(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("viewer@48.vn", app.Tree.ProvinceA, Role.Viewer);
        await app.AddMemberAsync("other@49.vn", app.Tree.ProvinceB, Role.Viewer);
        var id = await SeedRandomAsync(app, seed: 3, batches: 2, perBatch: 5);
        using var staff = app.Client();
        await staff.SignInOkAsync("viewer@48.vn");

        async Task Refused(string query, string field, string words)
        {
            using var response = await staff.GetAsync($"/api/surveys/{id}/results?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = await SurveyKit.JsonAsync(response);
            var message = string.Join(" ", body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
            Assert.Contains(words, message, StringComparison.Ordinal);
        }

        await Refused("q=nope&opt=yes", "q", "no question 'nope'");
        await Refused("q=" + Uri.EscapeDataString("q_use' OR 1=1 --") + "&opt=yes", "q", "no question");
        await Refused("q=q_use&opt=" + Uri.EscapeDataString("yes\" OR \"1\"=\"1"), "opt", "has no option");
        await Refused("q=q_use", "opt", "has no option");
        await Refused("opt=yes", "opt", "needs its question");
        await Refused("q=q_note&opt=x", "q", "Only a question with options");
        await Refused("by=q_age", "by", "Cannot cross-tabulate");
        await Refused("by=" + new string('x', 5000), "by", "Cannot cross-tabulate");
        await Refused($"unit={app.Tree.CommuneB1.Id}", "unit", "not one this survey covers");
        using (var notNumber = await staff.GetAsync($"/api/surveys/{id}/results?unit=1%20OR%201=1"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notNumber.StatusCode);
        }

        // The page says the same, not a crash.
        var page = await staff.GetAsync($"/Surveys/Results?id={id}&q=nope&opt=yes");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("không có câu hỏi", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another province's staff see nothing, filtered or not.
        using var other = app.Client();
        await other.SignInOkAsync("other@49.vn");
        using var hidden = await other.GetAsync($"/api/surveys/{id}/results?q=q_use&opt=yes");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }
}
