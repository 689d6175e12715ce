using System.Net;
using DuLuan.Data;
using DuLuan.Features.Claims;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Monitoring;
using DuLuan.Infrastructure.Observers;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Tests.Claims.ClaimsFixture;

namespace DuLuan.Tests.Claims;

/// <summary>The same false story recognised the second time: from ingest and from concern intake, folded, confirmed or dismissed.</summary>
public sealed class ClaimMatchingTests
{
    /// <summary>The rumour again, written without diacritics in the title and with the new tone placement ("hòa") in the text.</summary>
    private const string RewriteTitle = "Tin nong: phuong Hoa Khanh se cat dien toan bo nam ngay lien tiep";
    private const string RewriteText = "Nhiều người chia sẻ rằng phường Hòa Khánh sẽ cắt điện toàn bộ trong năm ngày liên tiếp từ thứ Hai tới, mọi người nên chuẩn bị.";

    [Theory, Providers]
    public async Task A_new_story_repeating_a_claim_is_suggested_on_both_pages_and_confirming_links_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await EditorAsync(app, app.Tree.ProvinceA);
        var feed = await AddFeedAsync(app, app.Tree.CommuneA1.Id, "Trang tin A");
        var claimId = await CreateAsync(client, app.Tree.ProvinceA.Id, Rumour);
        var unrelated = await IngestAsync(app, feed, "u1", "Khánh thành cầu đi bộ", "Cây cầu đi bộ mới nối hai bờ sông Hàn chính thức đưa vào sử dụng sáng nay.");
        var storyId = await IngestAsync(app, feed, "r1", RewriteTitle, RewriteText);

        var match = Assert.Single(await app.WithDbAsync(db => db.ClaimMatches.ToListAsync()));
        Assert.Equal((claimId, MatchKind.Story, storyId, MatchStatus.Pending), (match.ClaimId, match.Kind, match.TargetId, match.Status));
        Assert.NotEqual(unrelated, storyId);

        var storyPage = await client.GetStringAsync($"/Monitoring/Story/{S(storyId)}");
        Assert.Contains("Có thể là tin đã kiểm chứng", storyPage, StringComparison.Ordinal);
        Assert.Contains($"/Claims/Details?id={S(claimId)}", storyPage, StringComparison.Ordinal);
        Assert.Contains("#" + S(storyId), await client.GetStringAsync($"/Claims/Details?id={S(claimId)}"), StringComparison.Ordinal);

