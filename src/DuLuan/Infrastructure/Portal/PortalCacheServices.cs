using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DuLuan.Infrastructure.Portal;

public static class PortalCacheServices
{
    /// <summary>The portal's output-cache policy and the interceptor that evicts it; capabilities add their <see cref="IPortalContent"/>.</summary>
    public static IServiceCollection AddPortalCache(this IServiceCollection services)
    {
        services.AddOutputCache(o => o.AddPolicy(PortalCachePolicy.Name, PortalCachePolicy.Instance));
        services.AddSingleton<PortalCacheEviction>();
        services.AddSingleton<IInterceptor>(s => s.GetRequiredService<PortalCacheEviction>());
        return services;
    }
}
