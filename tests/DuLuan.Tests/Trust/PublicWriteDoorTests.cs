using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using DuLuan.Data;
using DuLuan.Infrastructure;
using DuLuan.Infrastructure.Metrics;
using DuLuan.Tests.Infrastructure;
using DuLuan.Tests.Surveys;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DuLuan.Tests.Trust;

/// <summary>
/// The door of the public write APIs (issue #21 item 7): before a write's body is read, it is counted on its way to
/// admission, or refused with 429 at once when the writes on their way, waiting and in flight are already twice what the
/// adaptive limit lets in and queues. Driven by a fake clock and made-up latencies (no timing); then over real HTTP, the
/// door lets ordinary and hostile writes through to their own answers and forgets every one of them afterwards.
/// </summary>
public sealed class PublicWriteDoorTests
{
    [Fact]
    public async Task When_slow_writes_shrink_the_limit_the_door_refuses_at_once_what_admission_could_not_serve()
    {
        var clock = new FakeTimeProvider();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RateLimits:PublicWritesInFlight"] = "8",
            ["RateLimits:PublicWritesQueue"] = "64",
            ["RateLimits:PublicWritesWaitMilliseconds"] = "250",
            ["RateLimits:PublicWritesTargetMilliseconds"] = "200",
            ["RateLimits:PublicWritesMinInFlight"] = "2",
            ["PublicWrites:GroupCommit"] = "false",
        }).Build();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var writer = new GroupCommit(services.GetRequiredService<IServiceScopeFactory>(), new DatabaseOptions(), NullLogger<GroupCommit>.Instance, configuration, clock);
        using var admission = new PublicWriteAdmission(configuration, new DuLuanMetrics(services.GetRequiredService<IMeterFactory>()), writer, clock);

        // Fast machine: 2 × (8 turns + 64 queue places) on their way at once.
        var arrived = Enumerable.Range(0, 144).Select(_ => new DefaultHttpContext()).ToList();
        Assert.All(arrived, c => Assert.True(admission.TryArrive(c)));
        var turned = new DefaultHttpContext();
        Assert.False(admission.TryArrive(turned));
        Assert.Equal("2", turned.Response.Headers.RetryAfter.ToString());
        arrived.ForEach(admission.Arrived);
        arrived.ForEach(admission.Arrived); // twice is once
        Assert.Equal(0, admission.Arriving);

        // Writes that each take 2 s in flight cut the limit to its floor of 2 (queue places shrink to 16).
        for (var w = 0; w < 6; w++)
        {
            var turns = new List<System.Threading.RateLimiting.RateLimitLease>();
            for (var i = 0; i < admission.Available; i++)
            {
                turns.Add((await admission.TryEnterAsync(new DefaultHttpContext()))!);
            }

            clock.Advance(TimeSpan.FromSeconds(2));
            turns.ForEach(t => t.Dispose());
        }

        Assert.Equal(2, admission.Limit.Current);
        using var inFlight = await admission.TryEnterAsync(new DefaultHttpContext());
        Assert.NotNull(inFlight);
        var onTheirWay = Enumerable.Range(0, 2 * (2 + 16) - 1).Select(_ => new DefaultHttpContext()).ToList();
        Assert.All(onTheirWay, c => Assert.True(admission.TryArrive(c)));
        var refused = new DefaultHttpContext();
        Assert.False(admission.TryArrive(refused));
        Assert.Equal("2", refused.Response.Headers.RetryAfter.ToString());

        // One reaches its turn (it is no longer counted at the door): one more may come in.
        using var second = await admission.TryEnterAsync(onTheirWay[0]);
        Assert.NotNull(second);
        Assert.Equal(2 * (2 + 16) - 2, admission.Arriving);
        admission.Arrived(onTheirWay[0]);
        Assert.Equal(2 * (2 + 16) - 2, admission.Arriving);
        Assert.False(admission.TryArrive(new DefaultHttpContext())); // two in flight now
        onTheirWay.Skip(1).ToList().ForEach(admission.Arrived);
        Assert.True(admission.TryArrive(new DefaultHttpContext()));
    }

    [Theory, Providers]
    public async Task Ordinary_and_hostile_writes_pass_the_door_to_their_own_answers_and_none_stays_counted(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admission = app.App.Services.GetRequiredService<PublicWriteAdmission>();
        var surveyId = await SurveyKit.PublishedAsync(app);
        using var client = app.Client();
        using (var accepted = await SurveyKit.SubmitAsync(client, surveyId, SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA1.Id))))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        foreach (var (path, body, type, status) in new[]
        {
            ($"/api/public/surveys/{surveyId}/responses", "{\"idempotencyKey\": [", "application/json", HttpStatusCode.BadRequest),
            ($"/api/public/surveys/{surveyId}/responses", "<x/>", "text/xml", HttpStatusCode.UnsupportedMediaType),
            ("/api/public/surveys/999999999/responses", "{}", "application/json", (HttpStatusCode)0),
            ("/open311/v2/requests.json", "lat=91&long=108", "application/x-www-form-urlencoded", HttpStatusCode.BadRequest),
            ("/open311/v2/requests.json", "\0\0%%%", "application/x-www-form-urlencoded", (HttpStatusCode)0),
            ("/open311/v2/requests.exe", "a=b", "application/x-www-form-urlencoded", (HttpStatusCode)0),
        })
        {
            using var response = await client.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, type));
            // Each its own refusal (0: any 4xx of the endpoint's own), never the door's 429 nor a 5xx.
            Assert.True(status == 0 ? (int)response.StatusCode is >= 400 and < 500 and not 429 : response.StatusCode == status, $"{path}: {(int)response.StatusCode}");
        }

        Assert.Equal(0, admission.Arriving);
    }
}
