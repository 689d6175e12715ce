using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.WebEncoders;

namespace DuLuan.Infrastructure;

public static class WebServices
{
    public const string SignInPolicy = "sign-in";
    public static readonly CultureInfo[] Cultures = [new("vi"), new("en")];

    public static IServiceCollection AddDuLuanWeb(this IServiceCollection services, IConfiguration configuration, bool secureCookies)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");

        // Razor would otherwise write every Vietnamese letter as an HTML entity.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            // Validation is server-side only (no client validation script). With client validation on, an error-free
            // validation summary renders <li style="display:none">, which the CSP blocks on every form page.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>, FrameworkMessages>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = secureCookies ? "__Host-duluan-af" : "duluan-af";
            o.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("vi");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // ?lang=en on a public link (the public switcher sets no cookie), else the staff's cookie.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" }, new CookieRequestCultureProvider()];
        });
        services.AddProblemDetails();
        // The documented deployment is Kestrel on loopback behind a reverse proxy that terminates TLS: trust its
        // X-Forwarded-Proto/For (only from loopback, the default known proxies) so the request counts as HTTPS
        // (Secure cookies, antiforgery, HSTS) and rate limits partition by the client's address, not the proxy's.
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        var signInPermits = configuration.GetValue("RateLimits:SignInPerMinute", 10);
        var requestPermits = configuration.GetValue("RateLimits:RequestsPerMinute", 600);
        services.AddSingleton<PublicWriteAdmission>();
        services.AddSingleton<SentForms>();
        services.AddHostedService<Jobs.StartupWarmupService>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPermits, Window = TimeSpan.FromMinutes(1) }));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = requestPermits, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }
}
