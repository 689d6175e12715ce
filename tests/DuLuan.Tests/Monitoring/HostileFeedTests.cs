using System.Text;
using DuLuan.Features.Monitoring.Ingest;

namespace DuLuan.Tests.Monitoring;

public class HostileFeedTests
{
    private static ParsedFeed Parse(string fixture) => new FeedParser().Parse(FixtureFiles.Bytes(fixture));

    [Fact]
    public void Billion_laughs_never_expands()
    {
        var feed = Parse("billion-laughs.xml");
        var e = Assert.Single(feed.Entries);
        Assert.Equal("&lol9;", e.Title);
        Assert.True(feed.Title!.Length < 100);
        Assert.Contains(feed.Warnings, w => w.Contains("DOCTYPE", StringComparison.Ordinal));
    }

    [Fact]
    public void External_entities_are_never_resolved()
    {
        var feed = Parse("xxe.xml");
        var e = Assert.Single(feed.Entries);
        Assert.Equal("Bí mật &xxe;", e.Title);
        Assert.DoesNotContain("root:", e.ContentText ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_feed_is_recovered_with_warnings()
    {
        var feed = Parse("rss-malformed.xml");
        Assert.Equal("Báo Mạng Lỗi & Vui", feed.Title);
        Assert.Equal(3, feed.Entries.Count);
        var first = feed.Entries[0];
        Assert.Equal("Giá xăng giảm \u2013 lần thứ 3 trong tháng", first.Title);
        Assert.Equal("https://loi.example.vn/bai?id=1&ref=rss", first.Link);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 14, 5, 0, TimeSpan.FromHours(7)), first.Published);
        Assert.Equal("Giá xăng RON 95 giảm 300 đồng & dầu diesel giữ nguyên\u2026", first.ContentText);
        Assert.Equal("Họp báo thường kỳ tháng 11", feed.Entries[1].Title);
        Assert.Equal("https://loi.example.vn/bai?id=2", feed.Entries[1].Link);
        Assert.Equal("Không khai báo tiền tố", feed.Entries[2].Author);
        Assert.Contains(feed.Warnings, w => w.Contains("lenient parser", StringComparison.Ordinal));
        Assert.Contains(feed.Warnings, w => w.Contains("HTML named entities", StringComparison.Ordinal));
        Assert.Contains(feed.Warnings, w => w.Contains("bare or unknown '&'", StringComparison.Ordinal));
    }

    [Fact]
    public void Truncated_feed_keeps_items_read()
    {
        var feed = Parse("rss-truncated.xml");
        Assert.Equal(["Một", "Hai", "Ba"], feed.Entries.Select(e => e.Title));
        Assert.Equal("https://cut.example.vn/3", feed.Entries[2].Link);
        Assert.Contains(feed.Warnings, w => w.Contains("Malformed XML", StringComparison.Ordinal));
    }

    [Fact]
    public void Junk_after_root_is_ignored()
    {
        var feed = Parse("rss-junk-after-root.xml");
        Assert.Single(feed.Entries);
        Assert.Contains(feed.Warnings, w => w.Contains("junk after the root", StringComparison.Ordinal));
    }

    [Fact]
    public void Scripts_and_javascript_links_are_removed()
    {
        var feed = Parse("rss-xss.xml");
        Assert.Equal("XSS Kênh", feed.Title);
        var first = feed.Entries[0];
        Assert.Equal("Tin nóng", first.Title);
        Assert.Null(first.Link);
        Assert.Equal("<p>Nội dung</p><a>bấm</a>", first.Summary);
        Assert.Equal("https://xss.example.vn/2", feed.Entries[1].Link);
        Assert.Contains(feed.Warnings, w => w.Contains("unsafe or invalid link", StringComparison.Ordinal));
    }

    [Fact]
    public void Twenty_thousand_entries_are_kept_and_more_are_dropped_with_a_warning()
    {
        var sb = new StringBuilder("<rss version=\"2.0\"><channel><title>Lớn</title>");
        for (var i = 0; i < 20_050; i++)
        {
            sb.Append("<item><title>Tin số ").Append(i).Append("</title><link>https://lon.example.vn/")
                .Append(i).Append("</link><pubDate>2026-11-22 08:00</pubDate><description>&lt;p&gt;Nội dung&lt;/p&gt;</description></item>");
        }
        sb.Append("</channel></rss>");
        var before = GC.GetTotalAllocatedBytes();
        var feed = new FeedParser().Parse(Encoding.UTF8.GetBytes(sb.ToString()));
        Assert.Equal(20_000, feed.Entries.Count);
        Assert.Equal(50, feed.DroppedEntries);
        Assert.Contains(feed.Warnings, w => w.Contains("dropped 50", StringComparison.Ordinal));
        Assert.Contains(feed.Warnings, w => w.Contains("(x20000)", StringComparison.Ordinal));
        Assert.True(feed.Warnings.Count < 5);
        Assert.True(GC.GetTotalAllocatedBytes() - before < 2_000_000_000L);
    }

    [Fact]
    public void Dates_in_year_0_and_9999_are_null_with_a_warning()
    {
        var feed = new FeedParser().ParseText(
            "<rss version=\"2.0\"><channel><item><title>a</title><pubDate>0000-01-01T00:00:00Z</pubDate></item>"
            + "<item><title>b</title><pubDate>Fri, 31 Dec 9999 23:59:59 GMT</pubDate></item></channel></rss>");
        Assert.All(feed.Entries, e => Assert.Null(e.Published));
        Assert.True(feed.Warnings.Count >= 2);
    }

    [Fact]
    public void Deeply_nested_markup_does_not_crash()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 50_000)) + "sâu";
        var feed = new FeedParser().ParseText(
            "<rss version=\"2.0\"><channel><item><title>Sâu</title><description>" + System.Net.WebUtility.HtmlEncode(html)
            + "</description></item></channel></rss>");
        Assert.Equal("sâu", feed.Entries[0].ContentText);
    }

    [Fact]
    public void Random_garbage_never_throws()
    {
        var random = new Random(42);
        var parser = new FeedParser();
        var seed = FixtureFiles.Bytes("rss2-tinnhanh.xml");
        for (var i = 0; i < 200; i++)
        {
            var bytes = (byte[])seed.Clone();
            for (var k = 0; k < 20; k++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }
            var feed = parser.Parse(bytes[..random.Next(bytes.Length)]);
            Assert.NotNull(feed.Entries);
        }
    }

    [Fact]
    public void A_noncharacter_in_the_feed_is_read_not_an_unexpected_error()
    {
        // Found by the trust fuzzer: U+FFFE made NFC normalization throw and the whole feed was lost.
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Báo \uFFFE thử</title><item><title>Ngập nước ở Hòa Khánh\uFFFF</title><link>https://a.example.vn/1</link></item></channel></rss>";
        var feed = new FeedParser().Parse(Encoding.UTF8.GetBytes(xml));
        Assert.DoesNotContain(feed.Warnings, w => w.Contains("Unexpected error", StringComparison.Ordinal));
        var entry = Assert.Single(feed.Entries);
        Assert.StartsWith("Ngập nước ở Hòa Khánh", entry.Title, StringComparison.Ordinal);
    }
}
