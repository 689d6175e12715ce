using DuLuan.Infrastructure.Reporting;

namespace DuLuan.Features.Opinions;

public static class OpinionsServices
{
    public static IServiceCollection AddOpinions(this IServiceCollection services)
    {
        services.AddScoped<OpinionFiling>();
        services.AddScoped<OpinionReportList>();
        services.AddScoped<Briefings>();
        services.AddScoped<Infrastructure.Dialogue.IDialogueTopicSource, OpinionTopicSource>();
        services.AddScoped<Cadences>();
        services.AddScoped<IReportSection, OpinionsReportSection>();
        return services;
    }
}
