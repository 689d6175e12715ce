using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace DuLuan.Features.Concerns.Open311;

public static class Open311Services
{
    public const string Policy = "open311";

    public static IServiceCollection AddOpen311(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ApiKeys>();
        var perHour = configuration.GetValue("Open311:PostsPerHour", 600);
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
            // Clients post for many residents, so the limit is higher than the portal's; the address is used in memory only.
            ? RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1) })
            : RateLimitPartition.GetNoLimiter("read")));
        return services;
    }
}
