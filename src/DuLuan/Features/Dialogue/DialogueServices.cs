using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace DuLuan.Features.Dialogue;

public static class DialogueServices
{
    public const string AskPolicy = "dialogue-questions";
    public const string FollowUpPolicy = "dialogue-follow-up";

    public static IServiceCollection AddDialogue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DialogueWorkflow>();
        services.AddScoped<DialogueClosing>();
        services.AddScoped<Infrastructure.Portal.IPortalPages, DialoguePortalPages>();
        services.AddScoped<Infrastructure.Reporting.IReportSection, DialogueReportSection>();
        services.AddScoped<Infrastructure.Bulletins.IBulletinSource, DialogueBulletinSource>();
        var perHour = configuration.GetValue("Dialogue:QuestionsPerHour", 20);
        var lookUps = configuration.GetValue("Dialogue:FollowUpAttemptsPerHour", 30);
        services.Configure<RateLimiterOptions>(o =>
        {
            // Only posts count; the address is used in memory only, never stored.
            o.AddPolicy(AskPolicy, context => PerAddress(context, perHour));
            o.AddPolicy(FollowUpPolicy, context => PerAddress(context, lookUps));
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, int perHour)
        => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1) })
            : RateLimitPartition.GetNoLimiter("read");
}
