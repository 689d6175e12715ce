using DuLuan.Browser.Tests.Pages;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests;

/// <summary>A collaborator of one commune types other units' ids into the address bar (IDOR).</summary>
public sealed class ScopeTests(TestApp app)
{
    [Fact]
    public async Task Collaborator_sees_own_commune_but_not_a_sibling_commune_or_the_parent_province()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAndWaitForHomeAsync(app.Seed.Collaborator);
        var units = new UnitsPage(page);
        var seed = app.Seed;

        // Control: the same page works for the collaborator's own commune.
        var own = await units.GotoDetailsAsync(seed.CommuneId);
        Assert.Equal(200, own!.Status);
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync(seed.CommuneName);

        foreach (var (id, name) in new[] { (seed.SiblingId, seed.SiblingName), (seed.ProvinceId, seed.ProvinceName) })
        {
            var response = await units.GotoDetailsAsync(id);
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(name);
            Assert.DoesNotContain(name, await page.ContentAsync(), StringComparison.Ordinal);

            var children = await page.APIRequest.GetAsync($"/api/units/{id}/children");
            Assert.Equal(404, children.Status);
        }

        // Nor does the search reveal the sibling, while it does find the collaborator's own commune.
        Assert.DoesNotContain(seed.SiblingId, await SearchIdsAsync(page, "lien chieu"));
        Assert.Contains(seed.CommuneId, await SearchIdsAsync(page, "hai van"));
    }

    private static async Task<long[]> SearchIdsAsync(IPage page, string q)
    {
        var response = await page.APIRequest.GetAsync("/api/units/search?q=" + Uri.EscapeDataString(q));
        Assert.Equal(200, response.Status);
        var json = await response.JsonAsync() ?? throw new InvalidOperationException("No JSON.");
        return json.EnumerateArray().Select(u => u.GetProperty("id").GetInt64()).ToArray();
    }
}
