using System.Net;
using System.Text.Json;
using DuLuan.Analysis.Statistics;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Surveys;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Surveys;

public sealed class ResultsTests
{
    /// <summary>
    /// Hoà Khánh: 10 responses, 6 yes (all picked land, 3 also birth). Hải Vân: 20 responses, 5 yes
    /// (2 land, 3 other). Populations 30,000 and 10,000. <paramref name="scale"/> multiplies every group.
    /// </summary>
    private static async Task<long> SeedAsync(TestApp app, string definition = SurveyKit.Definition, int scale = 1)
    {
        var id = await SurveyKit.PublishedAsync(app, definition);
        var a1 = app.Tree.CommuneA1.Id;
        var a2 = app.Tree.CommuneA2.Id;
        var answers = new List<object>();
        for (var i = 0; i < 6 * scale; i++)
        {
            answers.Add(SurveyKit.Answers(a1, "yes", ("q_why", i < 3 * scale ? new[] { "land", "birth" } : new[] { "land" }), ("q_score", 4)));
        }

        answers.AddRange(Enumerable.Range(0, 4 * scale).Select(_ => SurveyKit.Answers(a1, "no", ("q_score", 2))));
        for (var i = 0; i < 5 * scale; i++)
        {
            answers.Add(SurveyKit.Answers(a2, "yes", ("q_why", i < 2 * scale ? new[] { "land" } : new[] { "other" }), ("q_score", 5)));
        }

        answers.AddRange(Enumerable.Range(0, 15 * scale).Select(_ => SurveyKit.Answers(a2, "no", ("q_score", 3))));
        using var client = app.Client();
        using var sent = await SurveyKit.SubmitAsync(client, id, SurveyKit.Batch(SurveyKit.Key(), [.. answers]));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        return id;
    }

    private static JsonElement Question(JsonElement report, string key)
        => report.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == key);

    private static JsonElement Option(JsonElement question, string key)
        => question.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("key").GetString() == key);

    [Theory, Providers]
    public async Task Results_are_post_stratified_by_unit_with_stratified_margins_and_small_cells_hidden(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("viewer@48.vn", app.Tree.ProvinceA, Role.Viewer);
        // Three times the groups: every count by unit is 0 or at least 5, so nothing is hidden.
        var id = await SeedAsync(app, scale: 3);
        using var staff = app.Client();
        await staff.SignInOkAsync("viewer@48.vn");

        var unweighted = await SurveyKit.JsonAsync(await staff.GetAsync($"/api/surveys/{id}/results"));
        Assert.False(unweighted.GetProperty("weighted").GetBoolean());
        Assert.Equal(90, unweighted.GetProperty("responses").GetInt32());
        Assert.Equal(100.0 * 33 / 90, Option(Question(unweighted, "q_use"), "yes").GetProperty("percent").GetDouble(), 6);

        await app.WithDbAsync(async db =>
        {
            db.SurveyUnits.Add(new SurveyUnit { SurveyId = id, UnitId = app.Tree.CommuneA1.Id, Population = 30000 });
            db.SurveyUnits.Add(new SurveyUnit { SurveyId = id, UnitId = app.Tree.CommuneA2.Id, Population = 10000 });
            return await db.SaveChangesAsync();
        });
        var report = await SurveyKit.JsonAsync(await staff.GetAsync($"/api/surveys/{id}/results?lang=en"));
        Assert.True(report.GetProperty("weighted").GetBoolean());
        var yes = Option(Question(report, "q_use"), "yes");
        // Stratified by unit, post-stratified to W = 0.75 / 0.25: p = Σ W_h p_h, Var = Σ W_h² p_h (1 − p_h) / (n_h − 1).
        var p = (0.75 * 0.6) + (0.25 * 0.25);
        var se = Math.Sqrt((0.75 * 0.75 * 0.6 * 0.4 / 29) + (0.25 * 0.25 * 0.25 * 0.75 / 59));
        Assert.Equal(100 * p, yes.GetProperty("percent").GetDouble(), 6);
        Assert.Equal(100 * DesignEstimate.Z95 * se, yes.GetProperty("margin").GetDouble(), 6);
        Assert.Equal(33, yes.GetProperty("count").GetInt32());
        Assert.Equal("Yes", yes.GetProperty("label").GetString());
        Assert.StartsWith("51% ± 14 points; based on 90 responses, weighted to the units' population", yes.GetProperty("summary").GetString()!, StringComparison.Ordinal);

        // Multiple choice: per option among those who answered.
        var why = Question(report, "q_why");
        Assert.Equal(33, why.GetProperty("answered").GetInt32());
        Assert.Equal(100.0 * 19000 / 20500, Option(why, "land").GetProperty("percent").GetDouble(), 6);
        Assert.Equal(9, Option(why, "birth").GetProperty("count").GetInt32());

        // Cross-tab by unit: Hải Vân's 45 "no" are 75%.
        var byUnit = Question(report, "q_use").GetProperty("byUnit").EnumerateArray().ToDictionary(u => u.GetProperty("unitId").GetInt64());
        Assert.Equal(18, byUnit[app.Tree.CommuneA1.Id].GetProperty("cells")[0].GetProperty("count").GetInt32());
        Assert.Equal(75.0, byUnit[app.Tree.CommuneA2.Id].GetProperty("cells")[1].GetProperty("percent").GetDouble(), 6);

        // Rating: weighted mean 0.75·(6·4 + 4·2)/10 + 0.25·(5·5 + 15·3)/20.
        var mean = Question(report, "q_score").GetProperty("mean");
        Assert.Equal((0.75 * 3.2) + (0.25 * 3.5), mean.GetProperty("estimate").GetDouble(), 6);

        var page = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Surveys/Results?id={id}"));
        Assert.Contains("dựa trên 90 phiếu, gia quyền theo dân số các đơn vị", page, StringComparison.Ordinal);
        Assert.Contains("chart.umd.min.js", page, StringComparison.Ordinal);
        Assert.Contains("canvas id=\"chart-q_use\"", page, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task The_csv_export_names_labels_in_the_language_hides_small_cells_and_defuses_formulas(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("viewer@48.vn", app.Tree.ProvinceA, Role.Viewer);
        var id = await SeedAsync(app, SurveyKit.Definition.Replace("\"vi\": \"Chưa\"", "\"vi\": \"=HYPERLINK(\\\"http://x\\\")\"", StringComparison.Ordinal));
        using var staff = app.Client();
        await staff.SignInOkAsync("viewer@48.vn");
        using var response = await staff.GetAsync($"/Surveys/Results?id={id}&handler=Csv&lang=vi");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("\"câu hỏi\",\"mã\",\"lựa chọn\"", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        // Hoà Khánh's 4 "no" are hidden, so its 6 "yes" are too (10 − 6 = 4), and Hải Vân's cells (11 − 6 = 5 ...);
        // the percentage over everyone is computed unit by unit and would give them back: only the count is shown.
        Assert.Contains("\"Bạn đã dùng dịch vụ công trực tuyến chưa?\",\"q_use\",\"Đã dùng\",\"Tất cả\",\"11\",\"\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"Đã dùng\",\"Phường Hoà Khánh\",\"ẩn\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=", csv, StringComparison.Ordinal);
        Assert.Contains("\"Khai sinh\",\"Tất cả\",\"ẩn\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("<5", csv, StringComparison.Ordinal);
        using var english = await staff.GetAsync($"/Surveys/Results?id={id}&handler=Csv&lang=en");
        Assert.Contains("\"Have you used online public services?\",\"q_use\",\"Yes\"", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
