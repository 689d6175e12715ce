using System.Net;
using System.Text.Json;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Surveys;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Surveys;

/// <summary>
/// The rebuild of kept totals as a background job (marks, weighting questions): the POST returns at once, the results
/// read the rows meanwhile, responses posted while it runs end counted exactly once, a dead instance's rebuild resumes,
/// and only editors of the survey start it or read its progress.
/// </summary>
public sealed class RebuildJobTests
{
    private static readonly string[] Marked = ["q_score", "q_use"];

    /// <summary>Waits until the job has no rebuild left for the survey (the test app runs it every 2 s).</summary>
    internal static async Task DoneAsync(TestApp app, long id)
    {
        for (var i = 0; i < 600 && await app.WithDbAsync(db => db.SurveyRebuilds.AnyAsync(r => r.SurveyId == id)); i++)
        {
            await Task.Delay(200);
        }

        Assert.False(await app.WithDbAsync(db => db.SurveyRebuilds.AnyAsync(r => r.SurveyId == id)), "the rebuild job finished");
    }

    private sealed class Later(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + ahead;
    }

    private static Task<int> ChunksAsync(TestApp app, string instance, int maxChunks, TimeProvider? clock = null)
        => app.WithDbAsync(db => SurveyRebuilds.RunAsync(db, clock ?? TimeProvider.System, instance, TimeSpan.FromMinutes(5), CancellationToken.None, chunkSize: 7, maxChunks: maxChunks));

