namespace DuLuan.Features.Reports.Figures;

public static class ReportsServices
{
    /// <summary>
    /// The figures half of periodic reports; documents and drafts register in AddReportDocuments. The sections and
    /// the monthly sums' sources are registered by their capabilities (IReportSection, IMonthlySumSource).
    /// </summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddScoped<ReportNotes>();
        services.AddSingleton<ReportZone>();
        services.AddScoped<DrillSource>();
        services.AddScoped<DashboardQuery>();
        services.AddScoped<ReportTally>();
        services.AddScoped<ReportFigureSource>();
        services.AddScoped<Sums.ReportSums>();
        services.AddScoped<Sums.ReportSumsBuilder>();
        services.AddScoped<Infrastructure.Reporting.IRunningTotals, Sums.RunningTotals>();
        services.AddSingleton<Sums.ReportSumsInterceptor>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(s => s.GetRequiredService<Sums.ReportSumsInterceptor>());
        services.AddHostedService<Sums.ReportSumsStartup>();
        services.AddScoped<IReportFigureSource>(sp => sp.GetRequiredService<ReportFigureSource>());
        return services;
    }
}
