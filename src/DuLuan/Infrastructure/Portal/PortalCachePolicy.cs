using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace DuLuan.Infrastructure.Portal;

/// <summary>
/// The output cache of the public portal (news, posts, feeds, sitemap, images, rebuttals, answered cases): anonymous GET/HEAD answers
/// of 200 only, kept <see cref="Lifetime"/> at most, varied by UI culture and the page number, and evicted by the
/// <see cref="Tag"/> as soon as a post or a claim changes (<see cref="PortalCacheEviction"/>). The kernel's, so Publish's
/// portal pages and feeds and Claims' rebuttal pages share it. Signed-in members never read from it nor write to it. Bodies carry no per-request value: the Content-Security-Policy has no nonce (there is
/// no inline script anywhere) and portal pages have no form, so no antiforgery token or cookie.
/// </summary>
public sealed class PortalCachePolicy : IOutputCachePolicy
{
    public const string Name = "portal";

    public const string Tag = "portal";

    /// <summary>Also the longest another instance can lag behind an eviction (eviction is per process).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    public static readonly PortalCachePolicy Instance = new();

    private PortalCachePolicy()
    {
    }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var anonymous = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && StringValues.IsNullOrEmpty(request.Headers.Authorization)
            && http.User.Identity?.IsAuthenticated != true;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = anonymous;
        context.AllowCacheStorage = anonymous;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.Tags.Add(Tag);
        // Only the page number changes what is shown; any other query value shares the entry (no cache flooding).
        context.CacheVaryByRules.QueryKeys = "trang";
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        var cacheControl = response.Headers.CacheControl.ToString();
        if (response.StatusCode != StatusCodes.Status200OK
            || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
            || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
