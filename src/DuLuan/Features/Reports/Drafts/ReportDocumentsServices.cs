using DuLuan.Features.Reports.Documents;

namespace DuLuan.Features.Reports.Drafts;

public static class ReportDocumentsServices
{
    /// <summary>The documents half of periodic reports: DOCX/PDF, drafts, templates, period-end generation.</summary>
    public static IServiceCollection AddReportDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportOptions>()
            .Bind(configuration.GetSection(ReportOptions.Section))
            .Validate(o => o.PdfTimeoutSeconds is > 0 and <= 3600 && o.PdfConcurrency is > 0 and <= 16 && o.JobSeconds >= 0 && o.LeaseSeconds > o.PdfTimeoutSeconds,
                "Reports: PDF timeout 1-3600 s, concurrency 1-16, job interval >= 0, lease longer than the PDF timeout.")
            .ValidateOnStart();
        services.AddSingleton<PdfConverter>();
        services.AddHostedService<PdfSandboxCheck>();
        services.AddScoped<ReportGenerator>();
        services.AddScoped<ReportDraftAccess>();
        services.AddScoped<ReportRuns>();
        services.AddSingleton<ReportScheduler>();
        services.AddHostedService(s => s.GetRequiredService<ReportScheduler>());
        return services;
    }
}
