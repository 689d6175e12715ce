using System.Net;
using System.Text.Json;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Surveys;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Surveys;

/// <summary>The raking set-up page (sex and age-band margins, trimming cap) and raked results.</summary>
public sealed class WeightsTests
{
    internal static readonly string Definition = SurveyKit.Definition.Replace(
        """{ "key": "q_why",""",
        """
        { "key": "q_sex", "type": "single", "label": { "vi": "Giới tính", "en": "Sex" }, "options": [ { "key": "f", "label": { "vi": "Nữ", "en": "Female" } }, { "key": "m", "label": { "vi": "Nam", "en": "Male" } } ] },
        { "key": "q_band", "type": "single", "label": { "vi": "Nhóm tuổi", "en": "Age band" }, "options": [ { "key": "young", "label": { "vi": "Dưới 40", "en": "Under 40" } }, { "key": "old", "label": { "vi": "Từ 40", "en": "40 and over" } } ] },
        { "key": "q_why",
        """, StringComparison.Ordinal);

    /// <summary>A1: 10 responses (5 women), A2: 20 (12 women); populations 30,000 and 10,000. No unit has fewer than 5 of a sex or band, so no figure is withheld.</summary>
    private static async Task<long> SeedAsync(TestApp app)
    {
        var id = await SurveyKit.PublishedAsync(app, Definition);
        var answers = new List<object>();
        for (var i = 0; i < 10; i++)
        {
            answers.Add(SurveyKit.Answers(app.Tree.CommuneA1.Id, i < 5 ? "yes" : "no", ("q_sex", i < 5 ? "f" : "m"), ("q_band", i % 2 == 0 ? "young" : "old")));
        }

        for (var i = 0; i < 20; i++)
        {
            answers.Add(SurveyKit.Answers(app.Tree.CommuneA2.Id, i < 6 ? "yes" : "no", ("q_sex", i < 12 ? "f" : "m"), ("q_band", i % 3 == 0 ? "young" : "old")));
        }

        using var client = app.Client();
        using var sent = await SurveyKit.SubmitAsync(client, id, SurveyKit.Batch(SurveyKit.Key(), [.. answers]));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        await app.WithDbAsync(async db =>
        {
            db.SurveyUnits.Add(new SurveyUnit { SurveyId = id, UnitId = app.Tree.CommuneA1.Id, Population = 30_000 });
            db.SurveyUnits.Add(new SurveyUnit { SurveyId = id, UnitId = app.Tree.CommuneA2.Id, Population = 10_000 });
            return await db.SaveChangesAsync();
        });
        return id;
    }

