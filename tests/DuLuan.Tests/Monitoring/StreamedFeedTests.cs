using DuLuan.Features.Monitoring.Ingest;

namespace DuLuan.Tests.Monitoring;

/// <summary>The streamed reading FeedPoll uses gives exactly the entries of the whole-document reading, for every fixture.</summary>
public sealed class StreamedFeedTests
{
    [Fact]
    public void Every_fixture_streams_the_same_entries_as_the_whole_document_parse()
    {
        var files = Directory.GetFiles(Path.GetDirectoryName(FixtureFiles.PathOf("x"))!);
        Assert.True(files.Length >= 10);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
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
}
