using DuLuan.Data;
using DuLuan.Features.Publish;
using DuLuan.Features.Publish.Channels;
using DuLuan.Features.Publish.Metrics;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Publish;

/// <summary>The monthly sums the roll-up reads: kept equal to the daily rows on every import, never counted twice.</summary>
public sealed class MetricsMonthlyTests
{
    private const string Csv = "Post ID,Date,Views,Reach,Reactions,Comments,Shares,Link clicks\n"
        + "fb_1,2026-10-15,1.000,600,10,5,2,7\n"
        + "fb_1,2026-10-31,500,300,4,1,1,0\n"
        + "fb_2,2026-11-02,2.000,900,30,6,3,1\n";

    [Theory, Providers]
    public async Task Reimporting_the_same_csv_counts_once_and_roll_ups_match_the_daily_rows(DatabaseProvider provider)
    {
        await using var f = await PublishFixture.StartAsync(provider);
        var facebook = await f.AddChannelAsync(ChannelKind.Facebook, f.App.Tree.ProvinceA.Id);
        await AddPostAsync(f, f.App.Tree.CommuneA1.Id, "giao thông, môi trường", facebook.Id, "fb_1");
        await AddPostAsync(f, f.App.Tree.ProvinceA.Id, "y tế", facebook.Id, "fb_2");
        var unitIds = new List<long> { f.App.Tree.ProvinceA.Id, f.App.Tree.CommuneA1.Id };

        for (var i = 0; i < 3; i++)
        {
            var (stored, error) = await ImportAsync(f, facebook, unitIds, Csv);
            Assert.Null(error);
            Assert.Equal(3, stored);
        }

        var months = await f.App.WithDbAsync(db => db.PostMetricMonths.AsNoTracking().OrderBy(m => m.Month).ToListAsync());
        Assert.Equal(2, months.Count);
        Assert.Equal((new DateOnly(2026, 10, 1), 1_500L, 900L, "giao thông, môi trường"), (months[0].Month, months[0].Views, months[0].Reach, months[0].Topic));
        Assert.Equal((new DateOnly(2026, 11, 1), 2_000L, 30L), (months[1].Month, months[1].Views, months[1].Reactions));

        // A corrected figure replaces the day, and the month follows.
        Assert.Null((await ImportAsync(f, facebook, unitIds, "Post ID,Date,Views\nfb_2,2026-11-02,2.500\n")).Error);
        Assert.Equal(2_500, await f.App.WithDbAsync(db => db.PostMetricMonths.Where(m => m.Month == new DateOnly(2026, 11, 1)).SumAsync(m => m.Views)));

        // A refused file changes neither table.
        Assert.NotNull((await ImportAsync(f, facebook, unitIds, "Post ID,Date,Views\nfb_1,2026-12-01,5\nkhong_co,2026-12-01,5\n")).Error);
        Assert.Equal(2, await f.App.WithDbAsync(db => db.PostMetricMonths.CountAsync()));

        // Whole months, partial months at either end and a range inside one month all agree with the daily rows.
        var province = f.App.Tree.ProvinceA;
        (DateOnly From, DateOnly To)[] ranges = [(new(2026, 10, 1), new(2026, 11, 30)), (new(2026, 10, 20), new(2026, 11, 30)), (new(2026, 10, 1), new(2026, 11, 1)), (new(2026, 10, 16), new(2026, 10, 31)), (new(2025, 1, 1), new(2026, 12, 31))];
        var tags = await f.App.WithDbAsync(db => db.Posts.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.TagList));
        foreach (var (from, to) in ranges)
        {
            var daily = await f.App.WithDbAsync(db => db.PostMetrics.AsNoTracking().Where(m => m.Day >= from && m.Day <= to).ToListAsync());
            foreach (var by in Enum.GetValues<RollupBy>())
            {
                var lines = await f.App.WithDbAsync(db => MetricsRollup.RunAsync(db, province.Path, from, to, by, CancellationToken.None));
                if (by == RollupBy.Topic)
                {
                    var expected = daily.SelectMany(m => tags[m.PostId].Select(t => (Tag: t, m.Reach))).GroupBy(x => x.Tag, StringComparer.Ordinal)
                        .Select(g => $"{g.Key}={g.Sum(x => x.Reach)}").Order(StringComparer.Ordinal);
                    Assert.Equal(expected, lines.Select(l => $"{l.Key}={l.Reach}").Order(StringComparer.Ordinal));
                }
                else
                {
                    Assert.Equal((daily.Sum(m => m.Views), daily.Sum(m => m.Reach), daily.Sum(m => m.Comments), daily.Sum(m => m.LinkClicks)), (lines.Sum(l => l.Views), lines.Sum(l => l.Reach), lines.Sum(l => l.Comments), lines.Sum(l => l.LinkClicks)));
                }
            }
        }