    private static JsonElement Option(JsonElement report, string question, string option)
        => report.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == question)
            .GetProperty("options").EnumerateArray().Single(o => o.GetProperty("key").GetString() == option);

    [Theory, Providers]
    public async Task An_office_enters_sex_and_age_margins_and_results_are_raked_to_them(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        var id = await SeedAsync(app);
        using var staff = app.Client();
        await staff.SignInOkAsync("editor@48.vn");
        var url = $"/Surveys/Weights?id={id}";

        using (var chosen = await staff.PostFormAsync(url, new Dictionary<string, string> { ["Id"] = SurveyKit.Id(id), ["SexQuestion"] = "q_sex", ["AgeQuestion"] = "q_band", ["TrimCap"] = "4" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        }

        var page = await staff.GetStringAsync(url);
        Assert.Contains("name=\"Margin_sex_f\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Margin_age_old\"", page, StringComparison.Ordinal);
        using (var saved = await staff.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Id"] = SurveyKit.Id(id),
            ["SexQuestion"] = "q_sex",
            ["AgeQuestion"] = "q_band",
            ["TrimCap"] = "4",
            ["Margin_sex_f"] = "21000",
            ["Margin_sex_m"] = "19000",
            ["Margin_age_young"] = "16000",
            ["Margin_age_old"] = "24000",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var report = await SurveyKit.JsonAsync(await staff.GetAsync($"/api/surveys/{id}/results"));
        var calibration = report.GetProperty("calibration");
        Assert.Equal("raking", calibration.GetProperty("method").GetString());
        Assert.True(calibration.GetProperty("converged").GetBoolean());
        Assert.InRange(calibration.GetProperty("maxMarginError").GetDouble(), 0, 0.5);
        Assert.Equal(4 * 40_000.0 / 30, calibration.GetProperty("cap").GetDouble(), 6);
        // The raked sample meets every margin: 52.5% women, 40% under 40 (to 0.5 people in 40,000).
        Assert.Equal(52.5, Option(report, "q_sex", "f").GetProperty("percent").GetDouble(), 2);
        Assert.Equal(40, Option(report, "q_band", "young").GetProperty("percent").GetDouble(), 2);
        Assert.Contains("giới tính và nhóm tuổi", Option(report, "q_sex", "f").GetProperty("summary").GetString(), StringComparison.Ordinal);
        var results = await staff.GetStringAsync($"/Surveys/Results?id={id}");
        Assert.Contains("Hiệu chỉnh trọng số lặp (raking) theo đơn vị, giới tính, nhóm tuổi", results, StringComparison.Ordinal);

        // A filter keeps to post-stratification and says so.
        var filtered = await SurveyKit.JsonAsync(await staff.GetAsync($"/api/surveys/{id}/results?unit={app.Tree.CommuneA1.Id}"));
        Assert.Equal("post-stratification", filtered.GetProperty("calibration").GetProperty("method").GetString());

        // Margins that no longer fit the units (a population changed): results say why raking is off, not an error.
        await app.WithDbAsync(async db =>
        {
            var unit = await db.SurveyUnits.SingleAsync(u => u.SurveyId == id && u.UnitId == app.Tree.CommuneA2.Id);
            unit.Population = 20_000;
            return await db.SaveChangesAsync();
        });
        report = await SurveyKit.JsonAsync(await staff.GetAsync($"/api/surveys/{id}/results"));
        Assert.Equal("post-stratification", report.GetProperty("calibration").GetProperty("method").GetString());
        Assert.Contains("Margins disagree", report.GetProperty("calibration").GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.True(report.GetProperty("weighted").GetBoolean());
    }

    [Theory, Providers]
    public async Task Bad_margins_are_refused_naming_the_field_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        await app.AddMemberAsync("viewer@48.vn", app.Tree.ProvinceA, Role.Viewer);
        await app.AddMemberAsync("other@49.vn", app.Tree.ProvinceB, Role.Editor);
        var id = await SeedAsync(app);
        using var staff = app.Client();
        await staff.SignInOkAsync("editor@48.vn");
        var url = $"/Surveys/Weights?id={id}";
        using (var chosen = await staff.PostFormAsync(url, new Dictionary<string, string> { ["Id"] = SurveyKit.Id(id), ["SexQuestion"] = "q_sex" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        }

        async Task Refused(Dictionary<string, string> fields, string words)
        {
            fields["Id"] = SurveyKit.Id(id);
            using var response = await staff.PostFormAsync(url, fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("id=\"errors\"", html, StringComparison.Ordinal);
            Assert.Contains(words, html, StringComparison.Ordinal);
            Assert.Equal(0, await app.WithDbAsync(db => db.SurveyMargins.CountAsync()));
            Assert.Null(await app.WithDbAsync(db => db.SurveyWeightings.Select(w => w.TrimCap).SingleAsync()));
        }

        await Refused(new() { ["SexQuestion"] = "q_sex", ["Margin_sex_f"] = "21000", ["Margin_sex_m"] = "1", ["TrimCap"] = "3" }, "khác tổng dân số các đơn vị 40,000");
        await Refused(new() { ["SexQuestion"] = "q_sex", ["Margin_sex_f"] = "-5", ["Margin_sex_m"] = "40005" }, "phải là số nguyên từ 0");
        await Refused(new() { ["SexQuestion"] = "q_sex", ["Margin_sex_f"] = "40000" }, "cần nhập đủ mọi lựa chọn");
        await Refused(new() { ["SexQuestion"] = "nope' OR 1=1", ["TrimCap"] = "3" }, "không phải câu hỏi một lựa chọn");
        await Refused(new() { ["SexQuestion"] = "q_note", ["TrimCap"] = "3" }, "không phải câu hỏi một lựa chọn");
        await Refused(new() { ["SexQuestion"] = "q_sex", ["AgeQuestion"] = "q_sex", ["TrimCap"] = "3" }, "phải khác nhau");
        await Refused(new() { ["SexQuestion"] = "q_sex", ["TrimCap"] = "0.5" }, "Ngưỡng cắt trọng số");
        await Refused(new() { ["SexQuestion"] = "q_sex", ["TrimCap"] = new string('9', 1_000_000) }, "Ngưỡng cắt trọng số");
        await Refused(new() { ["SexQuestion"] = "q_sex", ["Margin_sex_f"] = "1e4", ["Margin_sex_m"] = "30000", ["TrimCap"] = "3" }, "phải là số nguyên từ 0");

        // A viewer reads but cannot save; another province sees nothing.
        using var viewer = app.Client();
        await viewer.SignInOkAsync("viewer@48.vn");
        Assert.DoesNotContain("id=\"save-weights\"", await viewer.GetStringAsync(url), StringComparison.Ordinal);
        using (var post = await viewer.PostFormAsync(url, new Dictionary<string, string> { ["Id"] = SurveyKit.Id(id), ["SexQuestion"] = "q_sex", ["TrimCap"] = "3" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        using var other = app.Client();
        await other.SignInOkAsync("other@49.vn");
        using var hidden = await other.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.SurveyWeightings.Select(w => w.TrimCap).SingleAsync()));
    }
}