    private static async Task<JsonElement> ReportAsync(TestApp app, long id, ResultsQuery query, bool rowByRow)
        => await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var survey = await db.Surveys.AsNoTracking().FirstAsync(s => s.Id == id);
            var json = await db.SurveyVersions.Where(v => v.SurveyId == id).Select(v => v.DefinitionJson).FirstAsync();
            var report = await new SurveyResults(db) { RowByRow = rowByRow }.BuildAsync(survey, SurveyDefinition.Parse(json, out _)!, "vi", CancellationToken.None, query);
            return JsonSerializer.SerializeToElement(report);
        });

    private static readonly ResultsQuery[] Views = [new(By: "q_use"), new(By: "q_score"), new(Question: "q_use", Option: "yes"), new(Question: "q_score", Option: "4"), new()];

    private static async Task SameAsOracleAsync(TestApp app, long id, string when)
    {
        foreach (var view in Views)
        {
            CrossTallyTests.Same(await ReportAsync(app, id, view, rowByRow: true), await ReportAsync(app, id, view, rowByRow: false), $"{when} {view}");
        }
    }

    private static async Task<(long Id, TestClient Staff)> MarkedAsync(TestApp app, int seed)
    {
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        var id = await SurveyKit.PublishedAsync(app);
        await TallyTests.SubmitRandomAsync(app, id, seed: seed, batches: 5, perBatch: 9);
        await app.WithDbAsync(async db =>
        {
            db.SurveyUnits.Add(new SurveyUnit { SurveyId = id, UnitId = app.Tree.CommuneA1.Id, Population = 12_345 });
            db.SurveyUnits.Add(new SurveyUnit { SurveyId = id, UnitId = app.Tree.CommuneA2.Id, Population = 31_000 });
            return await db.SaveChangesAsync();
        });
        var staff = app.Client();
        await staff.SignInOkAsync("editor@48.vn");
        var fields = new Dictionary<string, string> { ["Id"] = SurveyKit.Id(id), ["cross[0]"] = Marked[0], ["cross[1]"] = Marked[1] };
        using var marked = await staff.PostFormAsync($"/Surveys/Details?id={id}", fields, $"/Surveys/Details?handler=Cross&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        return (id, staff);
    }

    /// <summary>The totals a full rebuild from the rows gives, against what the job and the intake kept.</summary>
    private static async Task KeptEqualsFullRebuildAsync(TestApp app, long id)
    {
        static async Task<List<(string, int, long, string, string, string, long)>> Kept(AppDbContext db, long id)
            => (await db.SurveyCrossTallies.AsNoTracking().Where(t => t.SurveyId == id).ToListAsync())
                .Select(t => (t.ByQuestion, t.Version, t.UnitId, t.ByOption, t.QuestionKey, t.OptionKey, t.Count)).Order().ToList();
        var kept = await app.WithDbAsync(db => Kept(db, id));
        Assert.NotEmpty(kept);
        var rebuilt = await app.WithDbAsync(async db =>
        {
            var json = await db.SurveyVersions.Where(v => v.SurveyId == id).Select(v => v.DefinitionJson).FirstAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await SurveyCrossTallies.MarkAsync(db, id, SurveyDefinition.Parse(json, out _)!, Marked, CancellationToken.None);
            await transaction.CommitAsync();
            return await Kept(db, id);
        });
        Assert.Equal(rebuilt, kept);
    }

    [Theory, Providers]
    public async Task Responses_posted_while_the_rebuild_runs_are_counted_exactly_once(DatabaseProvider provider)
    {
        // The job is off: the test runs its chunks (7 responses each) itself, interleaved and concurrently with submissions.
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Surveys:RebuildSeconds"] = "0" });
        var (id, staff) = await MarkedAsync(app, seed: 61);
        using var _ = staff;
        Assert.True(await app.WithDbAsync(db => db.SurveyRebuilds.AnyAsync(r => r.SurveyId == id && r.Kind == SurveyRebuilds.Cross)), "the POST left the rebuild to the job");
        Assert.Empty(await app.WithDbAsync(db => db.SurveyCrossTallies.Where(t => t.SurveyId == id).ToListAsync()));
        await SameAsOracleAsync(app, id, "before the first chunk");

        for (var round = 0; round < 3; round++)
        {
            await ChunksAsync(app, "test", maxChunks: 1);
            await TallyTests.SubmitRandomAsync(app, id, seed: 70 + round, batches: 2, perBatch: 5);
            await SameAsOracleAsync(app, id, $"during the rebuild, round {round}");
        }

        // Chunks and submissions at the same time, until the job is done.
        var submitting = TallyTests.SubmitRandomAsync(app, id, seed: 80, batches: 12, perBatch: 4);
        while (await ChunksAsync(app, "test", maxChunks: 2) > 0 || !submitting.IsCompleted)
        {
            await Task.Yield();
        }

        await submitting;
        Assert.False(await app.WithDbAsync(db => db.SurveyRebuilds.AnyAsync(r => r.SurveyId == id)));
        await TallyTests.SubmitRandomAsync(app, id, seed: 90, batches: 2, perBatch: 5);
        await SameAsOracleAsync(app, id, "after the rebuild");
        await KeptEqualsFullRebuildAsync(app, id);
    }

    [Theory, Providers]
    public async Task A_rebuild_left_by_a_dead_instance_resumes_at_its_cursor_once_the_lease_runs_out(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Surveys:RebuildSeconds"] = "0" });
        var (id, staff) = await MarkedAsync(app, seed: 67);
        using var _ = staff;
        // An instance counts two chunks and dies holding the lease (its claim is renewed by each chunk, never released).
        var claimed = await app.WithDbAsync(db => DuLuan.Infrastructure.Jobs.Leases.ClaimAsync(db.SurveyRebuilds, SurveyRebuild.Lease, r => true, r => r.Id, 1, DateTime.UtcNow, SurveyRebuilds.LeaseTime, "dead", CancellationToken.None));
        Assert.Single(claimed);
        Assert.True(await app.WithDbAsync(db => SurveyRebuilds.ChunkAsync(db, claimed[0], "dead", DateTime.UtcNow, 7, CancellationToken.None)));
        Assert.True(await app.WithDbAsync(db => SurveyRebuilds.ChunkAsync(db, claimed[0], "dead", DateTime.UtcNow, 7, CancellationToken.None)));
        Assert.Equal(14, await app.WithDbAsync(db => db.SurveyRebuilds.Where(r => r.Id == claimed[0]).Select(r => r.Done).FirstAsync()));
        await TallyTests.SubmitRandomAsync(app, id, seed: 68, batches: 2, perBatch: 5);

        // While the lease lives, another instance leaves it alone; after, it resumes at the cursor and finishes.
        Assert.Equal(0, await ChunksAsync(app, "next", maxChunks: 100));
        Assert.True(await ChunksAsync(app, "next", maxChunks: 100, clock: new Later(TimeSpan.FromMinutes(1))) > 0);
        Assert.False(await app.WithDbAsync(db => db.SurveyRebuilds.AnyAsync(r => r.SurveyId == id)));
        // The dead instance's lease is gone: it cannot count a chunk twice.
        Assert.False(await app.WithDbAsync(db => SurveyRebuilds.ChunkAsync(db, claimed[0], "dead", DateTime.UtcNow, 7, CancellationToken.None)));
        await SameAsOracleAsync(app, id, "after the resumed rebuild");
        await KeptEqualsFullRebuildAsync(app, id);
    }

    private static Task<List<long>> ClaimAsync(TestApp app, string instance)
        => app.WithDbAsync(db => DuLuan.Infrastructure.Jobs.Leases.ClaimAsync(db.SurveyRebuilds, SurveyRebuild.Lease, r => true, r => r.Id, 1, DateTime.UtcNow, SurveyRebuilds.LeaseTime, instance, CancellationToken.None));

    /// <summary>One chunk of <paramref name="rebuildId"/>, with <paramref name="meanwhile"/> run after it was read and before its locked step.</summary>
    private static async Task<bool> ChunkWithAsync(TestApp app, long rebuildId, string instance, Func<Task> meanwhile)
    {
        SurveyRebuilds.AfterReadForTests.Value = meanwhile;
        try
        {
            return await app.WithDbAsync(db => SurveyRebuilds.ChunkAsync(db, rebuildId, instance, DateTime.UtcNow, 7, CancellationToken.None));
        }
        finally
        {
            SurveyRebuilds.AfterReadForTests.Value = null;
        }
    }

    [Theory, Providers]
    public async Task Responses_stored_while_a_chunk_is_read_and_a_second_change_during_the_rebuild_are_counted_exactly_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Surveys:RebuildSeconds"] = "0" });
        var (id, staff) = await MarkedAsync(app, seed: 73);
        using var _ = staff;
        var claimed = Assert.Single(await ClaimAsync(app, "test"));
        // Responses arrive between the chunk's read (no lock) and its locked step: some fall in its range (random ids),
        // which the intake leaves to the job, so the step sums the range again under the lock.
        Assert.True(await ChunkWithAsync(app, claimed, "test", () => TallyTests.SubmitRandomAsync(app, id, seed: 74, batches: 3, perBatch: 5)));
        await SameAsOracleAsync(app, id, "after a chunk read while responses arrived");
        Assert.True(await ChunkWithAsync(app, claimed, "test", () => TallyTests.SubmitRandomAsync(app, id, seed: 75, batches: 3, perBatch: 5)));
        await SameAsOracleAsync(app, id, "after a second such chunk");

        // The office marks the questions again while a chunk is read: the totals are emptied and the rebuild starts over
        // (a new row); the chunk read before the change is dropped, not added.
        async Task MarkAgainAsync()
        {
            var fields = new Dictionary<string, string> { ["Id"] = SurveyKit.Id(id), ["cross[0]"] = Marked[1], ["cross[1]"] = Marked[0] };
            using var marked = await staff.PostFormAsync($"/Surveys/Details?id={id}", fields, $"/Surveys/Details?handler=Cross&id={id}");
            Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        }

        Assert.False(await ChunkWithAsync(app, claimed, "test", MarkAgainAsync));
        Assert.Empty(await app.WithDbAsync(db => db.SurveyCrossTallies.Where(t => t.SurveyId == id).ToListAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyRebuilds.Where(r => r.SurveyId == id).Select(r => r.Done).SingleAsync()));
        await SameAsOracleAsync(app, id, "after the second change");

        // The last chunk runs to the end: responses stored while it is read are counted in its locked step.
        var second = Assert.Single(await ClaimAsync(app, "test"));
        while (await ChunkWithAsync(app, second, "test", () => TallyTests.SubmitRandomAsync(app, id, seed: 76, batches: 1, perBatch: 3)))
        {
        }

        Assert.False(await app.WithDbAsync(db => db.SurveyRebuilds.AnyAsync(r => r.SurveyId == id)));
        await SameAsOracleAsync(app, id, "after the rebuild");
        await KeptEqualsFullRebuildAsync(app, id);
    }

    [Theory, Providers]
    public async Task An_instance_that_dies_between_a_chunk_s_read_and_its_locked_step_adds_nothing_and_another_finishes(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Surveys:RebuildSeconds"] = "0" });
        var (id, staff) = await MarkedAsync(app, seed: 79);
        using var _ = staff;
        var claimed = Assert.Single(await ClaimAsync(app, "dead"));
        Assert.True(await app.WithDbAsync(db => SurveyRebuilds.ChunkAsync(db, claimed, "dead", DateTime.UtcNow, 7, CancellationToken.None)));
        var kept = await app.WithDbAsync(db => db.SurveyCrossTallies.Where(t => t.SurveyId == id).SumAsync(t => t.Count));
        await Assert.ThrowsAsync<OperationCanceledException>(() => ChunkWithAsync(app, claimed, "dead", () => throw new OperationCanceledException("the instance stops")));
        Assert.Equal(kept, await app.WithDbAsync(db => db.SurveyCrossTallies.Where(t => t.SurveyId == id).SumAsync(t => t.Count)));
        Assert.Equal(7, await app.WithDbAsync(db => db.SurveyRebuilds.Where(r => r.Id == claimed).Select(r => r.Done).FirstAsync()));
        await TallyTests.SubmitRandomAsync(app, id, seed: 81, batches: 2, perBatch: 5);

        // After the lease runs out, another instance (a restarted one) resumes at the cursor and finishes.
        Assert.True(await ChunksAsync(app, "restarted", maxChunks: 100, clock: new Later(TimeSpan.FromMinutes(1))) > 0);
        Assert.False(await app.WithDbAsync(db => db.SurveyRebuilds.AnyAsync(r => r.SurveyId == id)));
        await SameAsOracleAsync(app, id, "after the restarted rebuild");
        await KeptEqualsFullRebuildAsync(app, id);
    }

    [Theory, Providers]
    public async Task Only_editors_of_the_survey_read_the_progress_and_the_pages_show_a_progress_bar(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Surveys:RebuildSeconds"] = "0" });
        await app.AddMemberAsync("viewer@48.vn", app.Tree.ProvinceA, Role.Viewer);
        await app.AddMemberAsync("other@49.vn", app.Tree.ProvinceB, Role.Editor);
        var (id, staff) = await MarkedAsync(app, seed: 71);
        using var _ = staff;

        using var status = await staff.GetAsync($"/api/surveys/{id}/rebuild");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var json = JsonDocument.Parse(await status.Content.ReadAsStringAsync()).RootElement;
        Assert.True(json.GetProperty("rebuilding").GetBoolean());
        Assert.Equal(0, json.GetProperty("done").GetInt64());
        Assert.Equal(45, json.GetProperty("total").GetInt64());
        Assert.Contains("0 / 45", json.GetProperty("text").GetString(), StringComparison.Ordinal);
        foreach (var page in new[] { "Details", "Results", "Weights" })
        {
            var html = await staff.GetStringAsync($"/Surveys/{page}?id={id}");
            Assert.Contains("<progress id=\"rebuild-progress\" max=\"45\" value=\"0\">0%</progress>", html, StringComparison.Ordinal);
            Assert.Contains($"data-status=\"/api/surveys/{id}/rebuild\"", html, StringComparison.Ordinal);
        }

        // A viewer sees that the figures come from the rows, without the progress; the endpoint does not exist for them.
        using var viewer = app.Client();
        await viewer.SignInOkAsync("viewer@48.vn");
        var results = await viewer.GetStringAsync($"/Surveys/Results?id={id}");
        Assert.Contains("id=\"rebuild\"", results, StringComparison.Ordinal);
        Assert.DoesNotContain("<progress", results, StringComparison.Ordinal);
        using (var denied = await viewer.GetAsync($"/api/surveys/{id}/rebuild"))
        {
            Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        }

        using var other = app.Client();
        await other.SignInOkAsync("other@49.vn");
        using (var denied = await other.GetAsync($"/api/surveys/{id}/rebuild"))
        {
            Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        }

        using var anonymous = app.Client();
        using (var denied = await anonymous.GetAsync($"/api/surveys/{id}/rebuild"))
        {
            Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
            Assert.DoesNotContain("rebuilding", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Hostile ids: never a 500, never another survey's status.
        foreach (var path in new[] { "abc", "-1", "0", "99999999999999999999", "1%27%20OR%201%3D1--", $"{id}%00", "..%2F..%2Fhealth" })
        {
            using var hostile = await staff.GetAsync($"/api/surveys/{path}/rebuild");
            Assert.True(hostile.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path}: {hostile.StatusCode}");
        }

        // A viewer cannot start a rebuild either.
        using var start = await viewer.PostFormAsync($"/Surveys/Details?id={id}", new Dictionary<string, string> { ["Id"] = SurveyKit.Id(id), ["cross[0]"] = "q_use" }, $"/Surveys/Details?handler=Cross&id={id}");
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);

        await ChunksAsync(app, "test", maxChunks: 100);
        using var finished = await staff.GetAsync($"/api/surveys/{id}/rebuild");
        Assert.False(JsonDocument.Parse(await finished.Content.ReadAsStringAsync()).RootElement.GetProperty("rebuilding").GetBoolean());
        Assert.DoesNotContain("id=\"rebuild\"", await staff.GetStringAsync($"/Surveys/Details?id={id}"), StringComparison.Ordinal);
    }
}
