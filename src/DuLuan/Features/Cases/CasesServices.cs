namespace DuLuan.Features.Cases;

public static class CasesServices
{
    public static IServiceCollection AddCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkingHoursOptions>()
            .Bind(configuration.GetSection(WorkingHoursOptions.Section))
            .Validate(o => o.UrgentWorkingHours > 0 && o.NormalWorkingDays > 0 && o.ComplexWorkingDays > 0, "Working-hour allowances must be positive.")
            .Validate(o => TryCalendar(o), "Cases:WorkingHours has an unknown time zone or malformed periods.")
            .ValidateOnStart();
        services.AddScoped<Holidays>();
        services.AddScoped<CaseWorkflow>();
        services.AddScoped<CaseResponder>();
        services.AddScoped<CaseAnswerMail>();
        services.AddScoped<EscalationMail>();
        services.AddScoped<EscalationSweep>();
        services.AddHostedService<EscalationService>();
        return services;
    }

    private static bool TryCalendar(WorkingHoursOptions options)
    {
        try
        {
            _ = new WorkingCalendar(options, []);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
