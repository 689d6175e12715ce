using Microsoft.Playwright;

namespace DuLuan.Browser.Tests.Pages;

/// <summary>The collaborator's opinion report form (/Opinions/New).</summary>
public sealed class OpinionFormPage(IPage page)
{
    public ILocator Streams => page.Locator("#streams fieldset.stream");

    public ILocator AddStream => page.Locator("#add-stream");

    public ILocator Send => page.Locator("#opinion-form button[type=submit]");

    public ILocator Status => page.Locator("#offline-status");

    public async Task GotoAsync(long unitId) => await page.GotoAsync($"/Opinions/New?unitId={unitId}");

    public ILocator Field(int stream, string name) => page.Locator($"[name='Streams[{stream}].{name}']");

    public async Task FillStreamAsync(int stream, string topic, string summary)
    {
        await Field(stream, "NewTopic").FillAsync(topic);
        await Field(stream, "Summary").FillAsync(summary);
        // No tendency is chosen for the collaborator: the form requires a choice.
        await Field(stream, "Tendency").SelectOptionAsync("Agree");
        await Field(stream, "Sources").First.CheckAsync();
    }
}
