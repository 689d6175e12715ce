using DuLuan.Features.Monitoring.Ingest;

namespace DuLuan.Tests.Monitoring;

public class FeedParserTests
{
    private static ParsedFeed Parse(string fixture, string? charset = null, string? url = null) =>
        new FeedParser().Parse(FixtureFiles.Bytes(fixture), charset, url is null ? null : new Uri(url));

    [Fact]
    public void Rss2_reads_channel_and_items()
    {
        var feed = Parse("rss2-tinnhanh.xml");
        Assert.Equal(FeedFormat.Rss2, feed.Format);
        Assert.Equal("Thời sự - Báo Tin Nhanh", feed.Title);
        Assert.Equal("https://tinnhanh.example.vn/thoi-su", feed.Link);
        Assert.Equal("Tin thời sự trong nước & quốc tế", feed.Description);
        Assert.Equal("vi-VN", feed.Language);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 15, 10, 0, TimeSpan.FromHours(7)), feed.Updated);
        Assert.Equal(3, feed.Entries.Count);

        var first = feed.Entries[0];
        Assert.Equal("tinnhanh-4801", first.Id);
        Assert.Equal("Đà Nẵng mở rộng tuyến xe buýt đến các xã vùng cao", first.Title);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 8, 30, 0, TimeSpan.FromHours(7)), first.Published);
        Assert.Equal(["Giao thông", "Đà Nẵng"], first.Categories);
        Assert.Equal("Minh Anh", first.Author);
        Assert.Contains("src=\"https://tinnhanh.example.vn/anh/xe-buyt.jpg\"", first.Summary, StringComparison.Ordinal);
        Assert.Contains("href=\"https://tinnhanh.example.vn/da-nang-mo-rong-xe-buyt-4801.html\"", first.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", first.Summary, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Từ tháng 12", first.ContentText, StringComparison.Ordinal);
    }

    [Fact]
    public void Rss2_relative_link_resolves_against_channel_link_and_content_is_sanitised()
    {
        var second = Parse("rss2-tinnhanh.xml", url: "https://cdn.other.example/rss").Entries[1];
        Assert.Equal("https://tinnhanh.example.vn/ha-noi-lay-y-kien-quy-hoach-4802.html", second.Link);
        Assert.Equal("https://tinnhanh.example.vn/ha-noi-lay-y-kien-quy-hoach-4802.html", second.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 14, 5, 0, TimeSpan.Zero), second.Published);
        Assert.Contains("<strong>đến hết ngày 30/11</strong>", second.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("script", second.Content, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("steal", second.ContentText, StringComparison.Ordinal);
        Assert.Equal("Người dân có thể góp ý đến hết ngày 30/11.\n\nHình thức: trực tuyến hoặc tại trụ sở phường.", second.ContentText);
        Assert.Contains("<b>trực tuyến</b>", second.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Rss2_date_without_seconds_is_read()
    {
        var third = Parse("rss2-tinnhanh.xml").Entries[2];
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(7)), third.Published);
        Assert.Equal("https://tinnhanh.example.vn/gia-lua-tang-4803.html", third.Id);
    }

    [Fact]
    public void Atom_reads_xml_base_html_titles_xhtml_content_and_people()
    {
        var feed = Parse("atom-congthongtin.xml");
        Assert.Equal(FeedFormat.Atom, feed.Format);
        Assert.Equal("Cổng thông tin tỉnh - Tin tức", feed.Title);
        Assert.Equal("https://congthongtin.example.gov.vn/", feed.Link);
        Assert.Equal("Tin hoạt động của Ủy ban nhân dân tỉnh", feed.Description);
        var e = feed.Entries[0];
        Assert.Equal("Hội nghị tiếp xúc cử tri xã Tân Phú", e.Title);
        Assert.Equal("https://congthongtin.example.gov.vn/tin-tuc/hoi-nghi-tiep-xuc-cu-tri.html", e.Link);
        Assert.Equal("Văn phòng UBND tỉnh", e.Author);
        Assert.Equal(["cu-tri"], e.Categories);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 15, 0, TimeSpan.FromHours(7)), e.Published);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero), e.Updated);
        Assert.Contains("href=\"https://congthongtin.example.gov.vn/kien-nghi/12\"", e.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("style", e.Content, StringComparison.Ordinal);
        Assert.Contains("Phản hồi trong 15 ngày.", e.ContentText, StringComparison.Ordinal);

        var second = feed.Entries[1];
        Assert.Equal("https://congthongtin.example.gov.vn/thong-bao/lich-tiep-cong-dan-12.html", second.Link);
        Assert.Equal(second.Updated, second.Published);
        Assert.Equal("<p>Lịch tiếp công dân định kỳ.</p>", second.Content);
    }

    [Fact]
    public void Atom03_is_read()
    {
        var feed = Parse("atom03.xml");
        Assert.Equal(FeedFormat.Atom, feed.Format);
        Assert.Equal("http://atom03.example.vn/", feed.Link);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero), feed.Updated);
        var e = Assert.Single(feed.Entries);
        Assert.Equal("Tòa soạn", e.Author);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.FromHours(7)), e.Published);
        Assert.Equal("<p>Nội dung <i>cũ</i></p>", e.Content);
    }

    [Fact]
    public void Rdf_rss1_reads_items_outside_channel_and_dublin_core()
    {
        var feed = Parse("rdf-baodiaphuong.xml");
        Assert.Equal(FeedFormat.Rss1, feed.Format);
        Assert.Equal("vi", feed.Language);
        Assert.Equal(2, feed.Entries.Count);
        Assert.Equal("https://baodiaphuong.example.vn/bai/1", feed.Entries[0].Id);
        Assert.Equal(["Dân sinh"], feed.Entries[0].Categories);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.FromHours(7)), feed.Entries[1].Published);
    }

    [Fact]
    public void Rss091_latin1_is_read()
    {
        var feed = Parse("rss091.xml");
        Assert.Equal(FeedFormat.Rss2, feed.Format);
        Assert.Equal("Café news", feed.Entries[0].Title);
        Assert.Equal("iso-8859-1", feed.Encoding);
    }

    [Fact]
    public void JsonFeed_is_read()
    {
        var feed = Parse("jsonfeed-anphu.json");
        Assert.Equal(FeedFormat.JsonFeed, feed.Format);
        Assert.Equal("Bản tin Phường An Phú", feed.Title);
        Assert.Equal("https://anphu.example.vn/", feed.Link);
        var first = feed.Entries[0];
        Assert.Equal("101", first.Id);
        Assert.Equal("https://anphu.example.vn/tin/101", first.Link);
        Assert.Equal("UBND phường An Phú", first.Author);
        Assert.Equal(["điện", "thông báo"], first.Categories);
        Assert.Equal("<p>Cắt điện từ <b>7:00</b> đến 11:00.</p>", first.Content);
        var second = feed.Entries[1];
        Assert.Equal("Tiêm chủng cho trẻ dưới 5 tuổi tại trạm y tế.", second.ContentText);
        Assert.Equal("Trạm y tế", second.Author);
        Assert.Empty(feed.Warnings);
    }

    [Fact]
    public void Broken_json_keeps_what_it_can_and_warns()
    {
        var feed = new FeedParser().ParseText("{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[{\"id\":1,");
        Assert.Contains(feed.Warnings, w => w.Contains("Broken JSON", StringComparison.Ordinal));
    }

    [Fact]
    public void Windows1258_declared_in_xml_is_decoded_to_nfc()
    {
        var feed = Parse("rss-windows1258.xml");
        Assert.Equal("windows-1258", feed.Encoding);
        Assert.Equal("Tin tỉnh Quảng Trị", feed.Title);
        var e = Assert.Single(feed.Entries);
        Assert.Equal("Người dân đón Tết an toàn", e.Title);
        Assert.True(e.Title!.IsNormalized(System.Text.NormalizationForm.FormC));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 8, 30, 0, TimeSpan.FromHours(7)), e.Published);
        Assert.Contains(feed.Warnings, w => w.Contains("UTC+7", StringComparison.Ordinal));
    }

    [Fact]
    public void Http_charset_beats_xml_declaration()
    {
        Assert.Equal("Tiếng Việt", Parse("rss-declared-latin1.xml", charset: "utf-8").Title);
        Assert.NotEqual("Tiếng Việt", Parse("rss-declared-latin1.xml").Title);
    }

    [Fact]
    public void Bom_beats_http_charset()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(FixtureFiles.Bytes("rss-declared-latin1.xml")).ToArray();
        Assert.Equal("Tiếng Việt", new FeedParser().Parse(bytes, "windows-1252").Title);
    }

    [Fact]
    public void Invalid_utf8_is_replaced_and_warned()
    {
        var feed = Parse("rss-invalid-utf8.xml");
        Assert.Contains('\uFFFD', feed.Title!);
        Assert.Single(feed.Entries);
        Assert.Contains(feed.Warnings, w => w.Contains("Invalid UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Legacy_detector_hook_is_called_for_non_unicode_bytes()
    {
        byte[]? seen = null;
        var parser = new FeedParser(new FeedParserOptions
        {
            LegacyDecoder = b =>
            {
                seen = b;
                return "<rss version=\"2.0\"><channel><title>Đã chuyển mã</title></channel></rss>";
            },
        });
        var feed = parser.Parse(FixtureFiles.Bytes("rss-windows1258.xml"));
        Assert.NotNull(seen);
        Assert.Equal("Đã chuyển mã", feed.Title);
        Assert.Equal("legacy-vietnamese", feed.Encoding);
    }

    [Fact]
    public void Utf16_with_bom_is_read()
    {
        var text = "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss version=\"2.0\"><channel><title>Hội An</title></channel></rss>";
        var bytes = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(text)).ToArray();
        Assert.Equal("Hội An", new FeedParser().Parse(bytes).Title);
    }

    [Fact]
    public void Not_a_feed_is_reported_not_thrown()
    {
        var feed = new FeedParser().ParseText("<html><body><p>Trang chủ</p></body></html>");
        Assert.Equal(FeedFormat.Unknown, feed.Format);
        Assert.Contains(feed.Warnings, w => w.Contains("Not a recognised feed", StringComparison.Ordinal));
        Assert.Equal(FeedFormat.Unknown, new FeedParser().Parse([]).Format);
    }

    [Fact]
    public void Utf16_without_bom_is_detected()
    {
        var text = "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss version=\"2.0\"><channel><title>Huế</title></channel></rss>";
        Assert.Equal("Huế", new FeedParser().Parse(System.Text.Encoding.BigEndianUnicode.GetBytes(text)).Title);
        Assert.Equal("Huế", new FeedParser().Parse(System.Text.Encoding.Unicode.GetBytes(text)).Title);
    }

    [Fact]
    public void Relative_links_fall_back_to_the_feed_url_without_a_channel_link()
    {
        var feed = new FeedParser().ParseText(
            "<rss version=\"2.0\"><channel><title>t</title><item><title>a</title><link>../bai/1.html</link>"
            + "<description>&lt;img src=\"anh.jpg\"&gt;</description></item></channel></rss>",
            new Uri("https://tinh.example.vn/rss/tin.xml"));
        Assert.Equal("https://tinh.example.vn/bai/1.html", feed.Entries[0].Link);
        Assert.Equal("<img src=\"https://tinh.example.vn/rss/anh.jpg\">", feed.Entries[0].Summary);
    }

    [Fact]
    public void Media_rss_and_itunes_fields_do_not_replace_the_entry_fields()
    {
        var feed = new FeedParser().ParseText(
            "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">"
            + "<channel><title>Kênh</title><itunes:title>Sai</itunes:title><item>"
            + "<media:title>Ảnh minh họa</media:title><media:description>chú thích</media:description>"
            + "<media:content url=\"https://x.example.vn/a.jpg\"><media:title>lồng</media:title></media:content>"
            + "<title>Tiêu đề thật</title><description>Tóm tắt thật</description></item></channel></rss>");
        Assert.Equal("Kênh", feed.Title);
        Assert.Equal("Tiêu đề thật", feed.Entries[0].Title);
        Assert.Equal("Tóm tắt thật", feed.Entries[0].Summary);
        Assert.Null(feed.Entries[0].Content);
    }

    [Fact]
    public void Mixed_case_doctype_is_removed_too()
    {
        var feed = new FeedParser().ParseText(
            "<!DocType rss [<!ENTITY a \"AAAAAAAAAA\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
            + "<rss version=\"2.0\"><channel><title>&b;</title></channel></rss>");
        Assert.Equal("&b;", feed.Title);
    }

    [Fact]
    public void Empty_document_says_so()
    {
        var feed = new FeedParser().Parse("   \n"u8.ToArray());
        Assert.Equal(FeedFormat.Unknown, feed.Format);
        Assert.Contains(feed.Warnings, w => w.Contains("Empty document", StringComparison.Ordinal));
    }

    [Fact]
    public void Undeclared_media_prefix_is_still_skipped_in_lenient_mode()
    {
        var feed = new FeedParser().ParseText(
            "<rss version=\"2.0\"><channel><item><media:description>chú thích ảnh</media:description>"
            + "<title>Tin</title><description>Tóm tắt</description></item></channel></rss>");
        Assert.Equal("Tóm tắt", feed.Entries[0].Summary);
        Assert.Contains(feed.Warnings, w => w.Contains("lenient parser", StringComparison.Ordinal));
    }
}
