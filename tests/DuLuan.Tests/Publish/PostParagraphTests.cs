using DuLuan.Data;
using DuLuan.Features.Publish;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Publish;

/// <summary>Text typed in the editor keeps its paragraphs, line breaks, lists and links on the portal, RSS and Atom.</summary>
public sealed class PostParagraphTests
{
    private const string Typed = "Từ 18 giờ thứ Bảy, cầu Rồng cấm xe ô tô.\nNgười đi bộ được ưu tiên.\n\nXem lộ trình tại https://danang.gov.vn/lo-trinh?a=1&b=2.\n\n- Đường Bạch Đằng\n- Đường Trần Phú";

    [Fact]
    public void Typed_text_becomes_paragraphs_breaks_lists_and_links_and_html_is_kept_as_written()
    {
        var (content, error) = PostContent.Clean("Phân luồng giao thông", Typed, null, null);
        Assert.Null(error);
        var html = content!.BodyHtml;
        Assert.StartsWith("<p>Từ 18 giờ thứ Bảy, cầu Rồng cấm xe ô tô.<br>Người đi bộ được ưu tiên.</p><p>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://danang.gov.vn/lo-trinh?a=1&amp;b=2\" rel=\"nofollow noopener noreferrer\">https://danang.gov.vn/lo-trinh?a=1&amp;b=2</a>.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<ul><li>Đường Bạch Đằng</li><li>Đường Trần Phú</li></ul>", html, StringComparison.Ordinal);
        Assert.Contains("cầu Rồng cấm xe ô tô.\nNgười đi bộ", content.BodyText, StringComparison.Ordinal);

        var written = PostContent.Clean("Phân luồng giao thông", "<p>Đoạn một đã có thẻ.</p>\n\n<p>Đoạn hai.</p>", null, null).Content!;
        Assert.Equal("<p>Đoạn một đã có thẻ.</p>\n\n<p>Đoạn hai.</p>", written.BodyHtml);
    }

    [Theory, Providers]
    public async Task A_post_typed_in_the_editor_keeps_its_paragraphs_on_the_portal_rss_and_atom(DatabaseProvider provider)
    {
        await using var f = await PublishFixture.StartAsync(provider);
        var editor = await f.SignInAsync(PublishFixture.Editor);
        Assert.Contains("id=\"body-format\"", await editor.GetStringAsync("/Publish/Posts/Create"), StringComparison.Ordinal);
        var id = await PublishFixture.CreateAsync(editor, f.App.Tree.ProvinceA.Id, "Phân luồng giao thông cầu Rồng", Typed);
        // Published as the workflow would leave it (the workflow itself is covered by PublishingTests).
        await f.App.WithDbAsync(async db =>
        {
            var post = await db.Posts.SingleAsync(p => p.Id == id);
            post.Status = PostStatus.Published;
            post.PublishedAt = f.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        using var anonymous = f.App.Client();

        var page = await anonymous.GetStringAsync($"/cong/48/tin/{id}");
        Assert.Contains("<p>Từ 18 giờ thứ Bảy, cầu Rồng cấm xe ô tô.<br>Người đi bộ được ưu tiên.</p><p>", page, StringComparison.Ordinal);
        Assert.Contains("<ul><li>Đường Bạch Đằng</li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        foreach (var feed in new[] { "/cong/48/rss.xml", "/cong/48/atom.xml" })
        {
            var xml = System.Net.WebUtility.HtmlDecode(await anonymous.GetStringAsync(feed));
            Assert.Contains("<p>Từ 18 giờ thứ Bảy, cầu Rồng cấm xe ô tô.<br>Người đi bộ được ưu tiên.</p><p>", xml, StringComparison.Ordinal);
            Assert.Contains("<li>Đường Trần Phú</li>", xml, StringComparison.Ordinal);
        }
    }
}
