using System.Net;
using System.Text.Json;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Surveys;

/// <summary>
/// Issue 16, item 5: a hidden small cell must not come back by subtracting published figures. A viewer
/// saw 13 "yes" over everyone and 9 among women, with the men's "yes" shown as "&lt;5": 13 − 9 = 4.
/// </summary>
public sealed class SmallCellDifferencingTests
{
    private const string Definition = """
    {
      "languages": ["vi", "en"],
      "title": { "vi": "Dịch vụ công", "en": "Public services" },
      "sections": [
        { "key": "s1", "title": { "vi": "Chung", "en": "General" }, "questions": [
          { "key": "q_commune", "type": "unit", "label": { "vi": "Xã, phường", "en": "Commune" }, "required": true },
          { "key": "q_sex", "type": "single", "label": { "vi": "Giới tính", "en": "Sex" }, "required": true,
            "options": [ { "key": "female", "label": { "vi": "Nữ", "en": "Female" } }, { "key": "male", "label": { "vi": "Nam", "en": "Male" } } ] },
          { "key": "q_use", "type": "single", "label": { "vi": "Đã dùng dịch vụ công trực tuyến?", "en": "Used online services?" }, "required": true,
            "options": [ { "key": "yes", "label": { "vi": "Đã dùng", "en": "Yes" } }, { "key": "no", "label": { "vi": "Chưa", "en": "No" } } ] }
        ] }
      ]
    }
    """;

    /// <summary>Women 9 yes / 6 no, men 4 yes / 7 no, over two communes (yes / no: 7 / 7 and 6 / 6).</summary>
    private static async Task<long> SeedAsync(TestApp app)
    {
        var id = await SurveyKit.PublishedAsync(app, Definition);
        var body = new List<object>();
        void Batch(long unit, (int N, string Sex, string Use)[] groups)
        {
            foreach (var (n, sex, use) in groups)
            {
                for (var i = 0; i < n; i++)
                {
                    body.Add(new { version = 1, answers = new Dictionary<string, object?> { ["q_commune"] = unit, ["q_sex"] = sex, ["q_use"] = use } });
                }
            }
        }

        Batch(app.Tree.CommuneA1.Id, [(5, "female", "yes"), (3, "female", "no"), (2, "male", "yes"), (4, "male", "no")]);
        Batch(app.Tree.CommuneA2.Id, [(4, "female", "yes"), (3, "female", "no"), (2, "male", "yes"), (3, "male", "no")]);
        using var client = app.Client();
        using var sent = await SurveyKit.SubmitAsync(client, id, new { idempotencyKey = SurveyKit.Key(), responses = body });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        return id;
    }

    private static JsonElement Question(JsonElement report, string key)
        => report.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == key);

    private static int? Count(JsonElement cell) => cell.GetProperty("count").ValueKind == JsonValueKind.Null ? null : cell.GetProperty("count").GetInt32();

    private static int? Option(JsonElement report, string question, string option)
        => Count(Question(report, question).GetProperty("options").EnumerateArray().Single(o => o.GetProperty("key").GetString() == option));

    private static int? Answered(JsonElement row) => row.GetProperty("answered").ValueKind == JsonValueKind.Null ? null : row.GetProperty("answered").GetInt32();

    [Theory, Providers]
    public async Task Unfiltered_minus_a_filter_does_not_give_back_the_hidden_cell_of_the_cross_tab(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("viewer@16.vn", app.Tree.ProvinceA, Role.Viewer);
        var id = await SeedAsync(app);
        using var viewer = app.Client();
        await viewer.SignInOkAsync("viewer@16.vn");

        var all = await SurveyKit.JsonAsync(await viewer.GetAsync($"/api/surveys/{id}/results"));
        var women = await SurveyKit.JsonAsync(await viewer.GetAsync($"/api/surveys/{id}/results?q=q_sex&opt=female"));
        var men = await SurveyKit.JsonAsync(await viewer.GetAsync($"/api/surveys/{id}/results?q=q_sex&opt=male"));
        var bySex = await SurveyKit.JsonAsync(await viewer.GetAsync($"/api/surveys/{id}/results?by=q_sex"));
        Assert.Equal(26, all.GetProperty("responses").GetInt32());
        Assert.Equal(13, Option(all, "q_use", "yes"));

        var rows = Question(bySex, "q_use").GetProperty("crossTab").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        var menYes = Count(rows["male"].GetProperty("cells")[0]);
        Assert.Null(menYes);
        Assert.Null(Option(men, "q_use", "yes"));

        // Every way of getting the 4 by subtraction from what the viewer may request:
        Assert.True(Option(all, "q_use", "yes") is null || Option(women, "q_use", "yes") is null, "everyone's yes − women's yes = men's yes");
        Assert.True(Option(all, "q_use", "yes") is null || Count(rows["female"].GetProperty("cells")[0]) is null, "everyone's yes − the women's row = men's yes");
        Assert.True(Answered(rows["male"]) is null || Count(rows["male"].GetProperty("cells")[1]) is null, "men who answered − men's no = men's yes");
        Assert.True(Answered(Question(men, "q_use")) is null || Option(men, "q_use", "no") is null, "the men's filter: answered − no = yes");
        Assert.True(Option(all, "q_sex", "male") is null || Option(men, "q_use", "no") is null, "men − men's no = men's yes");

        var page = WebUtility.HtmlDecode(await viewer.GetStringAsync($"/Surveys/Results?id={id}&q=q_sex&opt=female"));
        Assert.DoesNotContain("<5", page, StringComparison.Ordinal);
        Assert.Contains("ẩn", page, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Filters_are_not_combined_and_a_cross_tab_by_question_is_unfiltered(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("viewer@16.vn", app.Tree.ProvinceA, Role.Viewer);
        var id = await SeedAsync(app);
        using var viewer = app.Client();
        await viewer.SignInOkAsync("viewer@16.vn");

        using var both = await viewer.GetAsync($"/api/surveys/{id}/results?unit={app.Tree.CommuneA1.Id}&q=q_sex&opt=male");
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        var problem = await SurveyKit.JsonAsync(both);
        Assert.Contains("Use one filter", problem.GetProperty("errors").GetProperty("q")[0].GetString(), StringComparison.Ordinal);
        using var crossed = await viewer.GetAsync($"/api/surveys/{id}/results?q=q_sex&opt=male&by=q_use");
        Assert.Equal(HttpStatusCode.BadRequest, crossed.StatusCode);
        Assert.True((await SurveyKit.JsonAsync(crossed)).GetProperty("errors").TryGetProperty("by", out _));
    }
}
