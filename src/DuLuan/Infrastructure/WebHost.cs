using DuLuan.Data;
using DuLuan.Features.Account;
using DuLuan.Features.Audit;
using DuLuan.Features.Bulletins;
using DuLuan.Features.Claims;
using DuLuan.Features.Dialogue;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Concerns.Open311;
using DuLuan.Features.Members;
using DuLuan.Features.Monitoring;
using DuLuan.Features.Opinions;
using DuLuan.Features.PublicSite;
using DuLuan.Features.Publish;
using DuLuan.Features.Reports.Drafts;
using DuLuan.Features.Reports.Figures;
using DuLuan.Features.Surveys;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Mail;
using DuLuan.Infrastructure.Metrics;
using DuLuan.Infrastructure.Portal;
using DuLuan.Infrastructure.Text;
using DuLuan.Infrastructure.Time;
using Microsoft.AspNetCore.DataProtection;

namespace DuLuan.Infrastructure;

/// <summary>Composition root of the web host, shared by `serve`, `demo` and the tests.</summary>
public static class WebHost
{
    public static WebApplication Build(WebHostSettings settings, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Settings are read once at start; watching appsettings files for changes would cost an inotify
            // instance per host (a per-user limit of 128 on Linux) for nothing.
            Args = [.. settings.Args, "--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
            // Pages live in this assembly even when a test or benchmark is the entry assembly.
            ApplicationName = typeof(WebHost).Assembly.GetName().Name,
        });
        // The same DULUAN_* variables the verbs read (CliHost), so one environment file configures the service.
        builder.Configuration.AddEnvironmentVariables("DULUAN_");
        builder.Configuration.AddInMemoryCollection(settings.Overrides);
        // Each is a no-op elsewhere: under systemd (Type=notify) it reports readiness and stopping; as a Windows
        // service it answers the service control manager.
        builder.Host.UseSystemd();
        builder.Host.UseWindowsService();
        // UseSystemd switches the console to systemd's plain format; the logs stay JSON lines as configured.
        builder.Services.PostConfigure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o =>
            o.FormatterName = builder.Configuration["Logging:Console:FormatterName"] ?? o.FormatterName);
        builder.WebHost.UseUrls(settings.Urls);
        // No "Server: Kestrel" banner: it tells an attacker what to look up.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Services.AddDuLuanServices(builder.Configuration, settings.Database);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseDuLuanPipeline();
        return app;
    }

    public static IServiceCollection AddDuLuanServices(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        services.AddDuLuanCore(configuration, database);
        services.AddDuLuanWeb(configuration, configuration.GetValue("Security:SecureCookies", false));
        services.AddFallbackAuthorization();
        return services;
    }

    /// <summary>Everything but the HTTP pipeline: also used by CLI verbs.</summary>
    public static IServiceCollection AddDuLuanCore(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        var secureCookies = configuration.GetValue("Security:SecureCookies", false);
        services.AddSingleton(TimeProvider.System);
        services.AddOfficeTime(configuration);
        services.AddHttpContextAccessor();
        services.AddDuLuanData(database);
        services.AddDataProtection().SetApplicationName("DuLuan").PersistKeysToDbContext<AppDbContext>();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddPluralStrings();
        services.AddAccount(secureCookies);
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditText>();
        services.AddScoped<UnitScope>();
        services.AddScoped<StaffNavigation>();
        services.AddScoped<Navigation.IStaffLinks>(s => s.GetRequiredService<StaffNavigation>());
        services.AddScoped<MemberNames>();
        services.AddScoped<MemberAdmin>();
        services.AddScoped<MemberAccounts>();
        services.AddUnits();
        services.AddMail(configuration);
        services.AddCases(configuration);
        services.AddConcerns(configuration);
        services.AddMonitoring(configuration);
        services.AddOpinions();
        services.AddOpen311(configuration);
        services.AddSurveys(configuration);
        services.AddClaims();
        services.AddPortalCache();
        services.AddPublish(configuration);
        services.AddPublicSite();
        services.AddBulletins(configuration);
        services.AddDialogue(configuration);
        services.AddReports(configuration);
        services.AddReportDocuments(configuration);
        services.AddDuLuanMetrics(configuration);
        return services;
    }
}
