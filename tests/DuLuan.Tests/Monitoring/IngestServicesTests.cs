using DuLuan.Features.Monitoring.Ingest;
using Microsoft.Extensions.DependencyInjection;

namespace DuLuan.Tests.Monitoring;

public class IngestServicesTests
{
    [Fact]
    public void Registers_a_shared_fetcher_and_a_parser_per_use()
    {
        using var provider = new ServiceCollection()
            .AddFeedIngest(o => o.AllowedHosts.Add("intranet.example"))
            .BuildServiceProvider();
        Assert.Same(provider.GetRequiredService<FeedFetcher>(), provider.GetRequiredService<FeedFetcher>());
        Assert.NotSame(provider.GetRequiredService<FeedParser>(), provider.GetRequiredService<FeedParser>());
        Assert.Contains("intranet.example", provider.GetRequiredService<FeedFetcherOptions>().AllowedHosts);
        Assert.Equal(TimeSpan.FromMinutes(15), provider.GetRequiredService<FetchBackoff>().Base);
    }
}
