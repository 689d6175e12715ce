using DuLuan.Cli;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Publish;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Publish;

public sealed class PublishDemoSeedTests
{
    [Theory, Providers]
    public async Task The_demo_has_a_calendar_with_scheduled_and_published_posts_and_last_quarters_metrics(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync(DemoSeed.EditorEmail, app.Tree.ProvinceA, Role.Editor);
        await app.AddMemberAsync(DemoSeed.AdminEmail, app.Tree.ProvinceA, Role.Admin);
        await app.WithScopeAsync(async s =>
        {
            await PublishDemoSeed.EnsureAsync(s, CancellationToken.None);
            await PublishDemoSeed.EnsureAsync(s, CancellationToken.None);
            return 0;
        });

        Assert.Equal(10, await app.WithDbAsync(db => db.Posts.CountAsync(p => p.Status == PostStatus.Published)));
        Assert.Equal(3, await app.WithDbAsync(db => db.Posts.CountAsync(p => p.Status == PostStatus.Scheduled)));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var quarterStart = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        var days = await app.WithDbAsync(db => db.PostMetrics.Select(m => m.Day).Distinct().ToListAsync());
        Assert.All(days, d => Assert.InRange(d, quarterStart.AddMonths(-3), quarterStart.AddDays(-1)));
        Assert.True(days.Count > 30);

        using var editor = app.Client();
        await editor.SignInOkAsync(DemoSeed.EditorEmail);
        var calendar = await editor.GetStringAsync($"/Publish/Calendar?View=week&Date={today.AddDays(1):yyyy-MM-dd}");
        Assert.Contains("status-scheduled", calendar, StringComparison.Ordinal);
        // This week shows published posts beside the scheduled ones.
        var thisWeek = await editor.GetStringAsync($"/Publish/Calendar?View=week&Date={TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddHours(-2), TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")):yyyy-MM-dd}");
        Assert.Contains("status-published", thisWeek, StringComparison.Ordinal);
        var metrics = await editor.GetStringAsync("/Publish/Metrics");
        Assert.Contains("<td>Facebook</td>", metrics, StringComparison.Ordinal);
        Assert.Contains("<td>Cổng thông tin của đơn vị</td>", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>Portal</td>", metrics, StringComparison.Ordinal);
        var portal = await app.Client().GetStringAsync("/cong/48");
        Assert.Contains("Cảnh báo thông tin sai về giá nước sinh hoạt", portal, StringComparison.Ordinal);
    }
}
