using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Monitoring;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Monitoring;

/// <summary>A refused feed says only that its address is not allowed: no resolved address, no socket message.</summary>
public sealed class FeedErrorDisclosureTests
{
    [Theory, Providers]
    public async Task A_blocked_feed_names_no_resolved_address(DatabaseProvider provider)
    {
        await using var server = await LiveFeedServer.StartAsync();
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Monitoring:PerHostDelayMilliseconds"] = "0" });
        var url = $"http://localhost:{server.BaseUrl.Port}/feed";
        var feedId = await app.WithDbAsync(async db =>
        {
            var feed = new Feed { UnitId = app.Tree.ProvinceA.Id, Url = url, Name = "Nội bộ", Outlet = "Nội bộ", CreatedAt = DateTime.UtcNow, NextPollAt = DateTime.UtcNow.AddMinutes(-1) };
            db.Feeds.Add(feed);
            await db.SaveChangesAsync();
            return feed.Id;
        });

        Assert.Equal(1, await app.App.Services.GetRequiredService<FeedScheduler>().RunOnceAsync(CancellationToken.None));

        var error = await app.WithDbAsync(db => db.Feeds.Where(f => f.Id == feedId).Select(f => f.LastError).SingleAsync());
        Assert.NotNull(error);
        Assert.Contains("không được phép", error, StringComparison.Ordinal);
        Assert.Contains("not allowed", error, StringComparison.Ordinal);
        await app.AddMemberAsync("editor@feeds.vn", app.Tree.ProvinceA, Role.Editor);
        using var editor = app.Client();
        await editor.SignInOkAsync("editor@feeds.vn");
        using var response = await editor.GetAsync("/Monitoring/Feeds");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("không được phép", page, StringComparison.Ordinal);
        foreach (var leak in new[] { "127.0.0.1", "::1", "trỏ tới", "resolves" })
        {
            Assert.DoesNotContain(leak, error, StringComparison.Ordinal);
            Assert.DoesNotContain(leak, page, StringComparison.Ordinal);
        }
    }
}
