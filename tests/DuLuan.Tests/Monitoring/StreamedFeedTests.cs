using DuLuan.Features.Monitoring.Ingest;

namespace DuLuan.Tests.Monitoring;

/// <summary>
/// The streamed reading FeedPoll uses gives exactly the entries of the whole-document reading, for every fixture and for
/// documents on either side of the direct path (issue #21: a clean UTF-8 document is read from its bytes, never decoded
/// and repaired as text).
/// </summary>
public sealed class StreamedFeedTests
{
    [Fact]
    public void Every_fixture_streams_the_same_entries_as_the_whole_document_parse()
    {
        var files = Directory.GetFiles(Path.GetDirectoryName(FixtureFiles.PathOf("x"))!);
        Assert.True(files.Length >= 10);
        foreach (var file in files)
        {
            StreamsTheSameEntries(File.ReadAllBytes(file));
        }
        Assert.Contains(files, f => CleanUtf8Document.Accepts(File.ReadAllBytes(f), null));
    }

    private const string ItemStart = "<item><title>Mưa lớn ở Hòa Khánh</title><link>https://bao.example.vn/1.html</link><description>";

    private const string ItemEnd = "</description><pubDate>Mon, 07 Dec 2026 08:00:00 GMT</pubDate></item>";

    [Theory]
    [InlineData("Giá xăng &amp; dầu &lt;b&gt;tăng&lt;/b&gt; &#7897; &#x1EA1;", true)]
    [InlineData("<![CDATA[<p>Giá&nbsp;xăng & dầu</p>]]>", true)]
    [InlineData("Giá&nbsp;xăng", false)]
    [InlineData("Giá xăng & dầu", false)]
    [InlineData("Giá xăng &#0; dầu", false)]
    [InlineData("Giá xăng \u0001 dầu", false)]
    [InlineData("Gia\u0301 xăng", false)]
    [InlineData("Giá xăng \uFFFE", false)]
    public void A_document_is_read_from_its_bytes_only_when_the_text_path_would_change_nothing(string description, bool direct)
    {
        var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Tin</title>" +
            ItemStart + System.Text.RegularExpressions.Regex.Unescape(description) + ItemEnd + "</channel></rss>";
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        Assert.Equal(direct, CleanUtf8Document.Accepts(bytes, null));
        Assert.False(CleanUtf8Document.Accepts(bytes, "windows-1258"));
        StreamsTheSameEntries(bytes);
        StreamsTheSameEntries(System.Text.Encoding.UTF8.GetBytes("<!DOCTYPE rss>" + text[text.IndexOf("<rss", StringComparison.Ordinal)..]));
        Assert.False(CleanUtf8Document.Accepts(System.Text.Encoding.UTF8.GetBytes("<!DOCTYPE rss>" + text[text.IndexOf("<rss", StringComparison.Ordinal)..]), null));
    }

    private static void StreamsTheSameEntries(byte[] bytes)
    {
        var url = new Uri("https://bao.example.vn/rss");
        var whole = new FeedParser().Parse(bytes, null, url);
        var streamed = new FeedParser().ParseStreaming(bytes, null, url);
        Assert.Equal(whole.Format, streamed.Format);
        Assert.Equal(whole.Entries.Count, streamed.EntryCount);
        var entries = streamed.Entries.ToList();
        Assert.Equal(whole.Entries.Count, entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.Equivalent(whole.Entries[i], entries[i], strict: true);
        }
    }
}
