using DuLuan.Features.Monitoring.Ingest;
using DuLuan.Infrastructure.Reporting;

namespace DuLuan.Features.Monitoring;

public static class MonitoringServices
{
    public static IServiceCollection AddMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Monitoring");
        services.Configure<MonitoringOptions>(section);
        var allowed = section.GetSection(nameof(MonitoringOptions.AllowedHosts)).Get<string[]>() ?? [];
        services.AddFeedIngest(o =>
        {
            foreach (var host in allowed)
            {
                o.AllowedHosts.Add(host);
            }
        });
        services.AddSingleton<StoryIndex>();
        services.AddScoped<IReportSection, MonitoringReportSection>();
        services.AddScoped<ArticleIngest>();
        services.AddScoped<FeedLeases>();
        services.AddScoped<FeedPoll>();
        services.AddScoped<AlertSweep>();
        services.AddScoped<AlertDigest>();
        services.AddScoped<MonitoringQueries>();
        services.AddScoped<ArticleSearch>();
        services.AddScoped<TopicPreview>();
        services.AddScoped<TopicSuggester>();
        services.AddSingleton<TopicModels>();
        services.AddSingleton<FeedScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<FeedScheduler>());
        services.AddHostedService<AlertService>();
        return services;
    }
}
