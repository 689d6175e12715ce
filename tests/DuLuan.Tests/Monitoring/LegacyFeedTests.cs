using System.Text;
using DuLuan.Features.Monitoring.Ingest;

namespace DuLuan.Tests.Monitoring;

public sealed class LegacyFeedTests
{
    private const string Expected = "Cộng hòa xã hội chủ nghĩa Việt Nam";

    [Theory]
    [InlineData("C\u00E9ng h\u00DFa x\u00B7 h\u00E9i ch\u00F1 ngh\u00DCa Vi\u00D6t Nam")] // TCVN3 (ABC) bytes shown as Latin-1
    [InlineData("Co\u00E4ng ho\u00F8a xa\u00F5 ho\u00E4i chu\u00FB ngh\u00F3a Vie\u00E4t Nam")] // VNI-Windows
    public void A_feed_in_a_legacy_Vietnamese_encoding_is_read_as_Unicode(string legacyTitle)
    {
        var xml = $"<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>{legacyTitle}</title><item><title>{legacyTitle}</title><link>https://example.vn/a</link></item></channel></rss>";
        var feed = new FeedParser().Parse(Encoding.Latin1.GetBytes(xml));

        Assert.Equal(Expected, feed.Title);
        Assert.Equal(Expected, feed.Entries.Single().Title);
    }

    [Fact]
    public void A_Unicode_feed_is_not_touched_by_the_legacy_detector()
    {
        var xml = $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{Expected}</title></channel></rss>";
        Assert.Equal(Expected, new FeedParser().Parse(Encoding.UTF8.GetBytes(xml)).Title);
    }
}
