using System.Threading.RateLimiting;
using DuLuan.Infrastructure.Reporting;
using Microsoft.AspNetCore.RateLimiting;

namespace DuLuan.Features.Surveys;

public static class SurveysServices
{
    public const string SubmitPolicy = "survey-submit";

    public static IServiceCollection AddSurveys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ResponseIntake>();
        services.AddScoped<SurveyResults>();
        services.AddScoped<SurveyAccess>();
        services.AddScoped<Infrastructure.Portal.IPortalPages, SurveyPortalPages>();
        services.AddScoped<IReportSection, SurveysReportSection>();
        services.AddSingleton<PublishedDefinitions>();
        services.AddScoped<SurveyShuffle>();
        services.Configure<SurveyShuffleOptions>(configuration.GetSection("Surveys"));
        services.AddHostedService<SurveyShuffleJob>();
        services.AddHostedService<SurveyRebuildJob>();
        // Generous: a commune office behind one address may send many paper responses. The address is used in memory only.
        var perMinute = configuration.GetValue("Surveys:SubmissionsPerMinute", 600);
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(SubmitPolicy, context =>
            RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) })));
        return services;
    }
}
