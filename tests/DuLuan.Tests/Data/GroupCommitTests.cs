using System.Net;
using System.Text;
using DuLuan.Data;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Concerns.Open311;
using DuLuan.Features.Surveys;
using DuLuan.Tests.Infrastructure;
using DuLuan.Tests.Surveys;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Data;

/// <summary>
/// The group commit of public writes (<see cref="GroupCommit"/>). Each test holds the writer busy with a write that
/// waits on a gate, lets the public writes queue up behind it over HTTP, then opens the gate: the queued writes are
/// then committed together, which the writer's counters show, without any timing in the test.
/// </summary>
public sealed class GroupCommitTests
{
    [Theory, Providers]
    public async Task Concurrent_survey_answers_concerns_and_Open311_posts_are_all_acknowledged_and_stored_in_one_batch(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var survey = await SurveyKit.PublishedAsync(app);
        var key = await app.WithScopeAsync(s => s.GetRequiredService<ApiKeys>().CreateAsync("Ứng dụng thử"));
        var writer = app.App.Services.GetRequiredService<GroupCommit>();
        using var client = app.Client();
        Task<HttpResponseMessage> Post(int i) => client.Http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key.Key,
            ["jurisdiction_id"] = "20200",
            ["service_code"] = GeoReportRequests.ServiceCode,
            ["description"] = $"Đèn chiếu sáng số {i} trên đường Âu Cơ không sáng từ ba đêm nay.",
        }));
        // One post first: the province's category list is made on first use, a write of its own that would wait for the
        // held writer's lock on SQLite.
        using (var first = await Post(100))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        var before = writer.Statistics;
        using var gate = await HoldAsync(writer);
        var answers = Enumerable.Range(0, 30).Select(i => SurveyKit.SubmitAsync(client, survey, SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA1.Id, "yes", ("q_score", 1 + (i % 5)))))).ToList();
        var posts = Enumerable.Range(0, 10).Select(Post).ToList();
        await WaitForAsync(() => writer.Waiting == 40);
        gate.Open();

        foreach (var sent in answers)
        {
            using var response = await sent;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(1, (await SurveyKit.JsonAsync(response)).GetProperty("accepted").GetInt32());
        }

        foreach (var sent in posts)
        {
            using var response = await sent;
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var after = writer.Statistics;
        Assert.Equal(41, after.Writes - before.Writes); // the 40 and the write that held the writer
        Assert.True(after.Batches - before.Batches < 40, $"{after.Batches - before.Batches} commits for 41 writes");
        Assert.True(after.Largest >= 2, $"largest batch {after.Largest}");
        Assert.Equal(0, after.FailedBatches);
        Assert.Equal(30, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == survey)));
        Assert.Equal(11, await app.WithDbAsync(db => db.Concerns.CountAsync(c => c.Source == ConcernSource.Open311)));
        // The running totals moved in the same transactions: 30 responses, 6 answering each score.
        var totals = await app.WithDbAsync(db => db.SurveyTallies.Where(t => t.SurveyId == survey).ToListAsync());
        Assert.Equal(30, totals.Single(t => t.QuestionKey.Length == 0).Count);
        Assert.Equal(6, totals.Single(t => t.QuestionKey == "q_score" && t.OptionKey == "3").Count);
    }

    [Theory, Providers]
    public async Task Within_one_batch_a_repeated_key_is_a_replay_a_repeated_device_is_refused_and_a_quota_is_never_overrun(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var survey = await SurveyKit.PublishedAsync(app);
        await app.WithDbAsync(async db =>
        {
            db.SurveyUnits.Add(new SurveyUnit { SurveyId = survey, UnitId = app.Tree.CommuneA2.Id, Quota = 3 });
            return await db.SaveChangesAsync();
        });
        var writer = app.App.Services.GetRequiredService<GroupCommit>();
        using var client = app.Client();

        using var gate = await HoldAsync(writer);
        var repeated = SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA1.Id));
        const string token = "same-phone-0123456789abcdef";
        object Device() => new { idempotencyKey = SurveyKit.Key(), responses = new[] { new { version = 1, token, answers = SurveyKit.Answers(app.Tree.CommuneA1.Id) } } };
        var sent = new List<Task<HttpResponseMessage>>
        {
            SurveyKit.SubmitAsync(client, survey, repeated),
            SurveyKit.SubmitAsync(client, survey, repeated),
            SurveyKit.SubmitAsync(client, survey, Device()),
            SurveyKit.SubmitAsync(client, survey, Device()),
        };
        sent.AddRange(Enumerable.Range(0, 5).Select(_ => SurveyKit.SubmitAsync(client, survey, SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA2.Id)))));
        await WaitForAsync(() => writer.Waiting == sent.Count);
        gate.Open();
        var got = new List<(HttpStatusCode Status, string Body)>();
        foreach (var task in sent)
        {
            using var response = await task;
            got.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        var answers = got.ToArray();

        Assert.Equal(0, writer.Statistics.FailedBatches);
        // The same idempotency key twice: both acknowledged, one stored, one a replay.
        Assert.All(answers[..2], a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Single(answers[..2], a => a.Body.Contains("\"replayed\":true", StringComparison.Ordinal));
        // The same device twice: one accepted, the other refused as already answered.
        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }, answers[2..4].Select(a => a.Status).Order());
        // A quota of 3 and 5 answers for the unit in one batch: 3 accepted, 2 refused naming the unit.
        Assert.Equal(3, answers[4..].Count(a => a.Status == HttpStatusCode.OK));
        Assert.All(answers[4..].Where(a => a.Status != HttpStatusCode.OK), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.Status);
            Assert.Contains(app.Tree.CommuneA2.Name, a.Body, StringComparison.Ordinal);
        });
        Assert.Equal(3, await app.WithDbAsync(db => db.SurveyUnits.Where(u => u.SurveyId == survey).Select(u => u.Received).SingleAsync()));
        Assert.Equal(3, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.UnitId == app.Tree.CommuneA2.Id)));
        Assert.Equal(2, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.UnitId == app.Tree.CommuneA1.Id)));
    }

    [Theory, Providers]
    public async Task A_write_that_fails_in_the_database_fails_alone_and_the_rest_of_its_batch_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var writer = app.App.Services.GetRequiredService<GroupCommit>();
        using var gate = await HoldAsync(writer);
        Task<long> Concern(long unitId, int i) => writer.RunAsync(async (db, ct) =>
        {
            var concern = new Concern { UnitId = unitId, Title = $"Phản ánh {i}", Description = "Nội dung phản ánh thử", DedupKey = $"group-commit-{i}", ReceivedAt = DateTime.UtcNow };
            db.Concerns.Add(concern);
            await db.SaveChangesAsync(ct);
            return concern.Id;
        });
        // The third names a unit that does not exist: only the database can tell (a foreign key), after it was batched.
        var writes = new[] { Concern(app.Tree.CommuneA1.Id, 1), Concern(app.Tree.CommuneA1.Id, 2), Concern(987_654_321, 3), Concern(app.Tree.CommuneA2.Id, 4), Concern(app.Tree.CommuneA2.Id, 5) };
        await WaitForAsync(() => writer.Waiting == writes.Length);
        gate.Open();

        await Assert.ThrowsAsync<DbUpdateException>(() => writes[2]);
        var ids = new List<long>();
        foreach (var write in writes.Where((_, i) => i != 2))
        {
            ids.Add(await write);
        }

        Assert.Equal(1, writer.Statistics.FailedBatches);
        var stored = await app.WithDbAsync(db => db.Concerns.Where(c => c.DedupKey.StartsWith("group-commit-")).Select(c => new { c.Id, c.DedupKey }).ToListAsync());
        Assert.Equal(["group-commit-1", "group-commit-2", "group-commit-4", "group-commit-5"], stored.Select(c => c.DedupKey).Order(StringComparer.Ordinal));
        Assert.Equal(ids.Order(), stored.Select(c => c.Id).Order());
        // The monthly sums count each stored concern once: the rolled-back batch left nothing behind.
        Assert.Equal(4, await app.WithDbAsync(db => db.ReportMonthSums.Where(s => s.Measure == Features.Concerns.ConcernsReportSums.ConcernsReceived).SumAsync(s => s.Value)));
    }

    [Theory, Providers]
    public async Task Writes_of_one_kind_run_in_one_call_and_one_that_fails_in_the_database_fails_alone(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var writer = app.App.Services.GetRequiredService<GroupCommit>();
        var kind = new ConcernsAtOnce();
        using var gate = await HoldAsync(writer);
        // The third names a unit that does not exist: the foreign key fails the one save of the whole group.
        var units = new[] { app.Tree.CommuneA1.Id, app.Tree.CommuneA1.Id, 987_654_321, app.Tree.CommuneA2.Id };
        var writes = units.Select((unitId, i) => writer.RunAsync(kind, (unitId, i))).ToList();
        await WaitForAsync(() => writer.Waiting == writes.Count);
        gate.Open();

        await Assert.ThrowsAsync<DbUpdateException>(() => writes[2]);
        foreach (var write in writes.Where((_, i) => i != 2))
        {
            Assert.StartsWith("kind-", await write, StringComparison.Ordinal);
        }

        // Once for the four together (rolled back), then once for each alone.
        Assert.Equal([4, 1, 1, 1, 1], kind.Calls);
        Assert.Equal(1, writer.Statistics.FailedBatches);
        var stored = await app.WithDbAsync(db => db.Concerns.Where(c => c.DedupKey.StartsWith("kind-")).Select(c => c.DedupKey).ToListAsync());
        Assert.Equal(["kind-0", "kind-1", "kind-3"], stored.Order(StringComparer.Ordinal));
    }

    /// <summary>Stores concerns for (unit, number) items, all of a call in one save; records how many items each call got.</summary>
    private sealed class ConcernsAtOnce : IGroupWrite<(long UnitId, int Number), string>
    {
        public List<int> Calls { get; } = [];

        public async Task<IReadOnlyList<string>> WriteAsync(AppDbContext db, IReadOnlyList<(long UnitId, int Number)> items, CancellationToken ct)
        {
            lock (Calls)
            {
                Calls.Add(items.Count);
            }

            var keys = items.Select(item => $"kind-{item.Number}").ToList();
            db.Concerns.AddRange(items.Select((item, i) => new Concern { UnitId = item.UnitId, Title = $"Phản ánh {item.Number}", Description = "Nội dung phản ánh thử", DedupKey = keys[i], ReceivedAt = DateTime.UtcNow }));
            await db.SaveChangesAsync(ct);
            return keys;
        }
    }

    [Theory, Providers]
    public async Task Hostile_input_gets_its_error_at_once_while_valid_writes_wait_for_their_batch(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var survey = await SurveyKit.PublishedAsync(app);
        var writer = app.App.Services.GetRequiredService<GroupCommit>();
        using var client = app.Client();
        using var gate = await HoldAsync(writer);
        var valid = SurveyKit.SubmitAsync(client, survey, SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA1.Id)));
        await WaitForAsync(() => writer.Waiting == 1);

        // Checked before batching: answered while the writer is still held, naming the field, nothing queued.
        using (var bad = await SurveyKit.SubmitAsync(client, survey, SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA1.Id, "maybe"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True((await SurveyKit.JsonAsync(bad)).GetProperty("errors").TryGetProperty("responses[0].answers.q_use", out _));
        }

        using (var broken = await client.Http.PostAsync($"/api/public/surveys/{survey}/responses", new StringContent("{\"idempotencyKey\":", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        }

        using (var noKey = await client.Http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string> { ["api_key"] = "dl_khong-dung", ["jurisdiction_id"] = "20200", ["description"] = "Đèn đường trước chợ đã hỏng ba tuần nay." })))
        {
            Assert.Equal(HttpStatusCode.Forbidden, noKey.StatusCode);
        }

        Assert.Equal(1, writer.Waiting);
        Assert.False(valid.IsCompleted);
        gate.Open();
        using var ok = await valid;
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyResponses.CountAsync()));
    }

    [Theory, Providers]
    public async Task Stopping_the_server_answers_and_stores_every_write_already_queued(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var survey = await SurveyKit.PublishedAsync(app);
        var writer = app.App.Services.GetRequiredService<GroupCommit>();
        using var client = app.Client();
        using var gate = await HoldAsync(writer);
        var sent = Enumerable.Range(0, 20).Select(_ => SurveyKit.SubmitAsync(client, survey, SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA2.Id)))).ToList();
        await WaitForAsync(() => writer.Waiting == 20);

        var stopping = app.App.StopAsync();
        gate.Open();
        foreach (var task in sent)
        {
            using var response = await task;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await stopping;
        Assert.Equal(0, writer.Waiting);
        Assert.Equal(20, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == survey)));
        // A write handed in after the stop is still written, alone.
        var late = await writer.RunAsync(async (db, ct) =>
        {
            db.SurveyUnits.Add(new SurveyUnit { SurveyId = survey, UnitId = app.Tree.CommuneA1.Id });
            return await db.SaveChangesAsync(ct);
        });
        Assert.Equal(1, late);
    }

    [Theory, Providers]
    public async Task A_write_whose_caller_gave_up_while_it_waited_is_not_made_and_the_others_are(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var survey = await SurveyKit.PublishedAsync(app);
        var writer = app.App.Services.GetRequiredService<GroupCommit>();
        Task<int> Add(long unitId, CancellationToken abandoned) => writer.RunAsync(async (db, ct) =>
        {
            db.SurveyUnits.Add(new SurveyUnit { SurveyId = survey, UnitId = unitId });
            return await db.SaveChangesAsync(ct);
        }, abandoned);

        using var gone = new CancellationTokenSource();
        Task<int> abandoned, kept;
        using (var gate = await HoldAsync(writer))
        {
            abandoned = Add(app.Tree.CommuneA1.Id, gone.Token);
            kept = Add(app.Tree.CommuneA2.Id, CancellationToken.None);
            await WaitForAsync(() => writer.Waiting == 2);
            // The client of the first gives up (its request is aborted) while both wait for the held writer.
            await gone.CancelAsync();
            gate.Open();
            Assert.Equal(1, await kept);
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal(1, writer.Abandoned);
        Assert.Equal([app.Tree.CommuneA2.Id], await app.WithDbAsync(db => db.SurveyUnits.Where(u => u.SurveyId == survey).Select(u => u.UnitId).ToListAsync()));
    }

    /// <summary>Queues a write that holds the writer until the returned gate is opened (or disposed), and waits until it runs.</summary>
    private static async Task<Gate> HoldAsync(GroupCommit writer)
    {
        var gate = new Gate();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = writer.RunAsync(async (_, _) =>
        {
            running.TrySetResult();
            await gate.Opened;
            return 0;
        });
        await running.Task.WaitAsync(TimeSpan.FromMinutes(2));
        return gate;
    }

    /// <summary>Disposed before the app, so a failed assertion never leaves the writer held (the host's stop would wait for it).</summary>
    private sealed class Gate : IDisposable
    {
        private readonly TaskCompletionSource open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Opened => open.Task;

        public void Open() => open.TrySetResult();

        public void Dispose() => Open();
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 2400 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the writes did not reach the writer's queue within 2 minutes");
    }
}