        using (var confirm = await client.PostFormAsync($"/Monitoring/Story/{S(storyId)}", new Dictionary<string, string>
        {
            ["id"] = S(claimId),
            ["matchId"] = S(match.Id),
            ["confirm"] = "true",
            ["returnUrl"] = $"/Monitoring/Story/{S(storyId)}",
        }, "/Claims/Details?handler=Decide"))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
            Assert.Equal($"/Monitoring/Story/{S(storyId)}", confirm.Headers.Location?.ToString());
        }

        var link = Assert.Single(await app.WithDbAsync(db => db.ClaimLinks.ToListAsync()));
        Assert.Equal((ClaimLinkKind.Story, (long?)storyId), (link.Kind, link.TargetId));
        Assert.Equal("Trang tin A", link.Outlet);
        Assert.Contains("Đã gắn với tin cần kiểm chứng", await client.GetStringAsync($"/Monitoring/Story/{S(storyId)}"), StringComparison.Ordinal);
        // The spread chart now has data from the linked story's article.
        Assert.Contains("data-spread=", await client.GetStringAsync($"/Claims/Details?id={S(claimId)}"), StringComparison.Ordinal);

        // A later rewrite joining the same story is not suggested again.
        await IngestAsync(app, feed, "r2", RewriteTitle, RewriteText + " Tin được chia sẻ lại.");
        Assert.Single(await app.WithDbAsync(db => db.ClaimMatches.ToListAsync()));
        Assert.Contains(ClaimEditor.Actions.MatchConfirmed, await app.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()));
    }

    [Theory, Providers]
    public async Task A_concern_repeating_a_claim_is_suggested_and_a_dismissal_sticks(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await EditorAsync(app, app.Tree.ProvinceA);
        using var stranger = await EditorAsync(app, app.Tree.ProvinceB, "khac@claims.vn");
        var claimId = await CreateAsync(client, app.Tree.ProvinceA.Id, Rumour);
        var archived = await CreateAsync(client, app.Tree.ProvinceA.Id, "Phường Hoà Khánh sẽ cắt điện toàn bộ trong năm ngày liên tiếp (tin cũ)");
        using (var archive = await EditAsync(app, client, archived, string.Empty, string.Empty, status: "Archived"))
        {
            Assert.Equal(HttpStatusCode.Redirect, archive.StatusCode);
        }

        var concern = await app.WithScopeAsync(s => s.GetRequiredService<ConcernIntake>().SubmitAsync(
            new ConcernDraft(app.Tree.CommuneA1.Id, "Hỏi về tin cắt điện", "PHƯỜNG HOÀ KHÁNH SẼ CẮT ĐIỆN TOÀN BỘ TRONG NĂM NGÀY LIÊN TIẾP từ thứ hai tới có đúng không?", new Contact(null, null), ConcernSource.Portal)));
        var match = Assert.Single(await app.WithDbAsync(db => db.ClaimMatches.ToListAsync()));
        Assert.Equal((claimId, MatchKind.Concern, concern.ConcernId), (match.ClaimId, match.Kind, match.TargetId));

        var page = await client.GetStringAsync($"/Concerns/Details?id={S(concern.ConcernId)}");
        Assert.Contains("Có thể là tin đã kiểm chứng", page, StringComparison.Ordinal);
        using (var forged = await stranger.PostFormAsync("/Claims/Create", new Dictionary<string, string> { ["id"] = S(claimId), ["matchId"] = S(match.Id), ["confirm"] = "false" }, "/Claims/Details?handler=Decide"))
        {
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }

        using (var offsite = await client.PostFormAsync("/Claims", new Dictionary<string, string> { ["id"] = S(claimId), ["matchId"] = S(match.Id), ["confirm"] = "false", ["returnUrl"] = "https://evil.example/" }, "/Claims/Details?handler=Decide"))
        {
            Assert.Equal(HttpStatusCode.Redirect, offsite.StatusCode);
            Assert.Equal($"/Claims/Details?id={S(claimId)}", offsite.Headers.Location?.ToString());
        }

        Assert.Equal(MatchStatus.Dismissed, await app.WithDbAsync(db => db.ClaimMatches.Select(m => m.Status).SingleAsync()));
        Assert.DoesNotContain("Có thể là tin đã kiểm chứng", await client.GetStringAsync($"/Concerns/Details?id={S(concern.ConcernId)}"), StringComparison.Ordinal);
        Assert.Empty(await app.WithDbAsync(db => db.ClaimLinks.ToListAsync()));
    }

    [Theory, Providers]
    public async Task Ingest_tells_observers_which_stories_changed_after_commit(DatabaseProvider provider)
    {
        var seen = new RecordingObserver();
        await using var app = await TestApp.StartAsync(provider, configure: b => b.Services.AddSingleton<IStoryObserver>(seen));
        var feed = await AddFeedAsync(app, app.Tree.ProvinceA.Id, "Trang tin A");
        var first = await IngestAsync(app, feed, "a1", "Tin một", "Mưa lớn gây ngập sâu nhiều tuyến đường ở Hòa Khánh, người dân dắt xe qua điểm ngập.");
        var again = await IngestAsync(app, feed, "a2", "Tin một (đăng lại)", "Mưa lớn gây ngập sâu nhiều tuyến đường ở Hòa Khánh, người dân dắt xe qua điểm ngập.");
        await IngestAsync(app, feed, "a1", "Tin một", "Trùng khoá, không lưu lại.");

        Assert.Equal(first, again);
        Assert.Equal(2, seen.Calls.Count);
        Assert.All(seen.Calls, c => Assert.Equal(app.Tree.ProvinceA.Id, c.UnitId));
        Assert.Equal([first, first], seen.Calls.Select(c => Assert.Single(c.Articles).StoryId));
        Assert.True(seen.StoredWhenCalled);
    }

    private sealed class RecordingObserver : IStoryObserver
    {
        public List<(long UnitId, IReadOnlyList<StoredArticle> Articles)> Calls { get; } = [];

        public bool StoredWhenCalled { get; private set; } = true;

        public Task StoriesChangedAsync(long unitId, IReadOnlyList<StoredArticle> articles, CancellationToken ct)
        {
            Calls.Add((unitId, articles));
            StoredWhenCalled &= articles.All(a => a.ArticleId > 0 && a.StoryId > 0);
            return Task.CompletedTask;
        }
    }
}
