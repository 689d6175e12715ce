using System.Globalization;
using System.Threading.RateLimiting;
using DuLuan.Features.Concerns.Cases;
using Microsoft.AspNetCore.RateLimiting;

namespace DuLuan.Features.Concerns.Intake;

public static class ConcernsServices
{
    public const string PortalPolicy = "concern-portal";

    public const string FollowUpPolicy = "concern-follow-up";

    public static IServiceCollection AddConcerns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConcernOptions>()
            .Bind(configuration.GetSection(ConcernOptions.Section))
            .Validate(o => o.MinimumFillSeconds >= 0 && o.SubmissionsPerHour > 0 && o.FollowUpAttemptsPerHour > 0 && o.ContactRetentionDays >= 0 && o.UnlinkedContactRetentionDays >= 0, "Concerns settings must not be negative.")
            .ValidateOnStart();
        services.AddScoped<ConcernIntake>();
        services.AddScoped<Infrastructure.Portal.IPortalPages, ConcernPortalPages>();
        services.AddScoped<Infrastructure.Concerns.IConcernFiling, ConcernFiling>();
        services.AddScoped<CaseMatcher>();
        services.AddScoped<Routing.CategoryCatalog>();
        services.AddScoped<Routing.CaseRouter>();
        services.AddScoped<Routing.CategorySuggester>();
        services.AddSingleton<Routing.CategoryModels>();
        services.AddScoped<ContactPurge>();
        services.AddHostedService<ContactPurgeJob>();
        services.AddSingleton<ContactVault>();
        services.AddSingleton<FormTimestamp>();
        var perHour = configuration.GetValue($"{ConcernOptions.Section}:SubmissionsPerHour", new ConcernOptions().SubmissionsPerHour);
        var lookUpsPerHour = configuration.GetValue($"{ConcernOptions.Section}:FollowUpAttemptsPerHour", new ConcernOptions().FollowUpAttemptsPerHour);
        services.Configure<RateLimiterOptions>(o =>
        {
            // Only posts count: reading the form is free. The address is used in memory only, never stored.
            o.AddPolicy(PortalPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1) })
                : RateLimitPartition.GetNoLimiter("read"));

            // Every code typed counts, right or wrong, so guessing codes is slow; the address stays in memory only.
            o.AddPolicy(FollowUpPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = lookUpsPerHour, Window = TimeSpan.FromHours(1) })
                : RateLimitPartition.GetNoLimiter("read"));
            o.OnRejected ??= (rejected, _) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
        });
        return services;
    }
}
