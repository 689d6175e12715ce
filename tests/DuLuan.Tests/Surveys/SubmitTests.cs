using System.Net;
using System.Net.Http.Json;
using System.Text;
using DuLuan.Data;
using DuLuan.Features.Surveys;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Surveys;

public sealed class SubmitTests
{
    [Theory, Providers]
    public async Task A_valid_response_is_stored_one_row_per_value_with_the_day_only(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await SurveyKit.PublishedAsync(app);
        using var client = app.Client();
        using var sent = await SurveyKit.SubmitAsync(client, id, SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA2.Id, "yes",
            ("q_why", new[] { "birth", "land" }), ("q_score", 4), ("q_age", 37.5), ("q_date", "2026-11-20"), ("q_note", "Ông Nguyễn Văn An, 0905 123 456, thủ tục nhanh"))));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(1, (await SurveyKit.JsonAsync(sent)).GetProperty("accepted").GetInt32());

        var response = await app.WithDbAsync(db => db.SurveyResponses.SingleAsync());
        Assert.Equal(app.Tree.CommuneA2.Id, response.UnitId);
        Assert.Equal(1, response.Version);
        Assert.True(response.Id.Length >= 20);
        var answers = await app.WithDbAsync(db => db.SurveyAnswers.Where(a => a.ResponseId == response.Id).ToListAsync());
        Assert.Equal(["birth", "land"], answers.Where(a => a.QuestionKey == "q_why").Select(a => a.Choice).Order(StringComparer.Ordinal));
        Assert.Equal(37.5, answers.Single(a => a.QuestionKey == "q_age").Number);
        Assert.Equal("2026-11-20", answers.Single(a => a.QuestionKey == "q_date").Text);
        var note = answers.Single(a => a.QuestionKey == "q_note").Text!;
        Assert.DoesNotContain("0905", note, StringComparison.Ordinal);
        Assert.Contains("thủ tục nhanh", note, StringComparison.Ordinal);
        // No column of the response can hold a time of day, an address or an account.
        var columns = await app.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(SurveyResponse))!.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal).ToList()));
        // Source says how the response came in (online or keyed in from paper), never who keyed it in.
        Assert.Equal(["Id", "ReceivedOn", "Source", "SurveyId", "UnitId", "Version"], columns);
        Assert.Equal(ResponseSource.Online, response.Source);
        Assert.Equal(typeof(DateOnly), typeof(SurveyResponse).GetProperty(nameof(SurveyResponse.ReceivedOn))!.PropertyType);
    }

    public static TheoryData<DatabaseProvider, string, string, string> Hostile()
    {
        var data = new TheoryData<DatabaseProvider, string, string, string>();
        foreach (var p in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            data.Add(p, "unknown option", """{"q_use":"maybe"}""", "q_use");
            data.Add(p, "out of range", """{"q_use":"no","q_age":7}""", "q_age");
            data.Add(p, "rating not whole", """{"q_use":"no","q_score":2.5}""", "q_score");
            data.Add(p, "missing required", """{"q_score":3}""", "q_use");
            data.Add(p, "not relevant", """{"q_use":"no","q_why":["land"]}""", "q_why");
            data.Add(p, "unknown question", """{"q_use":"no","q_extra":1}""", "q_extra");
            data.Add(p, "wrong type", """{"q_use":["yes"]}""", "q_use");
            data.Add(p, "repeated option", """{"q_use":"yes","q_why":["land","land"]}""", "q_why");
            data.Add(p, "bad date", """{"q_use":"no","q_date":"20/11/2026"}""", "q_date");
            data.Add(p, "unit outside", """{"q_use":"no","q_commune":UNIT_B}""", "q_commune");
        }

        return data;
    }

    [Theory, MemberData(nameof(Hostile))]
    public async Task A_bad_answer_is_refused_naming_the_question_and_the_whole_batch_is_not_stored(DatabaseProvider provider, string why, string answers, string question)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await SurveyKit.PublishedAsync(app);
        using var client = app.Client();
        var bad = answers.Replace("UNIT_B", SurveyKit.Id(app.Tree.CommuneB1.Id), StringComparison.Ordinal);
        if (!bad.Contains("q_commune", StringComparison.Ordinal))
        {
            bad = bad.Insert(1, $"\"q_commune\":{SurveyKit.Id(app.Tree.CommuneA1.Id)},");
        }

        var body = "{\"idempotencyKey\":\"" + SurveyKit.Key() + "\",\"responses\":[{\"version\":1,\"answers\":{\"q_commune\":" + SurveyKit.Id(app.Tree.CommuneA1.Id) + ",\"q_use\":\"no\"}},{\"version\":1,\"answers\":" + bad + "}]}";
        using var sent = await client.Http.PostAsync($"/api/public/surveys/{id}/responses", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(HttpStatusCode.BadRequest == sent.StatusCode, why);
        var problem = await SurveyKit.JsonAsync(sent);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty($"responses[1].answers.{question}", out var messages), $"{why}: {errors}");
        Assert.Contains(question, messages[0].GetString()!, StringComparison.Ordinal);
        Assert.Contains(" / ", messages[0].GetString()!, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyResponses.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyBatches.CountAsync()));
    }

    [Theory, Providers]
    public async Task Stale_version_huge_text_bad_keys_and_bad_bodies_are_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await SurveyKit.PublishedAsync(app);
        using var client = app.Client();
        var good = SurveyKit.Answers(app.Tree.CommuneA1.Id);

        using var stale = await SurveyKit.SubmitAsync(client, id, new { idempotencyKey = SurveyKit.Key(), responses = new[] { new { version = 0, answers = good } } });
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("phiên bản", (await SurveyKit.JsonAsync(stale)).GetProperty("errors").GetProperty("responses[0].version")[0].GetString()!, StringComparison.Ordinal);

        var huge = new string('a', 1024 * 1024);
        using var big = await SurveyKit.SubmitAsync(client, id, SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA1.Id, "no", ("q_note", huge))));
        Assert.Equal(HttpStatusCode.BadRequest, big.StatusCode);
        Assert.Contains("Góp ý", (await SurveyKit.JsonAsync(big)).GetProperty("errors").GetProperty("responses[0].answers.q_note")[0].GetString()!, StringComparison.Ordinal);

        // Kestrel may close the connection while the client is still sending: that is a refusal too.
        try
        {
            using var tooBig = await client.Http.PostAsync($"/api/public/surveys/{id}/responses", new StringContent("{\"x\":\"" + new string('a', 5 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        }
        catch (HttpRequestException)
        {
        }

        foreach (var key in new[] { "short", "has space in it", new string('k', 65), "<script>alert(1)</script>" })
        {
            using var badKey = await SurveyKit.SubmitAsync(client, id, SurveyKit.Batch(key, good));
            Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        }

        foreach (var body in new[] { "{", "[]", "null", "{\"responses\":\"x\"}", "{\"idempotencyKey\":\"abcdefgh12\",\"responses\":[]}", "{\"idempotencyKey\":\"abcdefgh12\",\"responses\":[{\"version\":1,\"answers\":[1,2]}]}" })
        {
            using var bad = await client.Http.PostAsync($"/api/public/surveys/{id}/responses", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.True(HttpStatusCode.BadRequest == bad.StatusCode, body);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        }

        using var form = await client.Http.PostAsync($"/api/public/surveys/{id}/responses", new StringContent("a=b", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);

        var tooMany = Enumerable.Range(0, ResponseIntake.MaxBatch + 1).Select(_ => (object)good).ToArray();
        using var many = await SurveyKit.SubmitAsync(client, id, SurveyKit.Batch(SurveyKit.Key(), tooMany));
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);

        using var missing = await SurveyKit.SubmitAsync(client, 999_999, SurveyKit.Batch(SurveyKit.Key(), good));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyResponses.CountAsync()));
    }

    [Theory, Providers]
    public async Task A_draft_is_not_found_and_a_closed_survey_refuses(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await SurveyKit.PublishedAsync(app);
        using var client = app.Client();
        await app.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SurveyStatus.Draft)));
        using var draft = await SurveyKit.SubmitAsync(client, id, SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA1.Id)));
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        using var draftPage = await client.GetAsync($"/cong/48/khao-sat/{id}");
        Assert.Equal(HttpStatusCode.NotFound, draftPage.StatusCode);

        await app.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SurveyStatus.Closed)));
        using var closed = await SurveyKit.SubmitAsync(client, id, SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA1.Id)));
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("đã đóng", (await SurveyKit.JsonAsync(closed)).GetProperty("detail").GetString()!, StringComparison.Ordinal);
        Assert.Contains("id=\"closed\"", await client.GetStringAsync($"/cong/48/khao-sat/{id}"), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_replayed_batch_stores_nothing_twice_even_when_sent_at_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await SurveyKit.PublishedAsync(app);
        using var client = app.Client();
        var batch = SurveyKit.Batch("offline-batch-0001", SurveyKit.Answers(app.Tree.CommuneA1.Id), SurveyKit.Answers(app.Tree.CommuneA2.Id, "yes", ("q_why", new[] { "land" })));
        using (var first = await SurveyKit.SubmitAsync(client, id, batch))
        {
            Assert.False((await SurveyKit.JsonAsync(first)).GetProperty("replayed").GetBoolean());
        }

        using (var again = await SurveyKit.SubmitAsync(client, id, batch))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            var json = await SurveyKit.JsonAsync(again);
            Assert.True(json.GetProperty("replayed").GetBoolean());
            Assert.Equal(2, json.GetProperty("accepted").GetInt32());
        }

        var parallel = SurveyKit.Batch("offline-batch-0002", SurveyKit.Answers(app.Tree.CommuneA1.Id));
        var sends = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var c = app.Client();
            using var r = await SurveyKit.SubmitAsync(c, id, parallel);
            return r.StatusCode;
        }));
        Assert.All(sends, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(3, await app.WithDbAsync(db => db.SurveyResponses.CountAsync()));
    }

    [Theory, Providers]
    public async Task The_same_browser_token_cannot_answer_twice_and_is_kept_apart_hashed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await SurveyKit.PublishedAsync(app);
        using var client = app.Client();
        const string token = "browser-token-0123456789abcdef";
        object One() => new { idempotencyKey = SurveyKit.Key(), responses = new[] { new { version = 1, token, answers = SurveyKit.Answers(app.Tree.CommuneA1.Id) } } };
        using (var first = await SurveyKit.SubmitAsync(client, id, One()))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var second = await SurveyKit.SubmitAsync(client, id, One());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("đã trả lời", (await SurveyKit.JsonAsync(second)).GetProperty("detail").GetString()!, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.SurveyTokens.SingleAsync());
        Assert.NotEqual(token, stored.Hash);
        Assert.Equal(ResponseIntake.TokenHash(id, token), stored.Hash);
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyResponses.CountAsync()));

        using var twiceInBatch = await SurveyKit.SubmitAsync(client, id, new { idempotencyKey = SurveyKit.Key(), responses = new[] { new { version = 1, token = "another-token-0123456789", answers = SurveyKit.Answers(app.Tree.CommuneA1.Id) }, new { version = 1, token = "another-token-0123456789", answers = SurveyKit.Answers(app.Tree.CommuneA1.Id) } } });
        Assert.Equal(HttpStatusCode.BadRequest, twiceInBatch.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyResponses.CountAsync()));
    }

    [Theory, Providers]
    public async Task A_full_quota_refuses_with_a_clear_message_and_a_batch_over_it_stores_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await SurveyKit.PublishedAsync(app);
        await app.WithDbAsync(async db =>
        {
            db.SurveyUnits.Add(new SurveyUnit { SurveyId = id, UnitId = app.Tree.CommuneA1.Id, Quota = 2 });
            return await db.SaveChangesAsync();
        });
        using var client = app.Client();
        var a1 = SurveyKit.Answers(app.Tree.CommuneA1.Id);
        using (var over = await SurveyKit.SubmitAsync(client, id, SurveyKit.Batch(SurveyKit.Key(), a1, a1, a1)))
        {
            Assert.Equal(HttpStatusCode.Conflict, over.StatusCode);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyResponses.CountAsync()));
        for (var i = 0; i < 2; i++)
        {
            using var ok = await SurveyKit.SubmitAsync(client, id, SurveyKit.Batch(SurveyKit.Key(), a1));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var full = await SurveyKit.SubmitAsync(client, id, SurveyKit.Batch(SurveyKit.Key(), a1));
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        var detail = (await SurveyKit.JsonAsync(full)).GetProperty("detail").GetString()!;
        Assert.Contains("Phường Hoà Khánh", detail, StringComparison.Ordinal);
        Assert.Contains("quota", detail, StringComparison.Ordinal);
        using var other = await SurveyKit.SubmitAsync(client, id, SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA2.Id)));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.UnitId == app.Tree.CommuneA1.Id)));
    }
}
