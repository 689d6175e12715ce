using System.Security.Cryptography;
using System.Text;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DuLuan.Infrastructure.Metrics;

/// <summary>
/// Metrics and traces through OpenTelemetry: our meter, ASP.NET Core, Kestrel, rate limiting, HttpClient and Npgsql.
/// Prometheus scrapes /metrics; an OTLP collector receives both when <c>OpenTelemetry:OtlpEndpoint</c> is set.
/// </summary>
public static class MetricsEndpoints
{
    public const string Path = "/metrics";

    private static readonly string[] Meters = [DuLuanMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting"];

    public static IServiceCollection AddDuLuanMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddSingleton<DuLuanMetrics>();
        var otlp = configuration["OpenTelemetry:OtlpEndpoint"];
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("duluan"))
            .WithMetrics(m =>
            {
                m.AddMeter(Meters).AddHttpClientInstrumentation().AddNpgsqlInstrumentation();
                // No scope or target-info labels: a series is named by its metric and its own tags only.
                m.AddPrometheusExporter(o =>
                {
                    o.ScopeInfoEnabled = false;
                    o.TargetInfoEnabled = false;
                });
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    m.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
            });
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddNpgsql()
                .AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        }

        return services;
    }

    /// <summary>
    /// /metrics answers only with "Authorization: Bearer {Metrics:Token}"; with no token configured
    /// it does not exist (404). Loopback is not trusted on its own: a reverse proxy is loopback too.
    /// </summary>
    public static void MapPrometheusMetrics(this WebApplication app)
    {
        var token = app.Configuration["Metrics:Token"];
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            if (string.IsNullOrEmpty(token))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var header = context.Request.Headers.Authorization.ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header), Encoding.UTF8.GetBytes("Bearer " + token)))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            await next(context);
        }), optionsName: null).AllowAnonymous().DisableRateLimiting();
    }
}
