using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Bench.Pages;

/// <summary>A GET address the bench opens: the route it came from and whether it is open to anonymous callers.</summary>
internal sealed record PageAddress(string Route, string Url, bool Public);

/// <summary>
/// Every GET route the app maps (Razor pages and endpoints), read from its route table as the access matrix reads it,
/// with route values filled from the seed. Routes whose values name a record the seed does not hold (a story, a post,
/// a dialogue ...) are returned in <c>Skipped</c> rather than guessed.
/// </summary>
internal static class PageRoutes
{
    private static readonly string[] NotPages = ["metrics", "demo-feeds/", "Account/Logout", "Account/Setup", "Culture", "Error"];

    public static (List<PageAddress> Pages, List<string> Skipped) Read(WebApplication app, PageSeed.Seeded seed, string caseReference)
    {
        var pages = new List<PageAddress>();
        var skipped = new List<string>();
        foreach (var endpoint in ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>())
        {
            var raw = (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
            if (page is not null && (!string.IsNullOrEmpty(page.AttributeRouteInfo?.Name) || raw.EndsWith("/Index", StringComparison.Ordinal) || raw == "Index"))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            if (page is null && methods is not null && !methods.Contains("GET"))
            {
                continue;
            }

            if (NotPages.Any(n => n.EndsWith('/') ? raw.StartsWith(n, StringComparison.Ordinal) : raw == n))
            {
                continue;
            }

            var url = Fill(endpoint.RoutePattern, seed, caseReference);
            if (url is null)
            {
                skipped.Add("/" + raw);
                continue;
            }

            // A case's own pages are opened on an open case of the editor's commune.
            if (raw is "Cases/Details" or "Cases/Respond" or "Cases/Attachments")
            {
                url += "?id=" + seed.OpenCaseId;
            }

            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            pages.Add(new PageAddress("/" + raw, url, anonymous));
        }

        return (pages.DistinctBy(p => p.Url).OrderBy(p => p.Url, StringComparer.Ordinal).ToList(), skipped.Distinct().Order(StringComparer.Ordinal).ToList());
    }

    private static string? Fill(RoutePattern pattern, PageSeed.Seeded seed, string caseReference)
    {
        var path = new System.Text.StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        path.Append(literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        path.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter:
                        var value = parameter.Name switch
                        {
                            "unitCode" => "48",
                            "unitId" => seed.CommuneId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            "reference" => caseReference,
                            "format" => "json",
                            "role" when parameter.IsOptional => string.Empty,
                            _ => null,
                        };
                        if (value is null)
                        {
                            return null;
                        }

                        path.Append(value);
                        break;
                }
            }
        }

        var url = path.ToString().TrimEnd('/');
        return url.Length == 0 ? "/" : url;
    }

    public static async Task<string> CaseReferenceAsync(DuLuan.Data.AppDbContext db, long caseId)
        => await db.Cases.Where(c => c.Id == caseId).Select(c => c.PublicRef).SingleAsync();
}
