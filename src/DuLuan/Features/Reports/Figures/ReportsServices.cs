namespace DuLuan.Features.Reports.Figures;

public static class ReportsServices
{
    /// <summary>The figures half of periodic reports; documents and drafts register in AddReportDocuments.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddScoped<FigureQueries>();
        services.AddScoped<ReportNotes>();
        services.AddSingleton<ReportZone>();
        services.AddScoped<DrillSource>();
        services.AddScoped<DashboardQuery>();
        services.AddScoped<ReportFigureSource>();
        services.AddScoped<IReportFigureSource>(sp => sp.GetRequiredService<ReportFigureSource>());
        return services;
    }
}
