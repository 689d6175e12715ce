using System.Net;
using DuLuan.Data;
using DuLuan.Features.Publish;
using DuLuan.Features.Publish.Channels;
using DuLuan.Features.Publish.Metrics;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Publish;

/// <summary>Metrics pulled from the Graph API fake: current metric names only, leased, never counted twice, red on a rejected token.</summary>
public sealed class MetricsPullTests
{
    private static Task<int> PullAsync(PublishFixture f, string instance = "puller-a")
        => f.App.WithScopeAsync(s => s.GetRequiredService<MetricsPullJob>().RunOnceAsync(instance, CancellationToken.None));

    private static Task<long> PublishedPostAsync(PublishFixture f, long channelId, string externalId, DateTime publishedAt) => f.App.WithDbAsync(async db =>
    {
        var post = new Post
        {
            UnitId = f.App.Tree.CommuneA1.Id,
            Title = "Bài đã đăng " + externalId,
            BodyHtml = "<p>x</p>",
            BodyText = "x",
            Tags = "giao thông",
            Status = PostStatus.Published,
            ContentHash = "h",
            AuthorId = "a",
            LastEditorId = "a",
            PublishedAt = publishedAt,
            CreatedAt = publishedAt,
            UpdatedAt = publishedAt,
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        db.PostTargets.Add(new PostTarget { PostId = post.Id, ChannelId = channelId, Status = TargetStatus.Published, ExternalId = externalId, PublishedAt = publishedAt });
        await db.SaveChangesAsync();
        return post.Id;
    });

    private static Task<(long Views, long Reach, long Reactions, long Comments, long Shares, long Clicks)> TotalsAsync(PublishFixture f, long postId) => f.App.WithDbAsync(async db =>
    {
        var rows = await db.PostMetrics.AsNoTracking().Where(m => m.PostId == postId && m.Channel == "Facebook").ToListAsync();
        return (rows.Sum(m => m.Views), rows.Sum(m => m.Reach), rows.Sum(m => m.Reactions), rows.Sum(m => m.Comments), rows.Sum(m => m.Shares), rows.Sum(m => m.LinkClicks));
    });

    [Theory, Providers]
    public async Task Recent_posts_figures_are_pulled_once_per_interval_and_never_counted_twice(DatabaseProvider provider)
    {
        await using var f = await PublishFixture.StartAsync(provider);
        var facebook = await f.AddChannelAsync(ChannelKind.Facebook, f.App.Tree.ProvinceA.Id);
        var now = f.Clock.GetUtcNow().UtcDateTime;
        var first = await PublishedPostAsync(f, facebook.Id, PlatformFakes.PageId + "_1", now.AddDays(-2));
        var second = await PublishedPostAsync(f, facebook.Id, PlatformFakes.PageId + "_2", now.AddDays(-1));
        var old = await PublishedPostAsync(f, facebook.Id, PlatformFakes.PageId + "_3", now.AddDays(-60));
        f.Fakes.Figures[PlatformFakes.PageId + "_1"] = new(Views: 1_000, Reach: 700, Likes: 40, Loves: 5, LinkClicks: 12, OtherClicks: 30, Comments: 7, Shares: 3);
        f.Fakes.Figures[PlatformFakes.PageId + "_2"] = new(200, 150, 10, 0, 1, 2, 0, 0);
        f.Fakes.Figures[PlatformFakes.PageId + "_3"] = new(9_999, 9_999, 9, 9, 9, 9, 9, 9);

        // Two instances race for the due channel: exactly one pulls it.
        var passes = await Task.WhenAll(PullAsync(f, "puller-a"), PullAsync(f, "puller-b"));
        Assert.Equal(1, passes.Sum());
        Assert.Empty(f.Fakes.ContractViolations);
        Assert.Equal((1_000L, 700L, 45L, 7L, 3L, 12L), await TotalsAsync(f, first));
        Assert.Equal((200L, 150L, 10L, 0L, 0L, 1L), await TotalsAsync(f, second));
        Assert.Equal((0L, 0L, 0L, 0L, 0L, 0L), await TotalsAsync(f, old));
        Assert.Equal(4, f.Fakes.Requests.Count);

        // Not due again before the interval: nothing is asked.
        f.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await PullAsync(f));
        Assert.Equal(4, f.Fakes.Requests.Count);

        // Later the same day and on the next days the figures grow: the stored days always add up to the platform's totals.
        f.Fakes.Figures[PlatformFakes.PageId + "_1"] = new(1_500, 900, 60, 5, 20, 30, 9, 4);
        for (var pass = 0; pass < 3; pass++)
        {
            f.Clock.Advance(TimeSpan.FromHours(6).Add(TimeSpan.FromMinutes(1)));
            Assert.Equal(1, await PullAsync(f));
            Assert.Equal((1_500L, 900L, 65L, 9L, 4L, 20L), await TotalsAsync(f, first));
        }

        Assert.Equal(1_700, await f.App.WithDbAsync(db => db.PostMetricMonths.SumAsync(m => m.Views)));
        Assert.Empty(f.Fakes.ContractViolations);
        Assert.True(await f.App.WithDbAsync(db => db.PublishChannels.AnyAsync(c => c.Id == facebook.Id && c.Healthy && c.MetricsLeaseOwner == null && c.MetricsPulledAt != null)));
    }

