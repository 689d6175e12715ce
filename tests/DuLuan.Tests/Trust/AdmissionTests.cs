using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.Json;
using DuLuan.Data;
using DuLuan.Features.Concerns.Open311;
using DuLuan.Features.Surveys;
using DuLuan.Infrastructure;
using DuLuan.Tests.Cases;
using DuLuan.Tests.Infrastructure;
using DuLuan.Tests.Surveys;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DuLuan.Tests.Trust;

/// <summary>
/// Admission control on the public writes: with one turn and no queue, a survey response held inside its database
/// write (the test holds the write lock) takes the only turn; every other public write is refused at once with 429,
/// Retry-After and a bilingual answer in the endpoint's own format, and nothing is stored for it. Malformed input is
/// still refused with 400 (it is checked before admission). After the lock is released everything is accepted.
/// </summary>
public sealed class AdmissionTests
{
    private const string Busy = "Hệ thống đang";

    [Theory, Providers]
    public async Task When_every_turn_is_taken_public_writes_get_429_with_retry_after_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["RateLimits:PublicWritesInFlight"] = "1",
            ["RateLimits:PublicWritesQueue"] = "0",
            ["Concerns:MinimumFillSeconds"] = "0",
        });
        var admission = app.App.Services.GetRequiredService<PublicWriteAdmission>();
        Assert.Equal(1, admission.Available);
        var surveyId = await SurveyKit.PublishedAsync(app);
        var apiKey = (await app.WithScopeAsync(s => s.GetRequiredService<ApiKeys>().CreateAsync("Ứng dụng thử"))).Key;
        using var client = app.Client();
        var form = await Portal.OpenAsync(client, app.Tree.CommuneA1.Id);
        var open311 = new Dictionary<string, string>
        {
            ["api_key"] = apiKey,
            ["jurisdiction_id"] = app.Tree.CommuneA1.Code!,
            ["service_code"] = GeoReportRequests.ServiceCode,
            ["description"] = "Cống thoát nước đường Âu Cơ bị tắc, nước tràn lên mặt đường mỗi khi mưa.",
        };

        var firstKey = SurveyKit.Key();
        var secondKey = SurveyKit.Key();
        Task<HttpResponseMessage> first;
        await using (var holder = await HoldSurveyWritesAsync(app, provider))
        {
            first = SurveyKit.SubmitAsync(client, surveyId, SurveyKit.Batch(firstKey, SurveyKit.Answers(app.Tree.CommuneA1.Id)));
            // The first submission has its turn once the only permit is gone; it cannot finish while the lock is held.
            for (var waited = 0; admission.Available > 0 && waited < 600; waited++)
            {
                await Task.Delay(100);
            }

            Assert.Equal(0, admission.Available);
            Assert.False(first.IsCompleted);

            using (var refused = await SurveyKit.SubmitAsync(client, surveyId, SurveyKit.Batch(secondKey, SurveyKit.Answers(app.Tree.CommuneA1.Id))))
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
                Assert.Equal(TimeSpan.FromSeconds(PublicWriteAdmission.RetryAfterSeconds), refused.Headers.RetryAfter?.Delta);
                Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
                var problem = await SurveyKit.JsonAsync(refused);
                Assert.Equal(429, problem.GetProperty("status").GetInt32());
                Assert.Contains(Busy, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
                Assert.Contains("not stored", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }

            // The resident's form comes back with what they typed and the reason, still in the site's page.
            using (var refused = await Portal.PostAsync(client, app.Tree.CommuneA1.Id, form, "Đèn đường hỏng", "Đèn đường trước chợ Hòa Khánh đã hỏng ba tuần nay."))
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
                Assert.NotNull(refused.Headers.RetryAfter);
                var html = await refused.Content.ReadAsStringAsync();
                Assert.Contains("Hệ thống đang nhận quá nhiều ý kiến", html, StringComparison.Ordinal);
                Assert.Contains("Đèn đường trước chợ Hòa Khánh đã hỏng ba tuần nay.", html, StringComparison.Ordinal);
            }

            using (var refused = await client.Http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(open311)))
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
                Assert.NotNull(refused.Headers.RetryAfter);
                var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Single();
                Assert.Equal(429, error.GetProperty("code").GetInt32());
                Assert.Contains(Busy, error.GetProperty("description").GetString(), StringComparison.Ordinal);
            }

            // Hostile input is checked before admission: still its own 400, never a 429.
            using (var malformed = await client.Http.PostAsync($"/api/public/surveys/{surveyId}/responses", new StringContent("{\"idempotencyKey\": [", Encoding.UTF8, "application/json")))
            {
                Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            }

            using (var badForm = await Portal.PostAsync(client, app.Tree.CommuneA1.Id, form, "<b>", "<script>alert(1)</script>"))
            {
                Assert.Equal(HttpStatusCode.OK, badForm.StatusCode);
                Assert.DoesNotContain("Hệ thống đang nhận quá nhiều ý kiến", await badForm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            using (var badPost = await client.Http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>(open311) { ["lat"] = "91", ["long"] = "108" })))
            {
                Assert.Equal(HttpStatusCode.BadRequest, badPost.StatusCode);
            }

            Assert.False(first.IsCompleted);
        }

        using (var accepted = await first)
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        Assert.Equal(1, admission.Available);
        Assert.Equal([ResponseIntake.KeyHash(surveyId, firstKey)], await app.WithDbAsync(db => db.SurveyBatches.Select(b => b.Key).ToListAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyResponses.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Concerns.CountAsync()));

        // Once the turn is free, the same writes are accepted.
        using (var again = await SurveyKit.SubmitAsync(client, surveyId, SurveyKit.Batch(secondKey, SurveyKit.Answers(app.Tree.CommuneA1.Id))))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        using (var sent = await Portal.PostAsync(client, app.Tree.CommuneA1.Id, await Portal.OpenAsync(client, app.Tree.CommuneA1.Id), "Đèn đường hỏng", "Đèn đường trước chợ Hòa Khánh đã hỏng ba tuần nay."))
        {
            // Accepted: the receipt with the follow-up code is rendered in the answer (no redirect carries the code).
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            Assert.Contains("id=\"follow-up-code\"", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var posted = await client.Http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(open311)))
        {
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }

        Assert.Equal(2, await app.WithDbAsync(db => db.SurveyBatches.CountAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.Concerns.CountAsync()));
    }

    [Theory, Providers]
    public async Task A_queued_write_that_waits_longer_than_the_bound_gets_429_and_is_not_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["RateLimits:PublicWritesInFlight"] = "1",
            ["RateLimits:PublicWritesQueue"] = "1",
            ["RateLimits:PublicWritesWaitMilliseconds"] = "200",
        });
        var admission = app.App.Services.GetRequiredService<PublicWriteAdmission>();
        var surveyId = await SurveyKit.PublishedAsync(app);
        using var client = app.Client();
        Task<HttpResponseMessage> first;
        await using (await HoldSurveyWritesAsync(app, provider))
        {
            first = SurveyKit.SubmitAsync(client, surveyId, SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA1.Id)));
            for (var waited = 0; admission.Available > 0 && waited < 600; waited++)
            {
                await Task.Delay(100);
            }

            // The turn is held until the lock goes: the queued write gives up after its wait bound.
            var key = SurveyKit.Key();
            using (var waitedOut = await SurveyKit.SubmitAsync(client, surveyId, SurveyKit.Batch(key, SurveyKit.Answers(app.Tree.CommuneA1.Id))))
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, waitedOut.StatusCode);
                Assert.NotNull(waitedOut.Headers.RetryAfter);
            }

            Assert.False(first.IsCompleted);
        }

        // The write that held the turn is stored once the lock goes; the one that gave up is not.
        using (var accepted = await first)
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyBatches.CountAsync()));
    }

    /// <summary>Takes the database's write lock on survey batches (all writes on SQLite) until disposed.</summary>
    private static async Task<WriteLock> HoldSurveyWritesAsync(TestApp app, DatabaseProvider provider)
    {
        DbConnection connection = provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(app.DatabaseOptions.ResolveConnectionString())
            : new NpgsqlConnection(app.DatabaseOptions.ResolveConnectionString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProvider.Sqlite
            ? "BEGIN IMMEDIATE;"
            : "BEGIN; LOCK TABLE survey_batches IN EXCLUSIVE MODE;";
        await command.ExecuteNonQueryAsync();
        return new WriteLock(connection);
    }

    private sealed class WriteLock(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "ROLLBACK;";
                await command.ExecuteNonQueryAsync();
            }

            await connection.DisposeAsync();
        }
    }
}
