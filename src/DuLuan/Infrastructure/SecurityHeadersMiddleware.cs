namespace DuLuan.Infrastructure;

/// <summary>
/// Security headers on every response. Pages carry no inline script or style, so the policy needs
/// no nonce: everything comes from our own origin.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            // The concern form's "use my position" button asks the phone for its position (only when pressed): the one
            // page where this origin may use geolocation. Everywhere else, and for any frame, it stays off.
            headers["Permissions-Policy"] = IsConcernForm(context.Request.Path)
                ? "camera=(), microphone=(), geolocation=(self)"
                : "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>/cong/{code}/phan-anh, the public concern form.</summary>
    public static bool IsConcernForm(PathString path)
    {
        var segments = (path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is ["cong", _, "phan-anh"];
    }
}
