using DuLuan.Infrastructure.Reporting;

namespace DuLuan.Features.Concerns.Cases;

public static class CasesServices
{
    public static IServiceCollection AddCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkingHoursOptions>()
            .Bind(configuration.GetSection(WorkingHoursOptions.Section))
            .Validate(o => o.UrgentWorkingHours > 0 && o.NormalWorkingDays > 0 && o.ComplexWorkingDays > 0, "Working-hour allowances must be positive.")
            .Validate(o => TryCalendar(o), "Cases:WorkingHours has malformed periods or no working day.")
            .ValidateOnStart();
        services.AddScoped<Holidays>();
        services.AddScoped<CaseWorkflow>();
        services.AddScoped<Infrastructure.Portal.IPortalPages, AnsweredPortalPages>();
        services.AddScoped<Infrastructure.Bulletins.IBulletinSource, AnsweredCaseBulletinSource>();
        services.AddScoped<Infrastructure.Cases.ICaseOpener, CaseOpener>();
        services.AddScoped<Infrastructure.Dialogue.IDialogueTopicSource, ConcernTopicSource>();
        services.AddScoped<CaseList>();
        services.AddSingleton<AgencyFiguresCache>();
        services.AddOptions<AgencyFiguresOptions>().Bind(configuration.GetSection(AgencyFiguresOptions.Section))
            .Validate(o => o.Minutes >= 0, "Cases:AgencyFigures:Minutes must be 0 (off) or more.").ValidateOnStart();
        services.AddScoped<AgencyFiguresPass>();
        services.AddHostedService<AgencyFiguresJob>();
        services.AddScoped<Infrastructure.Jobs.IStartupWarmup, AnsweredWarmup>();
        services.AddScoped<CaseResponder>();
        services.AddScoped<CaseAnswerMail>();
        services.AddScoped<EscalationMail>();
        services.AddScoped<EscalationSweep>();
        services.AddHostedService<EscalationService>();
        services.AddScoped<IReportSection, ConcernsReportSection>();
        services.AddSingleton<IMonthlySumSource, ConcernsReportSums>();
        services.AddSingleton<IMonthlySumSource, CaseStatusTotals>();
        return services;
    }

    private static bool TryCalendar(WorkingHoursOptions options)
    {
        try
        {
            _ = new WorkingCalendar(options, [], TimeZoneInfo.Utc);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
