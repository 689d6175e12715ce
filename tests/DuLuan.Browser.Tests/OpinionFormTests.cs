using System.Text.RegularExpressions;
using DuLuan.Browser.Tests.Pages;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests;

/// <summary>The opinion report form on a phone: streams added and removed by script, and a report queued offline that is sent once when the connection returns.</summary>
public sealed class OpinionFormTests(TestApp app)
{
    private const string Summary = "B\u00E0 con b\u00E0n nhi\u1EC1u v\u1EC1 vi\u1EC7c n\u00E2ng c\u1EA5p \u0111\u01B0\u1EDDng li\u00EAn th\u00F4n tr\u01B0\u1EDBc m\u00F9a m\u01B0a.";

    [Fact]
    public async Task A_collaborator_adds_and_removes_streams_and_files_on_a_390px_phone()
    {
        await using var context = await app.NewContextAsync(390, 844);
        var watch = await PageWatch.AttachAsync(context);
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAndWaitForHomeAsync(app.Seed.Collaborator);
        var form = new OpinionFormPage(page);
        await form.GotoAsync(app.Seed.CommuneId);
        await Assertions.Expect(form.Streams).ToHaveCountAsync(1);

        await form.AddStream.ClickAsync();
        await form.AddStream.ClickAsync();
        await Assertions.Expect(form.Streams).ToHaveCountAsync(3);
        await Assertions.Expect(form.Field(2, "Summary")).ToHaveCountAsync(1);
        // Removing the middle stream renumbers the rest so the server binds a contiguous list.
        await form.Streams.Nth(1).Locator(".remove-stream").ClickAsync();
        await Assertions.Expect(form.Streams).ToHaveCountAsync(2);
        await Assertions.Expect(form.Field(2, "Summary")).ToHaveCountAsync(0);
        await Assertions.Expect(form.Field(1, "Summary")).ToHaveCountAsync(1);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The form scrolls sideways by {overflow} px on a phone.");

        await form.FillStreamAsync(0, "\u0110\u01B0\u1EDDng li\u00EAn th\u00F4n", Summary);
        await form.FillStreamAsync(1, "Gi\u00E1 ph\u00E2n b\u00F3n", "Nhi\u1EC1u h\u1ED9 lo gi\u00E1 ph\u00E2n b\u00F3n t\u0103ng, g\u1ECDi 0905 123 456 \u0111\u1EC3 h\u1ECFi.");
        await form.Send.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Opinions/Report\\?id=\\d+&saved=1$"));
        await Assertions.Expect(page.Locator("#redacted-notice")).ToContainTextAsync("[s\u1ED1 \u0111i\u1EC7n tho\u1EA1i]");
        await Assertions.Expect(page.Locator("section.stream-view")).ToHaveCountAsync(2);

        Assert.Empty(await PageWatch.CspViolationsAsync(page));
        Assert.True(watch.Problems.Count == 0, "Problems: " + string.Join("\n", watch.Problems));
    }

    [Fact]
    public async Task A_report_filed_offline_is_queued_and_sent_once_when_the_connection_returns()
    {
        await using var context = await app.NewContextAsync(390, 844);
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAndWaitForHomeAsync(app.Seed.Collaborator);
        var before = await RecentCountAsync(page);
        var form = new OpinionFormPage(page);
        await form.GotoAsync(app.Seed.CommuneId);
        await page.EvaluateAsync("() => navigator.serviceWorker.ready");
        // Load once more under the worker so it has put the form in its cache.
        var controlled = await page.ReloadAsync();
        Assert.True(controlled!.FromServiceWorker, "The form is not served through the service worker.");

        await context.SetOfflineAsync(true);
        await form.FillStreamAsync(0, "Chi\u1EBFu s\u00E1ng \u0111\u01B0\u1EDDng l\u00E0ng", Summary);
        await form.Send.ClickAsync();
        await Assertions.Expect(form.Status).ToContainTextAsync("Ch\u01B0a c\u00F3 k\u1EBFt n\u1ED1i");
        Assert.Equal(1, await page.EvaluateAsync<int>("() => JSON.parse(localStorage.getItem('duluan-opinion-queue')).length"));

        // Still offline, the form opens again from the worker's cache.
        var offlinePage = await context.NewPageAsync();
        var cached = await offlinePage.GotoAsync($"/Opinions/New?unitId={app.Seed.CommuneId}");
        Assert.True(cached!.Ok && cached.FromServiceWorker);
        await Assertions.Expect(new OpinionFormPage(offlinePage).Streams).ToHaveCountAsync(1);
        await offlinePage.CloseAsync();

        await context.SetOfflineAsync(false);
        await Assertions.Expect(form.Status).ToContainTextAsync("\u0110\u00E3 g\u1EEDi");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => JSON.parse(localStorage.getItem('duluan-opinion-queue')).length"));

        // Another page load syncs again: nothing left, nothing sent twice.
        await form.GotoAsync(app.Seed.CommuneId);
        Assert.Equal(before + 1, await RecentCountAsync(page));
    }

    private static async Task<int> RecentCountAsync(IPage page)
    {
        await page.GotoAsync("/Opinions");
        return await page.Locator("main li a[href^='/Opinions/Report']").CountAsync();
    }
}
