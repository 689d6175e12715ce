using System.Security.Cryptography;
using DuLuan.Browser.Tests.Pages;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Surveys;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests;

/// <summary>An editor imports a KoboToolbox-style XLSForm: reads the report, accepts, and downloads it back.</summary>
public sealed class SurveyImportTests(TestApp app)
{
    [Fact]
    public async Task An_editor_reads_the_import_report_accepts_and_downloads_the_xlsform_back()
    {
        var editor = await AddEditorAsync();
        var file = Path.Combine(Path.GetTempPath(), $"kobo-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, XlsFormWorkbook.Write(
        [
            ("survey", new List<IReadOnlyList<string?>>
            {
                new[] { "type", "name", "label::Vietnamese (vi)", "label::English (en)", "relevant", "choice_filter" },
                new[] { "start", "start", null, null, null, null },
                new[] { "begin_group", "g1", "Chung", "General", null, null },
                new[] { "select_one yn", "used", "Đã dùng chưa?", "Used it?", null, null },
                new[] { "integer", "times", "Mấy lần?", "How many times?", "${used} = 'yes'", null },
                new[] { "select_one yn", "again", "Dùng lại không?", "Again?", null, "x=1" },
                new[] { "end_group", null, null, null, null, null },
            }),
            ("choices", new List<IReadOnlyList<string?>> { new[] { "list_name", "name", "label::vi", "label::en" }, new[] { "yn", "yes", "Có", "Yes" }, new[] { "yn", "no", "Không", "No" } }),
            ("settings", new List<IReadOnlyList<string?>> { new[] { "form_title::vi", "form_title::en" }, new[] { "Khảo sát nhập khẩu", "Imported survey" } }),
        ]));
        await using var context = await app.NewContextAsync();
        var watch = await PageWatch.AttachAsync(context);
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAndWaitForHomeAsync(editor);

        await page.GotoAsync("/Surveys");
        await page.Locator("#import-survey").ClickAsync();
        await page.Locator("#file").SetInputFilesAsync(file);
        await page.Locator("#check-import").ClickAsync();
        await Assertions.Expect(page.Locator("#import-notes")).ToContainTextAsync("start");
        await Assertions.Expect(page.Locator("#import-notes")).ToContainTextAsync("choice_filter");
        await Assertions.Expect(page.Locator("#import-notes tbody tr")).ToHaveCountAsync(3);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "duluan-survey-import.png"), FullPage = true });
        await page.Locator("#accept-import").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Surveys/Edit\\?id=\\d+"));
        var id = long.Parse(page.Url[(page.Url.LastIndexOf('=') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        await page.GotoAsync($"/Surveys/Details?id={id}");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-xlsform").ClickAsync());
        var path = await download.PathAsync();
        var back = XlsFormImport.Import(await File.ReadAllBytesAsync(path));
        Assert.True(back.Ok, string.Join("\n", back.Errors));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(await db.Surveys.Where(s => s.Id == id).Select(s => s.DraftJson).SingleAsync(), back.Definition!.ToJson());
        Assert.True(watch.Problems.Count == 0, string.Join("\n", watch.Problems));
        Assert.Empty(await PageWatch.CspViolationsAsync(page));
        File.Delete(file);
    }

    private async Task<SeededMember> AddEditorAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var province = await db.Units.SingleAsync(u => u.Id == app.Seed.ProvinceId);
        var email = $"importer-{Guid.NewGuid():N}@browser.test";
        var (invitation, error) = await services.GetRequiredService<MemberAdmin>().InviteAsync(email, "Browser test importer", province, Role.Editor, CancellationToken.None);
        Assert.True(invitation is not null, error);
        var password = "Bt-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        Assert.True((await services.GetRequiredService<UserManager<Member>>().AddPasswordAsync(invitation.Member, password)).Succeeded);
        return new SeededMember(email, password);
    }
}