        var byTopic = await f.App.WithDbAsync(db => MetricsRollup.RunAsync(db, province.Path, new(2026, 10, 20), new(2026, 11, 30), RollupBy.Topic, CancellationToken.None));
        // Only the 31 October row of the first post is in range: both its topics count it once each.
        Assert.Equal(500, byTopic.Single(l => l.Key == "giao thông").Views);
        Assert.Equal(500, byTopic.Single(l => l.Key == "môi trường").Views);
        Assert.Equal(2_500, byTopic.Single(l => l.Key == "y tế").Views);
        var byMonth = await f.App.WithDbAsync(db => MetricsRollup.RunAsync(db, province.Path, new(2026, 10, 1), new(2026, 11, 30), RollupBy.Month, CancellationToken.None));
        Assert.Equal(["10/2026", "11/2026"], byMonth.Select(l => l.Key));
        var byUnit = await f.App.WithDbAsync(db => MetricsRollup.RunAsync(db, f.App.Tree.CommuneA1.Path, new(2026, 10, 1), new(2026, 11, 30), RollupBy.Unit, CancellationToken.None));
        Assert.Equal(1_500, Assert.Single(byUnit).Views);

        // The migration's backfill (and the rebuild tool) produce the same table as the imports did.
        var before = await f.App.WithDbAsync(db => db.PostMetricMonths.AsNoTracking().OrderBy(m => m.Month).Select(m => new { m.UnitId, m.Channel, m.Topic, m.Month, m.Views, m.Reach, m.Reactions, m.Comments, m.Shares, m.LinkClicks }).ToListAsync());
        await f.App.WithDbAsync(async db =>
        {
            await MetricsMonthly.RebuildAllAsync(db, CancellationToken.None);
            return 0;
        });
        var after = await f.App.WithDbAsync(db => db.PostMetricMonths.AsNoTracking().OrderBy(m => m.Month).Select(m => new { m.UnitId, m.Channel, m.Topic, m.Month, m.Views, m.Reach, m.Reactions, m.Comments, m.Shares, m.LinkClicks }).ToListAsync());
        Assert.Equal(before, after);
    }

    private static Task<(int Stored, MetricsCsv.Problem? Error)> ImportAsync(PublishFixture f, PublishChannel channel, IReadOnlyList<long> unitIds, string csv)
        => f.App.WithScopeAsync(s => s.GetRequiredService<MetricsImport>().ImportAsync(channel.Kind.ToString(), channel, unitIds, csv, CancellationToken.None));

    private static Task<long> AddPostAsync(PublishFixture f, long unitId, string tags, long channelId, string externalId) => f.App.WithDbAsync(async db =>
    {
        var post = new Post
        {
            UnitId = unitId,
            Title = "Tin đã đăng " + externalId,
            BodyHtml = "<p>x</p>",
            BodyText = "x",
            Tags = tags,
            Status = PostStatus.Published,
            ContentHash = "h",
            AuthorId = "a",
            LastEditorId = "a",
            PublishedAt = DateTime.UtcNow,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        db.PostTargets.Add(new PostTarget { PostId = post.Id, ChannelId = channelId, Status = TargetStatus.Published, ExternalId = externalId });
        await db.SaveChangesAsync();
        return post.Id;
    });
}
