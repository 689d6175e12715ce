namespace DuLuan.Features.Account;

/// <summary>Admins and Leads without a second factor can reach only the account pages until they enrol.</summary>
public sealed class TwoFactorEnrolmentMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (context.User.HasClaim(AccountServices.NeedsTwoFactorClaim, "1")
            && !path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/lib", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/Error", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/Culture", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            context.Response.Redirect("/Account/EnableAuthenticator");
            return Task.CompletedTask;
        }

        return next(context);
    }
}
