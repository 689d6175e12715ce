using System.Net;
using DuLuan.Data;
using DuLuan.Features.Concerns.Open311;
using DuLuan.Infrastructure;
using DuLuan.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Trust;

/// <summary>
/// What a public write does before it takes its admission turn (issue #21 item 7): only the checks that need no
/// database. Under overload an Open311 post is refused with 429 before any read (its key, place and service checks are a
/// dozen round trips that used to queue for the connection pool outside the limit), while malformed input still gets
/// its 400. The test takes the only turn itself, so nothing depends on timing. And a write admitted but left waiting
/// for the writer longer than its bound is refused with 429 rather than left to stall (the writer's clock is the test's).
/// </summary>
public sealed class AdmissionOrderTests
{
    [Theory, Providers]
    public async Task Open311_posts_read_the_database_only_inside_their_turn_and_malformed_ones_are_refused_before_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["RateLimits:PublicWritesInFlight"] = "1",
            ["RateLimits:PublicWritesQueue"] = "0",
        });
        var admission = app.App.Services.GetRequiredService<PublicWriteAdmission>();
        var apiKey = (await app.WithScopeAsync(s => s.GetRequiredService<ApiKeys>().CreateAsync("Ứng dụng thử"))).Key;
        using var client = app.Client();
        var post = new Dictionary<string, string>
        {
            ["api_key"] = apiKey,
            ["jurisdiction_id"] = app.Tree.CommuneA1.Code!,
            ["service_code"] = GeoReportRequests.ServiceCode,
            ["description"] = "Cống thoát nước đường Âu Cơ bị tắc, nước tràn lên mặt đường mỗi khi mưa.",
        };
        var unknownKey = new Dictionary<string, string>(post) { ["api_key"] = "dl_" + new string('0', 48) };
        var unknownPlace = new Dictionary<string, string>(post) { ["jurisdiction_id"] = "99999" };
        var badPoint = new Dictionary<string, string>(post) { ["lat"] = "91", ["long"] = "108" };
        var noText = new Dictionary<string, string>(post) { ["description"] = "ngắn" };

        var held = await admission.TryEnterAsync(new DefaultHttpContext());
        Assert.NotNull(held);
        Assert.Equal(0, admission.Available);
        using (held)
        {
            // A key or a place that the database would refuse is not looked up: the post gets the overload answer.
            foreach (var form in new[] { post, unknownKey, unknownPlace })
            {
                using var refused = await client.Http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(form));
                Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
                Assert.Equal(TimeSpan.FromSeconds(PublicWriteAdmission.RetryAfterSeconds), refused.Headers.RetryAfter?.Delta);
            }

            // What is wrong in the form itself is said at once, turn or no turn.
            foreach (var form in new[] { badPoint, noText })
            {
                using var malformed = await client.Http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(form));
                Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            }
        }

        Assert.Equal(1, admission.Available);
        using (var forbidden = await client.Http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(unknownKey)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using (var notFound = await client.Http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(unknownPlace)))
        {
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        }

        using (var created = await client.Http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(post)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            // The token answered is the stored concern's.
            var token = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement[0].GetProperty("token").GetString();
            Assert.Equal(token, await app.WithDbAsync(db => db.Concerns.Select(c => c.Token).SingleAsync()));
        }

        Assert.Equal(1, admission.Available);
    }

    [Theory, Providers]
    public async Task Writes_that_waited_too_long_for_the_writer_get_429_and_are_not_stored(DatabaseProvider provider)
    {
        // The writer's clock is the test's: "too long" is reached by moving it, not by waiting.
        var clock = TestClock.StartingNow();
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["PublicWrites:GroupCommitMaxWaitMilliseconds"] = "2000",
        }, clock.Install());
        var survey = await Surveys.SurveyKit.PublishedAsync(app);
        var apiKey = (await app.WithScopeAsync(s => s.GetRequiredService<ApiKeys>().CreateAsync("Ứng dụng thử"))).Key;
        var writer = app.App.Services.GetRequiredService<GroupCommit>();
        using var client = app.Client();
        var post = new Dictionary<string, string>
        {
            ["api_key"] = apiKey,
            ["jurisdiction_id"] = app.Tree.CommuneA1.Code!,
            ["service_code"] = GeoReportRequests.ServiceCode,
            ["description"] = "Cống thoát nước đường Âu Cơ bị tắc, nước tràn lên mặt đường mỗi khi mưa.",
        };
        // One post first: the province's category list is made on first use, a write of its own.
        using (var first = await client.Http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(post)))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = writer.RunAsync(async (_, _) =>
        {
            running.TrySetResult();
            await gate.Task;
            return 0;
        });
        await running.Task.WaitAsync(TimeSpan.FromMinutes(2));
        Task<HttpResponseMessage> answer, concern;
        try
        {
            answer = Surveys.SurveyKit.SubmitAsync(client, survey, Surveys.SurveyKit.Batch(Surveys.SurveyKit.Key(), Surveys.SurveyKit.Answers(app.Tree.CommuneA1.Id)));
            concern = client.Http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>(post) { ["description"] = "Đèn đường trước chợ Hòa Khánh đã hỏng ba tuần nay, rất nguy hiểm." }));
            for (var i = 0; i < 2400 && writer.Waiting < 2; i++)
            {
                await Task.Delay(50);
            }

            Assert.Equal(2, writer.Waiting);
            clock.Advance(TimeSpan.FromSeconds(3));
        }
        finally
        {
            gate.TrySetResult();
        }

        await held;
        using (var refused = await answer)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Contains("not stored", (await Surveys.SurveyKit.JsonAsync(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var refused = await concern)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
        }

        Assert.Equal(2, writer.Shed);
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyResponses.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Concerns.CountAsync()));

        // The queue is short again: the same writes are stored.
        using (var again = await Surveys.SurveyKit.SubmitAsync(client, survey, Surveys.SurveyKit.Batch(Surveys.SurveyKit.Key(), Surveys.SurveyKit.Answers(app.Tree.CommuneA1.Id))))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }
    }
}
