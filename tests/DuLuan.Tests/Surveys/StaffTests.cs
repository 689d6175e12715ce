using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Surveys;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Surveys;

public sealed partial class StaffTests
{
    [Theory, Providers]
    public async Task An_editor_builds_publishes_and_a_resident_answers_in_the_picked_language(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        using var staff = app.Client();
        await staff.SignInOkAsync("editor@48.vn");

        using var created = await staff.PostFormAsync("/Surveys/Create", new Dictionary<string, string>
        {
            ["TitleVi"] = "Khảo sát dịch vụ công",
            ["TitleEn"] = "Public services survey",
            ["UnitId"] = SurveyKit.Id(app.Tree.ProvinceA.Id),
            ["Anonymous"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = long.Parse(IdPattern().Match(created.Headers.Location!.ToString()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var edit = await staff.GetStringAsync($"/Surveys/Edit?id={id}");
        Assert.Contains("survey-builder.js", edit, StringComparison.Ordinal);

        using var saved = await staff.PostFormAsync($"/Surveys/Edit?id={id}", new Dictionary<string, string> { ["Id"] = SurveyKit.Id(id), ["DefinitionJson"] = SurveyKit.Definition, ["Anonymous"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyVersions.CountAsync()));
        using var publicDraft = await app.Client().GetAsync($"/cong/48/khao-sat/{id}");
        Assert.Equal(HttpStatusCode.NotFound, publicDraft.StatusCode);

        using var published = await staff.PostFormAsync($"/Surveys/Details?id={id}", new Dictionary<string, string> { ["Id"] = SurveyKit.Id(id) }, $"/Surveys/Details?handler=Publish&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var details = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Surveys/Details?id={id}"));
        Assert.Contains($"/cong/48/khao-sat/{id}", details, StringComparison.Ordinal);
        Assert.Contains("data:image/svg+xml;base64,", details, StringComparison.Ordinal);

        using var resident = app.Client();
        var vi = await resident.GetStringAsync($"/cong/48/khao-sat/{id}");
        Assert.Contains("Bạn đã dùng dịch vụ công trực tuyến chưa?", vi, StringComparison.Ordinal);
        Assert.Contains("Phường Hải Vân", vi, StringComparison.Ordinal);
        Assert.DoesNotContain("Phường Ba Đình", vi, StringComparison.Ordinal);
        Assert.Contains("survey-answer.js", vi, StringComparison.Ordinal);
        var km = await resident.GetStringAsync($"/cong/48/khao-sat/{id}?lang=km");
        Assert.Contains("\u178F\u17BE\u17A2\u17D2\u1793\u1780", km, StringComparison.Ordinal);
        Assert.Contains("Ng\u00E0y d\u00F9ng g\u1EA7n nh\u1EA5t", km, StringComparison.Ordinal);
        var en = await resident.GetStringAsync($"/cong/48/khao-sat/{id}?lang=en");
        Assert.Contains("Have you used online public services?", en, StringComparison.Ordinal);
        var bogus = await resident.GetStringAsync($"/cong/48/khao-sat/{id}?lang=%3Cscript%3E");
        Assert.DoesNotContain("<script>", bogus, StringComparison.Ordinal);

        using var answered = await SurveyKit.SubmitAsync(resident, id, SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA1.Id, "yes", ("q_why", new[] { "land" }))));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        // Editing the published survey changes the draft only; publishing again makes version 2 and refuses version 1 answers.
        using var edited = await staff.PostFormAsync($"/Surveys/Edit?id={id}", new Dictionary<string, string> { ["Id"] = SurveyKit.Id(id), ["DefinitionJson"] = SurveyKit.Definition.Replace("Góp ý", "Ý kiến khác", StringComparison.Ordinal), ["Anonymous"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("Góp ý", await resident.GetStringAsync($"/cong/48/khao-sat/{id}"), StringComparison.Ordinal);
        using var republished = await staff.PostFormAsync($"/Surveys/Details?id={id}", new Dictionary<string, string> { ["Id"] = SurveyKit.Id(id) }, $"/Surveys/Details?handler=Publish&id={id}");
        Assert.Equal(2, await app.WithDbAsync(db => db.SurveyVersions.CountAsync(v => v.SurveyId == id)));
        Assert.Contains("Ý kiến khác", await resident.GetStringAsync($"/cong/48/khao-sat/{id}"), StringComparison.Ordinal);
        using var stale = await SurveyKit.SubmitAsync(resident, id, SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA1.Id)));
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Equal(1, (await app.WithDbAsync(db => db.SurveyResponses.SingleAsync())).Version);
        Assert.Contains("v2", await staff.GetStringAsync("/Surveys"), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_bad_definition_is_refused_with_reasons_and_nothing_saved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        var id = await SurveyKit.PublishedAsync(app);
        var before = await app.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).Select(s => s.DraftJson).SingleAsync());
        using var staff = app.Client();
        await staff.SignInOkAsync("editor@48.vn");
        var cases = new Dictionary<string, string>
        {
            ["{"] = "JSON",
            ["{\"sections\":[],\"title\":{\"vi\":\"a\",\"en\":\"b\"}}"] = "ít nhất một phần",
            ["{\"unknown\":1}"] = "JSON",
            [SurveyKit.Definition.Replace("\"q_age\"", "\"q_use\"", StringComparison.Ordinal)] = "bị trùng",
            [SurveyKit.Definition.Replace("\"question\": \"q_use\"", "\"question\": \"q_note\"", StringComparison.Ordinal)] = "không phải câu hỏi đứng trước",
            [SurveyKit.Definition.Replace("\"value\": \"yes\"", "\"value\": \"perhaps\"", StringComparison.Ordinal)] = "không hợp lệ",
            [SurveyKit.Definition.Replace("\"km\"]", "\"<b>\"]", StringComparison.Ordinal)] = "Mã ngôn ngữ",
            [SurveyKit.Definition.Replace("\"en\": \"Age\"", "\"en\": \"\"", StringComparison.Ordinal)] = "q_age",
            [SurveyKit.Definition.Replace("\"min\": 1, \"max\": 5", "\"min\": 5, \"max\": 1", StringComparison.Ordinal)] = "q_score",
            ["{\"x\":\"" + new string('a', DefinitionRules.MaxJsonLength) + "\"}"] = "KB",
        };
        foreach (var (json, reason) in cases)
        {
            using var response = await staff.PostFormAsync($"/Surveys/Edit?id={id}", new Dictionary<string, string> { ["Id"] = SurveyKit.Id(id), ["DefinitionJson"] = json, ["Anonymous"] = "true" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(html.Contains(reason, StringComparison.Ordinal), $"{reason}: {Regex.Match(html, "id=\"errors\"[\\s\\S]{0,600}").Value}");
        }

        Assert.Equal(before, await app.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).Select(s => s.DraftJson).SingleAsync()));
    }

    [Theory, Providers]
    public async Task Anonymity_cannot_be_switched_off_once_responses_exist(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        var id = await SurveyKit.PublishedAsync(app);
        using var staff = app.Client();
        await staff.SignInOkAsync("editor@48.vn");
        using (var sent = await SurveyKit.SubmitAsync(app.Client(), id, SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA1.Id))))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        using var off = await staff.PostFormAsync($"/Surveys/Edit?id={id}", new Dictionary<string, string> { ["Id"] = SurveyKit.Id(id), ["DefinitionJson"] = SurveyKit.Definition, ["Anonymous"] = "false" });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Contains("không thể bỏ ẩn danh", await off.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).Select(s => s.Anonymous).SingleAsync()));
    }

    [Theory, Providers]
    public async Task Surveys_outside_the_members_subtree_are_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@01.vn", app.Tree.ProvinceB, Role.Editor);
        await app.AddMemberAsync("viewer@48.vn", app.Tree.ProvinceA, Role.Viewer);
        var id = await SurveyKit.PublishedAsync(app);
        using var other = app.Client();
        await other.SignInOkAsync("editor@01.vn");
        foreach (var path in new[] { $"/Surveys/Details?id={id}", $"/Surveys/Edit?id={id}", $"/Surveys/Results?id={id}", $"/Surveys/Results?id={id}&handler=Csv", $"/api/surveys/{id}/results" })
        {
            using var response = await other.GetAsync(path);
            Assert.True(HttpStatusCode.NotFound == response.StatusCode, path);
        }

        Assert.DoesNotContain(SurveyKit.Definition[..20], await other.GetStringAsync("/Surveys"), StringComparison.Ordinal);
        using var publish = await other.PostFormAsync("/Surveys", new Dictionary<string, string> { ["Id"] = SurveyKit.Id(id), ["Quota_" + app.Tree.CommuneA1.Id] = "1" }, $"/Surveys/Details?handler=Targets&id={id}");
        Assert.Equal(HttpStatusCode.NotFound, publish.StatusCode);
        using var edit = await other.PostFormAsync("/Surveys", new Dictionary<string, string> { ["Id"] = SurveyKit.Id(id), ["DefinitionJson"] = "{}" }, $"/Surveys/Edit?id={id}");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        using var create = await other.PostFormAsync("/Surveys/Create", new Dictionary<string, string> { ["TitleVi"] = "Khảo sát lạ", ["TitleEn"] = "Odd survey", ["UnitId"] = SurveyKit.Id(app.Tree.ProvinceA.Id) });
        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Surveys.CountAsync()));

        // A viewer in scope reads but cannot build or publish.
        using var viewer = app.Client();
        await viewer.SignInOkAsync("viewer@48.vn");
        Assert.Contains("Khảo sát dịch vụ công trực tuyến", await viewer.GetStringAsync($"/Surveys/Details?id={id}"), StringComparison.Ordinal);
        using var viewerEdit = await viewer.GetAsync($"/Surveys/Edit?id={id}");
        Assert.Equal(HttpStatusCode.NotFound, viewerEdit.StatusCode);
        using var anonymous = await app.Client().GetAsync($"/api/surveys/{id}/results");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyUnits.CountAsync()));
    }

    [Theory, Providers]
    public async Task Quotas_and_population_are_entered_per_unit_with_progress_and_bad_numbers_named(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        var id = await SurveyKit.PublishedAsync(app);
        using var staff = app.Client();
        await staff.SignInOkAsync("editor@48.vn");
        using (var sent = await SurveyKit.SubmitAsync(app.Client(), id, SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA1.Id))))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        string A1(string kind) => $"{kind}_{app.Tree.CommuneA1.Id}";
        foreach (var bad in new[] { "-3", "abc", "1e5", "99999999999" })
        {
            using var refused = await staff.PostFormAsync($"/Surveys/Details?id={id}", new Dictionary<string, string> { ["Id"] = SurveyKit.Id(id), [A1("Quota")] = bad }, $"/Surveys/Details?handler=Targets&id={id}");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Phường Hoà Khánh: chỉ tiêu", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyUnits.CountAsync()));
        using var ok = await staff.PostFormAsync($"/Surveys/Details?id={id}", new Dictionary<string, string> { ["Id"] = SurveyKit.Id(id), [A1("Quota")] = "400", [A1("Population")] = "25000" }, $"/Surveys/Details?handler=Targets&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var row = await app.WithDbAsync(db => db.SurveyUnits.SingleAsync());
        Assert.Equal((400, 25000L, 1), (row.Quota!.Value, row.Population!.Value, row.Received));
        Assert.Contains("<progress max=\"400\" value=\"1\"", await staff.GetStringAsync($"/Surveys/Details?id={id}"), StringComparison.Ordinal);
    }

    [GeneratedRegex("id=(\\d+)")]
    private static partial Regex IdPattern();
}
