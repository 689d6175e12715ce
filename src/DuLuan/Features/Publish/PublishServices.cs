using DuLuan.Features.Publish.Channels;
using DuLuan.Infrastructure.Reporting;

namespace DuLuan.Features.Publish;

public static class PublishServices
{
    public static IServiceCollection AddPublish(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublishOptions>()
            .Bind(configuration.GetSection(PublishOptions.Section))
            .Validate(o => Uri.TryCreate(o.FacebookBaseUrl, UriKind.Absolute, out _) && Uri.TryCreate(o.ZaloBaseUrl, UriKind.Absolute, out _) && Uri.TryCreate(o.PortalBaseUrl, UriKind.Absolute, out _), "Publish: base URLs must be absolute.")
            .Validate(o => o.MaxAttempts is > 0 and <= 20 && o.BackoffSeconds > 0 && o.TimeoutSeconds > 0 && o.LeaseSeconds > o.TimeoutSeconds && o.MetricsPullMinutes >= 0 && o.MetricsPullDays is > 0 and <= 730, "Publish: attempts 1-20, back-off and timeout positive, lease longer than the timeout, metrics pull minutes not negative, pull days 1-730.")
            .ValidateOnStart();
        services.AddHttpClient(ConnectorHttp.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.AddSingleton<IChannelConnector, FacebookConnector>();
        services.AddSingleton<IChannelConnector, ZaloConnector>();
        services.AddSingleton<TokenVault>();
        services.AddScoped<IReportSection, PublishReportSection>();
        services.AddSingleton<IMonthlySumSource, PublishReportSums>();
        services.AddScoped<ChannelLimits>();
        services.AddScoped<PostWorkflow>();
        services.AddScoped<Infrastructure.Approval.IOfficialApproval, OfficialApprovalService>();
        services.AddScoped<Infrastructure.Bulletins.IBulletinSource, PostBulletinSource>();
        services.AddScoped<PostLeases>();
        services.AddScoped<PostPublisher>();
        services.AddScoped<Metrics.MetricsImport>();
        services.AddSingleton<IMetricsConnector, FacebookInsights>();
        services.AddScoped<Metrics.MetricsPuller>();
        services.AddSingleton<Metrics.MetricsPullJob>();
        services.AddHostedService(s => s.GetRequiredService<Metrics.MetricsPullJob>());
        services.AddSingleton<Portal.PortalCacheEviction>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(s => s.GetRequiredService<Portal.PortalCacheEviction>());
        services.AddSingleton<PublishJob>();
        services.AddHostedService(s => s.GetRequiredService<PublishJob>());
        return services;
    }
}
