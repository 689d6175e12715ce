using System.Text;
using DuLuan.Features.Monitoring.Ingest;

namespace DuLuan.Tests.Monitoring;

/// <summary>Entry content in the less common places feeds put it, judged by the visible text that reaches the article.</summary>
public class FeedCompletenessTests
{
    /// <summary>What a reader sees: white space (paragraph breaks included) collapsed to single spaces.</summary>
    private static string? Visible(string? text) => text is null ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static ParsedEntry Rss(string itemXml, string namespaces = "") =>
        Assert.Single(new FeedParser().ParseText($"<?xml version=\"1.0\"?><rss version=\"2.0\"{namespaces}><channel><title>Báo</title><item><title>Tin</title><link>https://example.vn/1</link>{itemXml}</item></channel></rss>").Entries);

    private static ParsedEntry Atom(string entryXml, string version = "xmlns=\"http://www.w3.org/2005/Atom\"") =>
        Assert.Single(new FeedParser().ParseText($"<?xml version=\"1.0\"?><feed {version}><title>Báo</title><entry><id>urn:1</id>{entryXml}</entry></feed>").Entries);

    [Fact]
    public void Rss_body_with_inline_xhtml_is_read()
    {
        var e = Rss("<body xmlns=\"http://www.w3.org/1999/xhtml\"><p>Nước rút ở <b>Hòa Khánh</b>.</p><p>Đường thông.</p></body>");
        Assert.Equal("Nước rút ở Hòa Khánh. Đường thông.", Visible(e.ContentText));
        Assert.Contains("<b>Hòa Khánh</b>", e.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Prefixed_xhtml_body_is_read_as_html()
    {
        var e = Rss("<xhtml:body><xhtml:p>Đoạn một.</xhtml:p><xhtml:p>Đoạn <xhtml:i>hai</xhtml:i>.</xhtml:p><xhtml:script>alert(1)</xhtml:script></xhtml:body>",
            " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
        Assert.Equal("Đoạn một. Đoạn hai.", Visible(e.ContentText));
        Assert.Contains("<i>hai</i>", e.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", e.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Fullitem_is_read()
    {
        var e = Rss("<description>Tóm tắt</description><fullitem>&lt;p&gt;Toàn văn bài viết&lt;/p&gt;</fullitem>");
        Assert.Equal("Toàn văn bài viết", e.ContentText);
        Assert.Equal("Tóm tắt", e.Summary);
    }

    [Fact]
    public void Atom03_base64_content_and_title_are_decoded()
    {
        var html = Convert.ToBase64String(Encoding.UTF8.GetBytes("<p>Giá xăng <em>giảm</em> 300 đồng</p><script>x()</script>"));
        var title = Convert.ToBase64String(Encoding.UTF8.GetBytes("Giá xăng giảm"));
        var e = Atom($"<title type=\"text/plain\" mode=\"base64\">{title}</title><content type=\"text/html\" mode=\"base64\">{html[..20]}\n{html[20..]}</content>",
            "version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"");
        Assert.Equal("Giá xăng giảm", e.Title);
        Assert.Equal("Giá xăng giảm 300 đồng", e.ContentText);
        Assert.DoesNotContain("script", e.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Base64_given_as_the_type_is_decoded()
    {
        var html = Convert.ToBase64String(Encoding.UTF8.GetBytes("<p>Cắt điện <b>phường Hòa Khánh</b> ngày 5/12</p><iframe src=\"https://x.example/\"/> từ 7 giờ"));
        var e = Atom($"<title>Cắt điện</title><content type=\"base64\">{html}</content>");
        Assert.Equal("Cắt điện phường Hòa Khánh ngày 5/12 từ 7 giờ", Visible(e.ContentText));
        Assert.DoesNotContain("iframe", e.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_base64_gives_no_text_rather_than_garbage()
    {
        var e = Atom("<title>Tin</title><content type=\"text/html\" mode=\"base64\">%%% không phải base64 %%%</content><summary>Tóm tắt</summary>",
            "version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"");
        Assert.Null(e.Content);
        Assert.Equal("Tóm tắt", e.ContentText);
    }

    [Fact]
    public void Atom_text_type_keeps_angle_brackets_visible()
    {
        var e = Atom("<title type=\"text\">Lương &lt; 5 triệu &amp; &lt;b&gt;thưởng&lt;/b&gt;</title><content type=\"text\">Mức &lt;script&gt; thấp</content>");
        Assert.Equal("Lương < 5 triệu & <b>thưởng</b>", e.Title);
        Assert.Equal("Mức <script> thấp", e.ContentText);
        Assert.DoesNotContain("<script>", e.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Atom_binary_content_is_not_taken_for_text()
    {
        var e = Atom("<title>Ảnh</title><content type=\"image/png\">iVBORw0KGgoAAAANSUhEUgAAAAE=</content><summary>Ảnh ngập</summary>");
        Assert.Equal("Ảnh ngập", e.ContentText);
    }

    [Fact]
    public void Xml_lang_gives_the_language_of_feed_and_entries()
    {
        var feed = new FeedParser().ParseText("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\"><title>Báo</title>"
            + "<entry><id>1</id><title>Một</title></entry>"
            + "<entry xml:lang=\"en\"><id>2</id><title>Two</title></entry>"
            + "<entry><id>3</id><title>Ba</title><content type=\"html\" xml:lang=\"fr\">Trois</content></entry></feed>");
        Assert.Equal("vi", feed.Language);
        Assert.Equal(["vi", "en", "fr"], feed.Entries.Select(e => e.Language));
    }

    [Theory]
    [InlineData("&lt;table&gt;&lt;thead&gt;&lt;tr&gt;&lt;th&gt;Phường&lt;/th&gt;&lt;/tr&gt;&lt;/thead&gt;&lt;/table&gt; còn lại", "Phường còn lại")]
    [InlineData("&lt;thead abbr=\"x\"&gt;Tiêu đề bảng&lt;/thead&gt; và phần sau", "Tiêu đề bảng và phần sau")]
    [InlineData("Tổ chức &lt;acronym title=\"Ủy ban nhân dân\"&gt;UBND&lt;/acronym&gt; phường", "Tổ chức UBND phường")]
    [InlineData("&lt;dir&gt;&lt;li&gt;Mục một&lt;/li&gt;&lt;li&gt;Mục hai&lt;/li&gt;&lt;/dir&gt; hết", "Mục một Mục hai hết")]
    [InlineData("&lt;p&gt;Trước &lt;iframe src=\"https://x.example/\"/&gt;Sau khi nhúng&lt;/p&gt; và cuối", "Trước Sau khi nhúng và cuối")]
    [InlineData("Đầu&lt;script src=\"https://x.example/a.js\"/&gt; giữa &lt;style/&gt;cuối", "Đầu giữa cuối")]
    [InlineData("&lt;blink&gt;Nhấp&lt;/blink&gt; &lt;marquee&gt;chạy&lt;/marquee&gt; &lt;font color=red&gt;đỏ&lt;/font&gt;", "Nhấp chạy đỏ")]
    public void A_disallowed_element_is_dropped_but_the_text_around_and_inside_it_is_kept(string escapedHtml, string visible)
    {
        var e = Rss($"<description>{escapedHtml}</description>");
        Assert.Equal(visible, Visible(e.ContentText));
        Assert.DoesNotContain("iframe", e.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("script", e.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("acronym", e.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Self_closed_iframe_in_inline_xhtml_keeps_the_rest()
    {
        var e = Atom("<title>T</title><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">Trước <iframe src=\"https://x.example/\"/> sau <a name=\"m\"/>cuối</div></content>");
        Assert.Equal("Trước sau cuối", Visible(e.ContentText));
    }

    [Fact]
    public void Windows_1252_characters_in_an_iso_8859_1_feed_are_mapped()
    {
        var head = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>Caf\u00e9 news</title><item><title>");
        // 0x93 0x94 curly quotes, 0x96 en dash, 0x80 euro, 0x85 ellipsis, 0x99 trade mark: C1 controls in ISO-8859-1.
        byte[] title = [0x93, (byte)'Q', 0x94, (byte)' ', 0x96, (byte)' ', (byte)'5', 0x80, 0x85, 0x99];
        var tail = Encoding.Latin1.GetBytes("</title><link>https://example.vn/1</link></item></channel></rss>");
        var feed = new FeedParser().Parse([.. head, .. title, .. tail]);
        Assert.Equal("iso-8859-1", feed.Encoding);
        Assert.Equal("Café news", feed.Title);
        Assert.Equal("\u201CQ\u201D \u2013 5\u20AC\u2026\u2122", Assert.Single(feed.Entries).Title);
    }

    [Fact]
    public void Titles_stay_plain_text()
    {
        var e = Rss("<description>x</description>").Title;
        Assert.Equal("Tin", e);
        var hostile = Rss("<description>x</description>".Replace("x", "y", StringComparison.Ordinal));
        Assert.Equal("Tin", hostile.Title);
        var marked = Assert.Single(new FeedParser().ParseText("<rss version=\"2.0\"><channel><item><title>&lt;b&gt;Đậm&lt;/b&gt; &lt;img src=x onerror=alert(1)&gt;tin</title><link>https://example.vn/1</link></item></channel></rss>").Entries);
        Assert.Equal("Đậm tin", marked.Title);
    }
}
