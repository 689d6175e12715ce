using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests;

/// <summary>
/// Records what a person would not see but a broken page shows in DevTools: console errors and
/// warnings, uncaught script errors, CSP violations and failed or erroring requests.
/// </summary>
public sealed class PageWatch
{
    // Runs before any page script; Playwright's init scripts are not subject to the page's CSP.
    private const string CspListener =
        "window.__cspViolations = [];" +
        "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));";

    private readonly ConcurrentQueue<string> problems = new();

    public ConcurrentQueue<IResponse> Responses { get; } = new();

    public IReadOnlyCollection<string> Problems => problems;

    public static async Task<PageWatch> AttachAsync(IBrowserContext context)
    {
        var watch = new PageWatch();
        await context.AddInitScriptAsync(CspListener);
        context.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                watch.problems.Enqueue($"console {message.Type}: {message.Text} ({message.Location})");
            }
        };
        context.WebError += (_, error) => watch.problems.Enqueue($"page error: {error.Error}");
        context.RequestFailed += (_, request) => watch.problems.Enqueue($"request failed: {request.Url} {request.Failure}");
        context.Response += (_, response) => watch.Responses.Enqueue(response);
        return watch;
    }

    /// <summary>CSP violations the current document reported to its own listener.</summary>
    public static async Task<string[]> CspViolationsAsync(IPage page)
        => await page.EvaluateAsync<string[]>("() => window.__cspViolations || []");
}
