using DuLuan.Infrastructure.Observers;
using DuLuan.Infrastructure.Portal;
using DuLuan.Infrastructure.Reporting;

namespace DuLuan.Features.Claims;

public static class ClaimsServices
{
    public static IServiceCollection AddClaims(this IServiceCollection services)
    {
        services.AddScoped<IReportSection, ClaimsReportSection>();
        services.AddScoped<ClaimEditor>();
        services.AddScoped<Infrastructure.Bulletins.IBulletinSource, RebuttalBulletinSource>();
        services.AddScoped<ClaimPublication>();
        services.AddScoped<ClaimSources>();
        services.AddScoped<ClaimMatcher>();
        services.AddScoped<ClaimRebuttals>();
        services.AddScoped<ClaimPortal>();
        services.AddSingleton<ClaimObserver>();
        services.AddSingleton<IStoryObserver>(sp => sp.GetRequiredService<ClaimObserver>());
        services.AddSingleton<IConcernObserver>(sp => sp.GetRequiredService<ClaimObserver>());
        services.AddSingleton<IPortalContent, ClaimPortalContent>();
        services.AddScoped<IPortalPages, ClaimPortalPages>();
        return services;
    }
}
