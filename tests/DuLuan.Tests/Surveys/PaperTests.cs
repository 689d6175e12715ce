using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Surveys;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Surveys;

public sealed partial class PaperTests
{
    [Theory, Providers]
    public async Task A_collaborator_keys_in_paper_responses_stored_as_paper_with_no_member_and_only_a_count_audited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("ctv@48.vn", app.Tree.ProvinceA, Role.Collaborator);
        var id = await SurveyKit.PublishedAsync(app);
        using var ctv = app.Client();
        await ctv.SignInOkAsync("ctv@48.vn");

        var page = WebUtility.HtmlDecode(await ctv.GetStringAsync($"/Surveys/Entry?id={id}"));
        Assert.Contains("survey-entry.js", page, StringComparison.Ordinal);
        Assert.Contains("1. Đã dùng", page, StringComparison.Ordinal);
        Assert.Contains("autofocus", page, StringComparison.Ordinal);

        using (var first = await PostAsync(ctv, id, Answers(app, ("a_q_use", "yes"), ("a_q_why", "birth"), ("a_q_why", "land"), ("a_q_age", "42,5"), ("a_q_score", "4"), ("a_q_date", "2026-11-30"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.Contains("entered=true", first.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        // The same form posted twice (a double click) stores one response.
        var again = Answers(app, ("a_q_use", "no"));
        using (var second = await PostAsync(ctv, id, again))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        using (var replay = await PostAsync(ctv, id, again, reuseKey: true))
        {
            Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        }

        var responses = await app.WithDbAsync(db => db.SurveyResponses.Where(r => r.SurveyId == id).ToListAsync());
        Assert.Equal(2, responses.Count);
        Assert.All(responses, r => Assert.Equal(ResponseSource.Paper, r.Source));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyTokens.CountAsync()));
        Assert.Equal(42.5, await app.WithDbAsync(db => db.SurveyAnswers.Where(a => a.QuestionKey == "q_age").Select(a => a.Number).SingleAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.SurveyAnswers.CountAsync(a => a.QuestionKey == "q_why")));
        var tally = await app.WithDbAsync(db => db.SurveyPaperTallies.SingleAsync());
        Assert.Equal(2, tally.Count);
        Assert.Contains("<strong>2</strong>", await ctv.GetStringAsync($"/Surveys/Entry?id={id}"), StringComparison.Ordinal);

        using (var finish = await ctv.PostFormAsync($"/Surveys/Entry?id={id}", new Dictionary<string, string> { ["Id"] = SurveyKit.Id(id) }, $"/Surveys/Entry?handler=Finish&id={id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, finish.StatusCode);
        }

        var audits = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("surveys.paper-entry")).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["surveys.paper-entry-started", "surveys.paper-entry-finished"], audits.Select(a => a.Action));
        Assert.StartsWith("2 ", audits[1].Detail, StringComparison.Ordinal);
        Assert.All(audits, a => Assert.DoesNotContain(responses[0].Id, a.Detail + a.Target, StringComparison.Ordinal));

        // Online answers stay 'online'.
        using (var online = await SurveyKit.SubmitAsync(app.Client(), id, SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA1.Id))))
        {
            Assert.Equal(HttpStatusCode.OK, online.StatusCode);
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.Source == ResponseSource.Online)));
    }

    [Theory, Providers]
    public async Task Bad_paper_entries_are_refused_naming_the_question_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("ctv@48.vn", app.Tree.ProvinceA, Role.Collaborator);
        await app.AddMemberAsync("ctv@01.vn", app.Tree.ProvinceB, Role.Collaborator);
        await app.AddMemberAsync("viewer@48.vn", app.Tree.ProvinceA, Role.Viewer);
        var id = await SurveyKit.PublishedAsync(app);
        using var ctv = app.Client();
        await ctv.SignInOkAsync("ctv@48.vn");

        var cases = new List<(List<KeyValuePair<string, string>> Fields, string Reason)>
        {
            (Answers(app, ("a_q_use", "perhaps")), "q_use"),
            (Answers(app, ("a_q_use", "no"), ("a_q_age", "abc")), "q_age"),
            (Answers(app, ("a_q_use", "no"), ("a_q_age", "7")), "Tuổi từ 15 đến 100"),
            (Answers(app, ("a_q_use", "no"), ("a_q_why", "land")), "q_why"),
            (Answers(app, ("a_q_use", "no"), ("a_q_note", new string('x', 201))), "q_note"),
            (Answers(app, ("a_q_use", "no"), ("a_q_date", "30/11/2026")), "q_date"),
            ([new("a_q_use", "no")], "q_commune"),
            (Answers(app, ("a_q_use", "no"), ("a_q_score", "9")), "q_score"),
            ([new("a_q_commune", SurveyKit.Id(app.Tree.CommuneB1.Id)), new("a_q_use", "no")], "q_commune"),
            ([new("a_q_commune", "<script>"), new("a_q_use", "no")], "q_commune"),
        };
        foreach (var (fields, reason) in cases)
        {
            using var response = await PostAsync(ctv, id, fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(html.Contains("id=\"errors\"", StringComparison.Ordinal) && html.Contains(reason, StringComparison.Ordinal), $"{reason}: {ErrorsBlock().Match(html).Value}");
            Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var badKey = await PostAsync(ctv, id, Answers(app, ("a_q_use", "no")), key: "x"))
        {
            Assert.Contains("khoá chống gửi lặp", WebUtility.HtmlDecode(await badKey.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var stale = await PostAsync(ctv, id, Answers(app, ("a_q_use", "no")), version: "0"))
        {
            Assert.Contains("đã cũ", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var huge = await PostAsync(ctv, id, Answers(app, ("a_q_use", "no"), ("a_q_note", new string('x', 1024 * 1024)))))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, huge.StatusCode);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyResponses.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyPaperTallies.CountAsync()));

        // Closed: refused with a message; out of scope or read-only: not found.
        await app.WithDbAsync(async db => await db.Surveys.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SurveyStatus.Closed)));
        var closed = WebUtility.HtmlDecode(await ctv.GetStringAsync($"/Surveys/Entry?id={id}"));
        Assert.Contains("id=\"not-open\"", closed, StringComparison.Ordinal);
        foreach (var email in new[] { "ctv@01.vn", "viewer@48.vn" })
        {
            using var other = app.Client();
            await other.SignInOkAsync(email);
            using var get = await other.GetAsync($"/Surveys/Entry?id={id}");
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        }

        using var missing = await ctv.GetAsync("/Surveys/Entry?id=987654");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var anonymous = await app.Client().GetAsync($"/Surveys/Entry?id={id}");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Theory, Providers]
    public async Task The_paper_form_has_boxes_skip_instructions_and_a_qr_in_the_chosen_language(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("viewer@48.vn", app.Tree.ProvinceA, Role.Viewer);
        await app.AddMemberAsync("editor@01.vn", app.Tree.ProvinceB, Role.Editor);
        var id = await SurveyKit.PublishedAsync(app);
        using var viewer = app.Client();
        await viewer.SignInOkAsync("viewer@48.vn");

        var vi = WebUtility.HtmlDecode(await viewer.GetStringAsync($"/Surveys/Paper?id={id}"));
        Assert.Contains("survey-paper.css", vi, StringComparison.Ordinal);
        Assert.Contains("Bạn đã dùng dịch vụ công trực tuyến chưa?", vi, StringComparison.Ordinal);
        Assert.Contains("Chỉ trả lời nếu câu 2 là «Đã dùng».", vi, StringComparison.Ordinal);
        Assert.Contains("data:image/svg+xml;base64,", vi, StringComparison.Ordinal);
        Assert.Contains($"/khao-sat/{id}?lang=vi", vi, StringComparison.Ordinal);
        Assert.Contains("Phường Hải Vân", vi, StringComparison.Ordinal);
        Assert.Equal(2 + 3 + 5, BoxPattern().Count(vi) - UnitBoxes(vi));
        var en = WebUtility.HtmlDecode(await viewer.GetStringAsync($"/Surveys/Paper?id={id}&lang=en"));
        Assert.Contains("Answer only if question 2 is «Yes».", en, StringComparison.Ordinal);
        Assert.Contains($"/khao-sat/{id}?lang=en", en, StringComparison.Ordinal);
        var bogus = await viewer.GetStringAsync($"/Surveys/Paper?id={id}&lang=%3Cscript%3E");
        Assert.DoesNotContain("<script>", bogus, StringComparison.Ordinal);

        using var other = app.Client();
        await other.SignInOkAsync("editor@01.vn");
        using var hidden = await other.GetAsync($"/Surveys/Paper?id={id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var missing = await viewer.GetAsync("/Surveys/Paper?id=424242");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static int UnitBoxes(string html) => Regex.Count(Regex.Match(html, "data-key=\"q_commune\"[\\s\\S]*?</ul>").Value, "class=\"box\"");

    private static List<KeyValuePair<string, string>> Answers(TestApp app, params (string Key, string Value)[] fields)
        => [new("a_q_commune", SurveyKit.Id(app.Tree.CommuneA1.Id)), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))];

    private static string? lastKey;

    private static async Task<HttpResponseMessage> PostAsync(TestClient client, long id, List<KeyValuePair<string, string>> fields, bool reuseKey = false, string? key = null, string version = "1")
    {
        var html = await client.GetStringAsync($"/Surveys/Entry?id={id}");
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, html[..Math.Min(2000, html.Length)]);
        var formKey = key ?? (reuseKey ? lastKey! : KeyPattern().Match(html).Groups[1].Value);
        lastKey = formKey;
        List<KeyValuePair<string, string>> content = [new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)), new("key", formKey), new("version", version), .. fields];
        using var body = new FormUrlEncodedContent(content);
        return await client.Http.PostAsync($"/Surveys/Entry?id={id}", body);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"key\" value=\"([^\"]+)\"")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("class=\"box\"")]
    private static partial Regex BoxPattern();

    [GeneratedRegex("id=\"errors\"[\\s\\S]{0,800}")]
    private static partial Regex ErrorsBlock();
}
