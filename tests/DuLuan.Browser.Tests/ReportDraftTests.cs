using DocumentFormat.OpenXml.Packaging;
using DuLuan.Browser.Tests.Pages;
using DuLuan.Features.Members;
using DuLuan.Features.Reports;
using DuLuan.Features.Reports.Documents;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests;

/// <summary>An editor goes from the dashboard to a report draft, edits a paragraph, and downloads the DOCX.</summary>
public sealed class ReportDraftTests(TestApp app)
{
    [Fact]
    public async Task An_editor_goes_from_the_dashboard_to_an_edited_draft_and_downloads_its_DOCX()
    {
        var editor = await app.InviteAsync("bientap.baocao@browser.test", Role.Editor);
        var period = ReportPeriod.QuarterOf(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime)).Previous();
        await using var context = await app.NewContextAsync();
        var watch = await PageWatch.AttachAsync(context);
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAndWaitForHomeAsync(editor);

        await page.GotoAsync($"/Reports?unit={app.Seed.ProvinceId}&period={period.Code}");
        await Assertions.Expect(page.Locator("#report-heading")).ToContainTextAsync(period.VietnameseLabel);
        await page.ClickAsync("#create-report");
        await page.CheckAsync("input[name=layout][value=party]");
        await page.ClickAsync("#create-draft");
        await Assertions.Expect(page.Locator("#draft-form")).ToBeVisibleAsync();

        const string Added = "Ban Tuyên giáo đề nghị các xã tiếp tục trả lời công khai phản ánh của người dân.";
        var opening = page.Locator("#opening");
        await opening.FillAsync(await opening.InputValueAsync() + "\n" + Added);
        await page.ClickAsync("#save-draft");
        await Assertions.Expect(page.Locator("p.notice")).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-docx"));
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        using (var document = WordprocessingDocument.Open(path, false))
        {
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains(Added, text, StringComparison.Ordinal);
            Assert.Contains(ReportHeading.PartyName, text, StringComparison.Ordinal);
            Assert.Contains(app.Seed.ProvinceName.ToUpperInvariant(), text.ToUpperInvariant(), StringComparison.Ordinal);
        }

        // A download ends its navigation request, which the browser reports as a failed request: not a problem.
        Assert.DoesNotContain(watch.Problems, p => !p.Contains("/Reports/Drafts/Download", StringComparison.Ordinal));
    }
}
