using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DuLuan.Features.Monitoring.Ingest;

/// <summary>Registers the ingest edge: one shared fetcher, a parser per use (it is not thread-safe).</summary>
public static class IngestServices
{
    public static IServiceCollection AddFeedIngest(this IServiceCollection services,
        Action<FeedFetcherOptions>? configureFetcher = null, FeedParserOptions? parserOptions = null)
    {
        var options = new FeedFetcherOptions();
        configureFetcher?.Invoke(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(sp => new FeedFetcher(sp.GetRequiredService<FeedFetcherOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(parserOptions ?? new FeedParserOptions());
        services.AddTransient(sp => new FeedParser(sp.GetRequiredService<FeedParserOptions>()));
        services.AddSingleton(new FetchBackoff());
        return services;
    }
}
