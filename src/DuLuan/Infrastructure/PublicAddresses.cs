using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace DuLuan.Infrastructure;

/// <summary>
/// The residents' side of the address space (<c>/cong/…</c> and the old public addresses that move there): an address
/// there that no page answers is "not found", in the language the resident chose, never the staff sign-in.
/// </summary>
public static class PublicAddresses
{
    /// <summary>First segments that only public pages use.</summary>
    public static readonly string[] Prefixes = ["/cong", "/vu-viec", "/khao-sat", "/ban-tin", "/phan-anh", "/theo-doi"];

    public static bool IsPublic(PathString path)
        => Prefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Before the request culture is read: a status page re-executed as <c>/Error?code=N</c> loses the query, and with
    /// it <c>lang=</c>; it is carried over so a resident reading in English gets "not found" in English.
    /// </summary>
    public static IApplicationBuilder UseErrorPagesInChosenLanguage(this IApplicationBuilder app)
        => app.Use((context, next) =>
        {
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is { OriginalQueryString: { Length: > 0 } original }
                && QueryHelpers.ParseQuery(original).TryGetValue(Html.KeepLanguageTagHelper.Key, out var language)
                && language.Count == 1 && language[0] is { Length: > 0 and <= 10 } chosen
                && !context.Request.Query.ContainsKey(Html.KeepLanguageTagHelper.Key))
            {
                var query = new QueryBuilder(context.Request.Query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? string.Empty))))
                {
                    { Html.KeepLanguageTagHelper.Key, chosen },
                };
                context.Request.QueryString = query.ToQueryString();
            }

            return next(context);
        });

    /// <summary>After routing, before authorisation: no endpoint under a public prefix is a 404, not a sign-in redirect.</summary>
    public static IApplicationBuilder UseNotFoundForUnknownPublicAddresses(this IApplicationBuilder app)
        => app.Use((context, next) =>
        {
            if (context.GetEndpoint() is null && IsPublic(context.Request.Path))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
}
