using System.Globalization;
using System.Net;
using System.Text;
using DuLuan.Data;
using DuLuan.Features.Publish;
using DuLuan.Features.Publish.Channels;
using DuLuan.Features.Publish.Metrics;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Publish;

public sealed class CalendarAndMetricsTests
{
    [Theory, Providers]
    public async Task The_calendar_shows_scheduled_and_published_posts_and_moves_one_keeping_its_time(DatabaseProvider provider)
    {
        await using var f = await PublishFixture.StartAsync(provider);
        var editor = await f.SignInAsync(PublishFixture.Editor);
        var lead = await f.SignInAsync(PublishFixture.Lead1);
        var vn = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        var tomorrow = TimeZoneInfo.ConvertTime(f.Clock.GetUtcNow(), vn).Date.AddDays(1).AddHours(8).AddMinutes(30);
        var id = await PublishFixture.CreateAsync(editor, f.App.Tree.CommuneA1.Id, "Lịch tiêm chủng mở rộng", "<p>Trạm y tế phường tổ chức tiêm chủng.</p>", scheduledAt: tomorrow.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        (await PublishFixture.StepAsync(editor, id, "Submit")).Dispose();
        (await PublishFixture.StepAsync(lead, id, "Approve")).Dispose();
        Assert.Equal(PostStatus.Scheduled, (await f.PostAsync(id)).Status);
        var day = tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var month = await editor.GetStringAsync($"/Publish/Calendar?UnitId={f.App.Tree.ProvinceA.Id}&View=month&Date={day}");
        Assert.Contains($"data-post-id=\"{id}\"", month, StringComparison.Ordinal);
        Assert.Contains("08:30 Lịch tiêm chủng mở rộng", month, StringComparison.Ordinal);
        Assert.Contains("publish-calendar.js", month, StringComparison.Ordinal);
        var week = await editor.GetStringAsync($"/Publish/Calendar?View=week&Date={day}");
        Assert.Contains($"data-post-id=\"{id}\"", week, StringComparison.Ordinal);
        // Another subtree's calendar does not show it; another province's unit is not found.
        Assert.DoesNotContain($"data-post-id=\"{id}\"", await editor.GetStringAsync($"/Publish/Calendar?UnitId={f.App.Tree.CommuneA2.Id}&Date={day}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/Publish/Calendar?UnitId={f.App.Tree.ProvinceB.Id}")).StatusCode);

        var version = (await f.PostAsync(id)).Version;
        var later = tomorrow.AddDays(3);
        using (var moved = await editor.PostFormAsync("/Publish/Calendar", new Dictionary<string, string> { ["postId"] = PublishFixture.S(id), ["version"] = PublishFixture.S(version), ["day"] = later.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, "/Publish/Calendar?handler=Move"))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        var post = await f.PostAsync(id);
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(later, vn), post.ScheduledAt);
        Assert.Equal(post.ScheduledAt, post.NextAttemptAt);
        Assert.Equal(PostStatus.Scheduled, post.Status);
        // A stale version, the past, a forged post and a bad day are refused.
        using (var stale = await editor.PostFormAsync("/Publish/Calendar", new Dictionary<string, string> { ["postId"] = PublishFixture.S(id), ["version"] = PublishFixture.S(version), ["day"] = "2099-01-01" }, "/Publish/Calendar?handler=Move"))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        using (var forged = await editor.PostFormAsync("/Publish/Calendar", new Dictionary<string, string> { ["postId"] = "987654", ["version"] = "0", ["day"] = "2099-01-01" }, "/Publish/Calendar?handler=Move"))
        {
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }

        var other = await f.SignInAsync(PublishFixture.OtherEditor);
        using (var foreign = await other.PostFormAsync("/Publish/Posts/Create", new Dictionary<string, string> { ["postId"] = PublishFixture.S(id), ["version"] = PublishFixture.S(version), ["day"] = "2099-01-01" }, "/Publish/Calendar?handler=Move"))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }
        // Moved past the old time, the job leaves it alone until the new one.
        f.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await f.RunJobAsync());
        f.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await f.RunJobAsync());
        Assert.Equal(PostStatus.Published, (await f.PostAsync(id)).Status);

    }

    [Fact]
    public void Csv_numbers_in_vietnamese_and_english_forms_and_bad_ones()
    {
        Assert.True(MetricsCsv.TryNumber("1.517.792", out var vi));
        Assert.Equal(1_517_792, vi);
        Assert.True(MetricsCsv.TryNumber("1,517,792", out var en));
        Assert.Equal(1_517_792, en);
        Assert.True(MetricsCsv.TryNumber("", out var empty));
        Assert.Equal(0, empty);
        Assert.False(MetricsCsv.TryNumber("1.5", out _));
        Assert.False(MetricsCsv.TryNumber("-3", out _));
        Assert.False(MetricsCsv.TryNumber("12a", out _));
        Assert.False(MetricsCsv.TryNumber("9999999999999999", out _));
    }

    [Theory, Providers]
    public async Task Metrics_import_from_a_platform_csv_is_all_or_nothing_and_rolls_up(DatabaseProvider provider)
    {
        await using var f = await PublishFixture.StartAsync(provider);
        var facebook = await f.AddChannelAsync(ChannelKind.Facebook, f.App.Tree.ProvinceA.Id);
        var postId = await f.App.WithDbAsync(async db =>
        {
            var post = new Post
            {
                UnitId = f.App.Tree.CommuneA1.Id,
                Title = "Tin đã đăng",
                BodyHtml = "<p>x</p>",
                BodyText = "x",
                Tags = "giao thông, môi trường",
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
            db.PostTargets.Add(new PostTarget { PostId = post.Id, ChannelId = facebook.Id, Status = TargetStatus.Published, ExternalId = "1029384756_42" });
            await db.SaveChangesAsync();
            return post.Id;
        });
        var editor = await f.SignInAsync(PublishFixture.Editor);

        async Task<(HttpStatusCode Status, string Html)> ImportAsync(string csv, string channel)
        {
            var page = await editor.GetStringAsync("/Publish/Metrics");
            var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            using var form = new MultipartFormDataContent
            {
                { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
                { new StringContent(channel), "channel" },
                { new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]), "file", "export.csv" },
            };
            using var response = await editor.Http.PostAsync("/Publish/Metrics?handler=Import", form);
            return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        var channelId = PublishFixture.S(facebook.Id);
        var wrong = await ImportAsync("Bài viết,Ngày,Lượt xem\n1029384756_42,2026-10-01,5\n", channelId);
        Assert.Contains("thiếu cột \"Post ID / Mã bài viết\"", wrong.Html, StringComparison.Ordinal);
        var badNumber = await ImportAsync("Post ID,Date,Views,Reach\n1029384756_42,2026-10-01,1.517.792,10\n1029384756_42,2026-10-02,1.5,3\n", channelId);
        Assert.Contains("dòng 3, cột \"Views\": giá trị \"1.5\"", badNumber.Html, StringComparison.Ordinal);
        var unknown = await ImportAsync("Post ID,Date,Reach\n1029384756_42,2026-10-01,10\n999_1,2026-10-01,3\n", channelId);
        Assert.Contains("không tìm thấy bài \"999_1\"", unknown.Html, StringComparison.Ordinal);
        var foreign = await ImportAsync("Post ID,Date,Reach\n1,2026-10-01,3\n", "999999");
        Assert.Contains("Kênh đăng: kênh không thuộc", foreign.Html, StringComparison.Ordinal);
        Assert.Equal(0, await f.App.WithDbAsync(db => db.PostMetrics.CountAsync()));

        var ok = await ImportAsync("Post ID;Date;Views;Reach;Reactions;Comments;Shares;Link clicks\r\n\"1029384756_42\";01/10/2026;1.517.792;800.000;1.200;300;45;17\r\n1029384756_42;2026-11-02;1.000;500;10;2;1;0\r\n", channelId);
        Assert.Equal(HttpStatusCode.Redirect, ok.Status);
        // Importing the same day again replaces it rather than adding to it.
        Assert.Equal(HttpStatusCode.Redirect, (await ImportAsync("Post ID,Date,Views\n1029384756_42,2026-11-02,2.000\n", channelId)).Status);
        var rows = await f.App.WithDbAsync(db => db.PostMetrics.OrderBy(m => m.Day).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal(1_517_792, rows[0].Views);
        Assert.Equal(800_000, rows[0].Reach);
        Assert.Equal(2_000, rows[1].Views);
        Assert.Equal(0, rows[1].Reach);

        var byChannel = await f.App.WithDbAsync(db => MetricsRollup.RunAsync(db, f.App.Tree.ProvinceA.Path, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), RollupBy.Channel, CancellationToken.None));
        var line = Assert.Single(byChannel);
        Assert.Equal(("Facebook", 1_519_792L, 800_000L, 1_545L), (line.Key, line.Views, line.Reach, line.Interactions));
        var byTopic = await f.App.WithDbAsync(db => MetricsRollup.RunAsync(db, f.App.Tree.ProvinceA.Path, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), RollupBy.Topic, CancellationToken.None));
        Assert.Equal(["giao thông", "môi trường"], byTopic.Select(l => l.Key).Order(StringComparer.Ordinal));
        var byMonth = await f.App.WithDbAsync(db => MetricsRollup.RunAsync(db, f.App.Tree.ProvinceA.Path, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), RollupBy.Month, CancellationToken.None));
        Assert.Equal(["10/2026", "11/2026"], byMonth.Select(l => l.Key));
        Assert.Empty(await f.App.WithDbAsync(db => MetricsRollup.RunAsync(db, f.App.Tree.ProvinceB.Path, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), RollupBy.Channel, CancellationToken.None)));
        var page = await editor.GetStringAsync($"/Publish/Metrics?UnitId={f.App.Tree.ProvinceA.Id}&From=2026-10-01&To=2026-12-31&By=Unit");
        Assert.Contains("Phường Hoà Khánh", page, StringComparison.Ordinal);
        Assert.Contains("1.519.792", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/Publish/Metrics?UnitId={f.App.Tree.ProvinceB.Id}")).StatusCode);
    }
}
