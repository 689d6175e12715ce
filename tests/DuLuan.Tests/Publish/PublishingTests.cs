using System.Globalization;
using System.Net;
using System.Xml.Linq;
using DuLuan.Data;
using DuLuan.Features.Monitoring.Ingest;
using DuLuan.Features.Publish;
using DuLuan.Features.Publish.Channels;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace DuLuan.Tests.Publish;

public sealed class PublishingTests
{
    private const string Body = "<p>Thành phố tổ chức lấy ý kiến người dân về quy hoạch công viên ven sông.</p><p>Hạn góp ý: 31/12.</p>";

    private static byte[] Jpeg()
    {
        using var bitmap = new SKBitmap(16, 16);
        bitmap.Erase(SKColors.SteelBlue);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 80).ToArray();
    }

    private static string LocalInput(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    internal static async Task<long> ApprovedAsync(PublishFixture f, IEnumerable<long> channels, string title = "Lấy ý kiến quy hoạch công viên", byte[]? image = null, DateTimeOffset? at = null)
    {
        var editor = await f.SignInAsync(PublishFixture.Editor);
        var id = await PublishFixture.CreateAsync(editor, f.App.Tree.ProvinceA.Id, title, Body, channels, image, scheduledAt: at is { } when ? LocalInput(when) : null);
        using (var submitted = await PublishFixture.StepAsync(editor, id, "Submit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        var lead = await f.SignInAsync(PublishFixture.Lead1);
        using (var approved = await PublishFixture.StepAsync(lead, id, "Approve"))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        return id;
    }

    [Theory, Providers]
    public async Task A_scheduled_post_goes_out_once_at_its_time_and_appears_on_the_portal_and_feeds(DatabaseProvider provider)
    {
        await using var f = await PublishFixture.StartAsync(provider);
        var facebook = await f.AddChannelAsync(ChannelKind.Facebook, f.App.Tree.ProvinceA.Id);
        var zalo = await f.AddChannelAsync(ChannelKind.Zalo, f.App.Tree.ProvinceA.Id);
        var at = f.Clock.GetUtcNow().AddHours(2);
        var id = await ApprovedAsync(f, [facebook.Id, zalo.Id], image: Jpeg(), at: at);
        Assert.Equal(PostStatus.Scheduled, (await f.PostAsync(id)).Status);
        using var anonymous = f.App.Client();
        Assert.Equal(0, await f.RunJobAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/cong/48/tin/{id}")).StatusCode);

        f.Clock.Advance(TimeSpan.FromHours(2).Add(TimeSpan.FromMinutes(1)));
        // Two instances race for the same due post: exactly one publishes it.
        var passes = await Task.WhenAll(f.RunJobAsync("instance-a"), f.RunJobAsync("instance-b"));
        Assert.Equal(1, passes.Sum());
        Assert.Equal(2, f.Fakes.Published.Count);
        Assert.Empty(f.Fakes.ContractViolations);
        Assert.Equal(0, await f.RunJobAsync());
        var post = await f.PostAsync(id);
        Assert.Equal(PostStatus.Published, post.Status);
        Assert.All(await f.App.WithDbAsync(db => db.PostTargets.Where(t => t.PostId == id).ToListAsync()), t => Assert.Equal(TargetStatus.Published, t.Status));

        var list = await anonymous.GetAsync("/cong/48");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("public", list.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Lấy ý kiến quy hoạch công viên", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await anonymous.GetStringAsync($"/cong/48/tin/{id}");
        Assert.Contains("<meta property=\"og:title\" content=\"Lấy ý kiến quy hoạch công viên\"", page, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:url\" content=\"https://cong.example.vn/cong/48/tin/{id}\"", page, StringComparison.Ordinal);
        Assert.Contains("og:image", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/cong/01/tin/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/cong/khong-co")).StatusCode);
        var imageId = await f.App.WithDbAsync(db => db.PostImages.Where(i => i.PostId == id).Select(i => i.Id).SingleAsync());
        using var image = await anonymous.GetAsync($"/cong/anh/{imageId}");
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);

        var rssBytes = await anonymous.Http.GetByteArrayAsync("/cong/48/rss.xml");
        var rss = new FeedParser().Parse(rssBytes);
        Assert.Equal(FeedFormat.Rss2, rss.Format);
        Assert.Empty(rss.Warnings);
        var entry = Assert.Single(rss.Entries);
        Assert.Equal($"https://cong.example.vn/cong/48/tin/{id}", entry.Link);
        var rssDoc = XDocument.Parse(System.Text.Encoding.UTF8.GetString(rssBytes));
        var channel = rssDoc.Root!.Element("channel")!;
        Assert.Equal("2.0", rssDoc.Root.Attribute("version")!.Value);
        Assert.All(new[] { "title", "link", "description" }, name => Assert.False(string.IsNullOrEmpty(channel.Element(name)?.Value)));
        Assert.True(DateTimeOffset.TryParse(channel.Element("item")!.Element("pubDate")!.Value, CultureInfo.InvariantCulture, out _));

        var atomBytes = await anonymous.Http.GetByteArrayAsync("/cong/48/atom.xml");
        var atom = new FeedParser().Parse(atomBytes);
        Assert.Equal(FeedFormat.Atom, atom.Format);
        Assert.Single(atom.Entries);
        XNamespace a = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(System.Text.Encoding.UTF8.GetString(atomBytes)).Root!;
        // RFC 4287 4.1.1: a feed has id, title, updated, and an author (or every entry has one); entries id, title, updated.
        Assert.All(new[] { "id", "title", "updated", "author" }, name => Assert.NotNull(feed.Element(a + name)));
        Assert.Contains(feed.Elements(a + "link"), l => l.Attribute("rel")?.Value == "self");
        Assert.All(new[] { "id", "title", "updated" }, name => Assert.NotNull(feed.Element(a + "entry")!.Element(a + name)));
        var sitemap = XDocument.Parse(await anonymous.GetStringAsync("/cong/48/sitemap.xml"));
        // The home, the eight other pages of the place (form, follow-up, answered, rebuttals, surveys, dialogues,
        // bulletins, contact) and the post.
        Assert.Equal(10, sitemap.Root!.Elements().Count());
    }

    [Theory, Providers]
    public async Task A_rejected_token_turns_the_channel_red_fails_the_post_visibly_and_retry_sends_once(DatabaseProvider provider)
    {
        await using var f = await PublishFixture.StartAsync(provider);
        var facebook = await f.AddChannelAsync(ChannelKind.Facebook, f.App.Tree.ProvinceA.Id);
        var id = await ApprovedAsync(f, [facebook.Id]);
        var editor = await f.SignInAsync(PublishFixture.Editor);
        using (var scheduled = await PublishFixture.StepAsync(editor, id, "Schedule", new Dictionary<string, string> { ["at"] = LocalInput(f.Clock.GetUtcNow()) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        }

        f.Fakes.Mode = PlatformFakes.FailMode.TokenExpired;
        Assert.Equal(1, await f.RunJobAsync());
        var post = await f.PostAsync(id);
        Assert.Equal(PostStatus.Failed, post.Status);
        Assert.Contains("Session has expired", post.LastError, StringComparison.Ordinal);
        var red = await f.App.WithDbAsync(db => db.PublishChannels.SingleAsync());
        Assert.False(red.Healthy);
        Assert.Contains("(190)", red.HealthMessage, StringComparison.Ordinal);
        var details = await editor.GetStringAsync($"/Publish/Posts/Details?id={id}");
        Assert.Contains("id=\"failed\"", details, StringComparison.Ordinal);
        Assert.Contains("id=\"retry\"", details, StringComparison.Ordinal);
        Assert.Contains("Session has expired", await editor.GetStringAsync("/Publish"), StringComparison.Ordinal);
        // On the portal the post is out: the portal never depends on a platform.
        using var anonymous = f.App.Client();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/cong/48/tin/{id}")).StatusCode);

        // The lead renews the token (the channel turns green), the editor retries: the post goes out once.
        f.Fakes.Mode = PlatformFakes.FailMode.None;
        var lead = await f.SignInAsync(PublishFixture.Lead1);
        using (var renewed = await lead.PostFormAsync("/Publish/Settings", new Dictionary<string, string>
        {
            ["unitId"] = PublishFixture.S(f.App.Tree.ProvinceA.Id),
            ["kind"] = "Facebook",
            ["name"] = red.Name,
            ["externalId"] = PlatformFakes.PageId,
            ["token"] = PlatformFakes.PageToken,
        }, "/Publish/Settings?handler=Channel"))
        {
            Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        }

        Assert.True(await f.App.WithDbAsync(db => db.PublishChannels.Select(c => c.Healthy).SingleAsync()));
        using (var retried = await PublishFixture.StepAsync(editor, id, "Retry"))
        {
            Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        }

        Assert.Equal(1, await f.RunJobAsync());
        Assert.Equal(PostStatus.Published, (await f.PostAsync(id)).Status);
        Assert.Single(f.Fakes.Published);
        Assert.Empty(f.Fakes.ContractViolations);
    }

    [Theory, Providers]
    public async Task Transient_failures_are_retried_with_backoff_and_bounded_permanent_ones_fail_at_once(DatabaseProvider provider)
    {
        await using var f = await PublishFixture.StartAsync(provider);
        var facebook = await f.AddChannelAsync(ChannelKind.Facebook, f.App.Tree.ProvinceA.Id);
        var id = await ApprovedAsync(f, [facebook.Id], at: f.Clock.GetUtcNow());
        f.Fakes.Mode = PlatformFakes.FailMode.ServerError;
        Assert.Equal(1, await f.RunJobAsync());
        var post = await f.PostAsync(id);
        Assert.Equal(PostStatus.Scheduled, post.Status);
        Assert.Equal(f.Clock.GetUtcNow().UtcDateTime.AddSeconds(60), post.NextAttemptAt!.Value, TimeSpan.FromSeconds(1));
        Assert.Equal(0, await f.RunJobAsync());
        f.Clock.Advance(TimeSpan.FromSeconds(61));
        f.Fakes.Mode = PlatformFakes.FailMode.Slow;
        Assert.Equal(1, await f.RunJobAsync());
        post = await f.PostAsync(id);
        Assert.Equal(PostStatus.Scheduled, post.Status);
        Assert.Contains("Timeout", post.LastError, StringComparison.Ordinal);
        Assert.Equal(f.Clock.GetUtcNow().UtcDateTime.AddSeconds(120), post.NextAttemptAt!.Value, TimeSpan.FromSeconds(1));
        f.Clock.Advance(TimeSpan.FromSeconds(121));
        f.Fakes.Mode = PlatformFakes.FailMode.RateLimited;
        Assert.Equal(1, await f.RunJobAsync());
        post = await f.PostAsync(id);
        Assert.Equal(PostStatus.Failed, post.Status);
        Assert.Contains("(4)", post.LastError, StringComparison.Ordinal);
        Assert.Equal(3, f.Fakes.Requests.Count);
        f.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await f.RunJobAsync());

        var second = await ApprovedAsync(f, [facebook.Id], title: "Thông báo thứ hai", at: f.Clock.GetUtcNow());
        f.Fakes.Mode = PlatformFakes.FailMode.BadRequest;
        Assert.Equal(1, await f.RunJobAsync());
        Assert.Equal(PostStatus.Failed, (await f.PostAsync(second)).Status);
        Assert.Equal(4, f.Fakes.Requests.Count);
        Assert.Empty(f.Fakes.Published);
    }

    [Theory, Providers]
    public async Task Over_a_platform_limit_is_refused_before_sending_naming_the_limit(DatabaseProvider provider)
    {
        await using var f = await PublishFixture.StartAsync(provider);
        var zalo = await f.AddChannelAsync(ChannelKind.Zalo, f.App.Tree.ProvinceA.Id);
        var editor = await f.SignInAsync(PublishFixture.Editor);
        var longTitle = "Thông báo " + new string('a', 160);
        var id = await PublishFixture.CreateAsync(editor, f.App.Tree.ProvinceA.Id, longTitle, Body, [zalo.Id], Jpeg());
        var preview = await editor.GetStringAsync($"/Publish/Posts/Details?id={id}");
        Assert.Contains("Zalo: độ dài tiêu đề (ký tự): 170 / 150", preview, StringComparison.Ordinal);
        using (var refused = await PublishFixture.StepAsync(editor, id, "Submit"))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Contains("vượt giới hạn \"Zalo: độ dài tiêu đề (ký tự)\" (tối đa 150, bài có 170)", html, StringComparison.Ordinal);
        }

        var noCover = await PublishFixture.CreateAsync(editor, f.App.Tree.ProvinceA.Id, "Bài không có ảnh bìa", Body, [zalo.Id]);
        using (var refused = await PublishFixture.StepAsync(editor, noCover, "Submit"))
        {
            Assert.Contains("bắt buộc có ảnh bìa", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(PostStatus.Draft, (await f.PostAsync(id)).Status);
        Assert.Empty(f.Fakes.Requests);
    }
}
