using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Trust;

/// <summary>
/// Every route answers GET, HEAD and POST only. TRACE (or OPTIONS, PROPFIND, PUT...) ran a Razor page with no handler:
/// the access check in its OnGet skipped, so a viewer saw the audit page's shell and other pages of roles above it,
/// and many pages answered 500. Now any other method is 405 with an Allow header, for anyone, on every route of the
/// route table; GET and HEAD of the public portal still answer 200 (the legitimate path).
/// </summary>
public sealed class HttpMethodTests
{
    private static readonly string[] Methods = ["TRACE", "OPTIONS", "PROPFIND", "PUT", "DELETE", "PATCH", "FOO"];

    [Theory, Providers]
    public async Task Methods_other_than_get_head_and_post_are_refused_on_every_route(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var routes = await RouteCatalog.ReadAsync(app.App);
        var paths = routes.Select(r => r.Url(Value, queryInputs: true)).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(paths.Count > 40, $"only {paths.Count} paths");
        using var viewer = await RoleClients.SignInAsync(app, Role.Viewer);
        using var anonymous = app.Client();
        var wrong = new List<string>();
        foreach (var (who, client) in new[] { ("viewer", viewer), ("anonymous", anonymous) })
        {
            foreach (var path in paths)
            {
                foreach (var method in Methods)
                {
                    using var response = await client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                    if (response.StatusCode != HttpStatusCode.MethodNotAllowed || !response.Content.Headers.Allow.Order(StringComparer.Ordinal).SequenceEqual(["GET", "HEAD", "POST"]))
                    {
                        wrong.Add($"{who} {method} {path} -> {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(60)));

        // The legitimate methods still work.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/cong/48"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/cong/48")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/Cases")).StatusCode);
    }

    private static string Value(RouteInput input) => input.Name switch
    {
        "unitCode" => "48",
        "format" => "json",
        _ => input.IsNumber ? "1" : "x",
    };
}
