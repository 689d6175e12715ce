using System.Net;
using System.Text.Json;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Surveys;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Surveys;

/// <summary>Kept totals by the questions an office marks for cross-tabs, against the scan of every answer.</summary>
public sealed class CrossTallyTests
{
    private static readonly string[] Marked = ["q_score", "q_use", "q_why"];

    private static async Task<JsonElement> ReportAsync(TestApp app, long id, ResultsQuery query, bool rowByRow)
        => await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var survey = await db.Surveys.AsNoTracking().FirstAsync(s => s.Id == id);
            var json = await db.SurveyVersions.Where(v => v.SurveyId == id).Select(v => v.DefinitionJson).FirstAsync();
            var definition = SurveyDefinition.Parse(json, out _)!;
            var report = await new SurveyResults(db) { RowByRow = rowByRow }.BuildAsync(survey, definition, "vi", CancellationToken.None, query);
            return JsonSerializer.SerializeToElement(report);
        });

    /// <summary>Equal structure and text; numbers equal to 1e-9 (relative), so counts exactly.</summary>
    internal static void Same(JsonElement expected, JsonElement actual, string path)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: {expected.ValueKind} vs {actual.ValueKind}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var names = expected.EnumerateObject().Select(p => p.Name).ToList();
                Assert.Equal(names, actual.EnumerateObject().Select(p => p.Name).ToList());
                foreach (var name in names)
                {
                    Same(expected.GetProperty(name), actual.GetProperty(name), path + "." + name);
                }

                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{path}: length {expected.GetArrayLength()} vs {actual.GetArrayLength()}");
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    Same(expected[i], actual[i], $"{path}[{i}]");
                }

                break;
            case JsonValueKind.Number:
                var (e, a) = (expected.GetDouble(), actual.GetDouble());
                Assert.True(Math.Abs(e - a) <= 1e-9 * Math.Max(1, Math.Abs(e)), $"{path}: expected {e:R}, got {a:R}");
                break;
            default:
                Assert.Equal(expected.ToString(), actual.ToString());
                break;
        }
    }

    private static IEnumerable<ResultsQuery> Views()
    {
        foreach (var by in Marked)
        {
            yield return new ResultsQuery(By: by);
        }

        foreach (var option in new[] { "yes", "no" })
        {
            yield return new ResultsQuery(Question: "q_use", Option: option);
        }

        foreach (var option in new[] { "birth", "land", "other" })
        {
            yield return new ResultsQuery(Question: "q_why", Option: option);
        }

        for (var score = 1; score <= 5; score++)
        {
            yield return new ResultsQuery(Question: "q_score", Option: score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static Task<List<(string, int, long, string, string, string, long, double)>> KeptAsync(TestApp app, long id)
        => app.WithDbAsync(async db => (await db.SurveyCrossTallies.AsNoTracking().Where(t => t.SurveyId == id).ToListAsync())
            .OrderBy(t => t.ByQuestion, StringComparer.Ordinal).ThenBy(t => t.Version).ThenBy(t => t.UnitId).ThenBy(t => t.ByOption, StringComparer.Ordinal)
            .ThenBy(t => t.QuestionKey, StringComparer.Ordinal).ThenBy(t => t.OptionKey, StringComparer.Ordinal)
            .Select(t => (t.ByQuestion, t.Version, t.UnitId, t.ByOption, t.QuestionKey, t.OptionKey, t.Count, t.Sum)).ToList());

    [Theory, Providers]
    public async Task Kept_cross_totals_give_what_the_scan_of_every_answer_gives_on_random_responses(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        var id = await SurveyKit.PublishedAsync(app);
        await TallyTests.SubmitRandomAsync(app, id, seed: 29, batches: 6, perBatch: 9);
        await app.WithDbAsync(async db =>
        {
            db.SurveyUnits.Add(new SurveyUnit { SurveyId = id, UnitId = app.Tree.CommuneA1.Id, Population = 12_345 });
            db.SurveyUnits.Add(new SurveyUnit { SurveyId = id, UnitId = app.Tree.CommuneA2.Id, Population = 31_000 });
            return await db.SaveChangesAsync();
        });

        // Marking has the job rebuild the totals from the responses already stored; later responses are kept by the intake, concurrently.
        using var staff = app.Client();
        await staff.SignInOkAsync("editor@48.vn");
        var fields = new Dictionary<string, string> { ["Id"] = SurveyKit.Id(id) };
        for (var i = 0; i < Marked.Length; i++)
        {
            fields[$"cross[{i}]"] = Marked[i];
        }

        using var marked = await staff.PostFormAsync($"/Surveys/Details?id={id}", fields, $"/Surveys/Details?handler=Cross&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal(Marked, await app.WithDbAsync(db => db.SurveyCrossMarks.Where(m => m.SurveyId == id).OrderBy(m => m.QuestionKey).Select(m => m.QuestionKey).ToListAsync()));
        Assert.Contains("value=\"q_use\" checked", await staff.GetStringAsync($"/Surveys/Details?id={id}"), StringComparison.Ordinal);
        await TallyTests.SubmitRandomAsync(app, id, seed: 31, batches: 8, perBatch: 9);
        await RebuildJobTests.DoneAsync(app, id);

        var kept = new List<JsonElement>();
        foreach (var query in Views())
        {
            var scanned = await ReportAsync(app, id, query, rowByRow: true);
            kept.Add(await ReportAsync(app, id, query, rowByRow: false));
            Same(scanned, kept[^1], $"{query}");
        }

        // What the intake kept equals a rebuild from the rows.
        var before = await KeptAsync(app, id);
        Assert.NotEmpty(before);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var json = await db.SurveyVersions.Where(v => v.SurveyId == id).Select(v => v.DefinitionJson).FirstAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await SurveyCrossTallies.MarkAsync(db, id, SurveyDefinition.Parse(json, out _)!, Marked, CancellationToken.None);
            await transaction.CommitAsync();
            return 0;
        });
        var after = await KeptAsync(app, id);
        Assert.Equal(before.Select(t => (t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7)), after.Select(t => (t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7)));
        Assert.All(before.Zip(after), p => Assert.True(Math.Abs(p.First.Item8 - p.Second.Item8) <= 1e-9 * Math.Max(1, Math.Abs(p.First.Item8))));

        // The kept path reads no answer: with the answers gone, it still gives the same figures.
        await app.WithDbAsync(db => db.SurveyAnswers.Where(a => a.SurveyId == id && a.QuestionKey != "q_note").ExecuteDeleteAsync());
        var views = Views().ToList();
        for (var i = 0; i < views.Count; i++)
        {
            Same(kept[i], await ReportAsync(app, id, views[i], rowByRow: false), $"{views[i]} without answers");
        }
    }

    [Theory, Providers]
    public async Task Marks_that_are_not_questions_with_options_or_too_many_are_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        await app.AddMemberAsync("viewer@48.vn", app.Tree.ProvinceA, Role.Viewer);
        var id = await SurveyKit.PublishedAsync(app);
        await TallyTests.SubmitRandomAsync(app, id, seed: 7, batches: 1, perBatch: 5);
        using var staff = app.Client();
        await staff.SignInOkAsync("editor@48.vn");

        async Task Refused(string words, params string[] keys)
        {
            var fields = new Dictionary<string, string> { ["Id"] = SurveyKit.Id(id) };
            for (var i = 0; i < keys.Length; i++)
            {
                fields[$"cross[{i}]"] = keys[i];
            }

            using var response = await staff.PostFormAsync($"/Surveys/Details?id={id}", fields, $"/Surveys/Details?handler=Cross&id={id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(words, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        await Refused("chỉ chọn được câu có các lựa chọn", "q_note");
        await Refused("chỉ chọn được câu có các lựa chọn", "q_age");
        await Refused("chỉ chọn được câu có các lựa chọn", "q_nope'; DROP TABLE surveys; --");
        await Refused("chọn tối đa 3 câu", "q_use", "q_why", "q_score", "q_commune");
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyCrossMarks.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyCrossTallies.CountAsync()));

        // A viewer may read the survey but not mark it.
        using var viewer = app.Client();
        await viewer.SignInOkAsync("viewer@48.vn");
        using var denied = await viewer.PostFormAsync($"/Surveys/Details?id={id}", new Dictionary<string, string> { ["Id"] = SurveyKit.Id(id), ["cross[0]"] = "q_use" }, $"/Surveys/Details?handler=Cross&id={id}");
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyCrossMarks.CountAsync()));
    }
}
