using System.Security.Cryptography;
using System.Text;

namespace DuLuan.Infrastructure.Metrics;

public static class MetricsEndpoints
{
    public static IServiceCollection AddDuLuanMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddSingleton<DuLuanMetrics>();
        services.AddSingleton<PrometheusExporter>();
        return services;
    }

    /// <summary>
    /// /metrics answers only with "Authorization: Bearer {Metrics:Token}"; with no token configured
    /// it does not exist (404). Loopback is not trusted on its own: a reverse proxy is loopback too.
    /// </summary>
    public static void MapPrometheusMetrics(this WebApplication app)
    {
        var token = app.Configuration["Metrics:Token"];
        app.Services.GetRequiredService<PrometheusExporter>();
        app.MapGet("/metrics", (HttpRequest request, PrometheusExporter exporter) =>
        {
            if (string.IsNullOrEmpty(token))
            {
                return Results.NotFound();
            }

            var header = request.Headers.Authorization.ToString();
            var expected = Encoding.UTF8.GetBytes("Bearer " + token);
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header), expected))
            {
                return Results.Unauthorized();
            }

            return Results.Text(exporter.Render(), "text/plain; version=0.0.4; charset=utf-8");
        }).AllowAnonymous().DisableRateLimiting();
    }
}
