using DuLuan.Data;
using DuLuan.Features.Account;
using DuLuan.Features.Concerns.Open311;
using DuLuan.Features.Monitoring;
using DuLuan.Features.Surveys;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Infrastructure;

public static class Pipeline
{
    public static WebApplication UseDuLuanPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.Use(async (context, next) =>
        {
            // Every page and endpoint answers GET, HEAD or POST. Any other method (TRACE, OPTIONS, PUT, PROPFIND...) ran a
            // Razor page with no handler: its access check skipped, the page shell rendered to a read-only role, or a 500.
            var method = context.Request.Method;
            if (!(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsPost(method)))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = "GET, HEAD, POST";
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(new Text.Message("Error.MethodNotAllowed").Both());
                return;
            }

            await next(context);
        });
        app.UseExceptionHandler(ProblemDetailsExceptionHandler.Configure);
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.Use((context, next) =>
        {
            // The API answers with its own status codes and problem+json, never the error page.
            if (context.Request.IsApi() && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return next(context);
        });
        app.Use(async (context, next) =>
        {
            // A NUL character has no meaning in any field, and PostgreSQL text cannot hold one (it failed with 500):
            // dropped from the query string, refused in the path.
            if (context.Request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(new Text.Message("Error.NulInPath").Both());
                return;
            }

            var query = context.Request.QueryString.Value;
            if (query is not null && query.Contains("%00", StringComparison.Ordinal))
            {
                context.Request.QueryString = new QueryString(query.Replace("%00", string.Empty, StringComparison.Ordinal));
            }

            await next(context);
        });
        app.UseStaticFiles();
        app.UseErrorPagesInChosenLanguage();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseNotFoundForUnknownPublicAddresses();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<TwoFactorEnrolmentMiddleware>();
        app.UseAuthorization();
        // After authentication: the portal cache serves and stores only anonymous requests.
        app.UseOutputCache();

        app.MapGet("/health", async (AppDbContext db, CancellationToken ct) =>
            await db.Database.CanConnectAsync(ct)
                ? Results.Text($"ok {AppVersion.Current}")
                : Results.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous().DisableRateLimiting();
        app.MapPrometheusMetrics();
        app.MapUnitsApi();
        app.MapDemoFeeds();
        app.MapOpen311();
        app.MapSurveysApi();
        Features.Publish.Portal.PortalFeeds.MapPublishPortal(app);
        Features.PublicSite.PublicRedirects.MapPublicRedirects(app);
        Features.Bulletins.BulletinFeeds.MapBulletinFeeds(app);
        app.MapRazorPages();
        return app;
    }

    public static IServiceCollection AddFallbackAuthorization(this IServiceCollection services)
        => services.AddAuthorization(o => o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

    public static bool IsApi(this HttpRequest request)
        => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
           || request.Path.StartsWithSegments(Features.Concerns.Open311.GeoReportApi.Root, StringComparison.OrdinalIgnoreCase);

}
