using System.Text.Json;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests.PublicSite;

/// <summary>
/// axe-core (npm, copied next to the tests at build time) run inside Chromium. It is evaluated through DevTools, which the
/// page's Content-Security-Policy does not govern, so the page keeps its own policy while it is checked.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"{path} is missing: the build runs `npm ci` in tests/DuLuan.Browser.Tests to fetch axe-core.");
    });

    /// <summary>
    /// Every violation of the WCAG 2.x A/AA rules and axe's best practices, as "impact rule: targets". axe-core goes into the page only
    /// when it is about to run: as an init script it was parsed on every page and frame a test opened (half a megabyte each).
    /// </summary>
    public static async Task<List<Violation>> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source.Value);
        }

        var found = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations.map(v => ({
                impact: v.impact || 'minor',
                rule: v.id,
                where: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')
              }));
            }
            """);
        return found.EnumerateArray()
            .Select(v => new Violation(v.GetProperty("impact").GetString()!, v.GetProperty("rule").GetString()!, v.GetProperty("where").GetString()!))
            .ToList();
    }

    public sealed record Violation(string Impact, string Rule, string Where)
    {
        public bool Serious => Impact is "serious" or "critical";

        public override string ToString() => $"{Impact} {Rule}: {Where}";
    }
}