    [Theory, Providers]
    public async Task A_rejected_token_turns_the_channel_red_and_a_rate_limit_is_retried_next_pass(DatabaseProvider provider)
    {
        await using var f = await PublishFixture.StartAsync(provider);
        var facebook = await f.AddChannelAsync(ChannelKind.Facebook, f.App.Tree.ProvinceA.Id);
        var post = await PublishedPostAsync(f, facebook.Id, PlatformFakes.PageId + "_1", f.Clock.GetUtcNow().UtcDateTime.AddDays(-1));
        f.Fakes.Figures[PlatformFakes.PageId + "_1"] = new(100, 80, 3, 0, 1, 0, 2, 0);

        f.Fakes.Mode = PlatformFakes.FailMode.RateLimited;
        Assert.Equal(1, await PullAsync(f));
        var channel = await f.App.WithDbAsync(db => db.PublishChannels.AsNoTracking().SingleAsync(c => c.Id == facebook.Id));
        Assert.True(channel.Healthy);
        Assert.Null(channel.MetricsPulledAt);
        Assert.Null(channel.MetricsLeaseOwner);
        Assert.Equal(0, await f.App.WithDbAsync(db => db.PostMetrics.CountAsync()));

        f.Fakes.Mode = PlatformFakes.FailMode.None;
        Assert.Equal(1, await PullAsync(f));
        Assert.Equal(100, (await TotalsAsync(f, post)).Views);

        f.Clock.Advance(TimeSpan.FromHours(7));
        f.Fakes.Mode = PlatformFakes.FailMode.TokenExpired;
        Assert.Equal(1, await PullAsync(f));
        channel = await f.App.WithDbAsync(db => db.PublishChannels.AsNoTracking().SingleAsync(c => c.Id == facebook.Id));
        Assert.False(channel.Healthy);
        Assert.Contains("Session has expired", channel.HealthMessage, StringComparison.Ordinal);
        Assert.Contains("(190)", channel.HealthMessage, StringComparison.Ordinal);
        var editor = await f.SignInAsync(PublishFixture.Editor);
        var page = WebUtility.HtmlDecode(await editor.GetStringAsync("/Publish"));
        Assert.Contains("Session has expired", page, StringComparison.Ordinal);

        // A red channel is not asked again until its token is renewed.
        var asked = f.Fakes.Requests.Count;
        f.Clock.Advance(TimeSpan.FromHours(7));
        Assert.Equal(0, await PullAsync(f));
        Assert.Equal(asked, f.Fakes.Requests.Count);
        Assert.Equal(100, (await TotalsAsync(f, post)).Views);
        Assert.Empty(f.Fakes.ContractViolations);
    }
}
