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

/// <summary>An editor builds a survey in the browser builder and publishes it; a resident answers on a phone.</summary>
public sealed class SurveyTests(TestApp app)
{
    [Fact]
    public async Task An_editor_builds_and_publishes_and_a_resident_answers_once_on_a_phone()
    {
        var editor = await AddEditorAsync();
        await using var context = await app.NewContextAsync();
        var watch = await PageWatch.AttachAsync(context);
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAndWaitForHomeAsync(editor);

        await page.GotoAsync("/Surveys/Create");
        await page.Locator("#title-vi").FillAsync("Ý kiến về giờ mở cửa bộ phận một cửa");
        await page.Locator("#title-en").FillAsync("Views on one-stop office hours");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Surveys/Edit\\?id=\\d+"));
        var id = long.Parse(page.Url[(page.Url.LastIndexOf('=') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        await page.Locator("button.add-question").ClickAsync();
        var question = page.Locator("fieldset.question").First;
        await question.Locator(".labels input[lang=vi]").First.FillAsync("Bạn có muốn mở cửa thêm sáng thứ Bảy không?");
        await question.Locator(".labels input[lang=en]").First.FillAsync("Would you like Saturday morning opening?");
        await question.Locator("input[type=checkbox]").First.CheckAsync();
        await page.Locator("#new-language").FillAsync("km");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm ngôn ngữ" }).ClickAsync();
        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator("#saved")).ToBeVisibleAsync();

        await page.GotoAsync($"/Surveys/Details?id={id}");
        await page.Locator("#publish").ClickAsync();
        await Assertions.Expect(page.Locator("#public-link")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("img.qr")).ToBeVisibleAsync();

        await using var phone = await app.NewContextAsync(390, 844);
        var phoneWatch = await PageWatch.AttachAsync(phone);
        var resident = await phone.NewPageAsync();
        await resident.GotoAsync($"/khao-sat/{id}");
        await Assertions.Expect(resident.Locator("nav.languages [lang=km]")).ToBeVisibleAsync();
        await resident.Locator("#send").ClickAsync();
        await Assertions.Expect(resident.Locator("#q-q1 .question-error")).ToBeVisibleAsync();
        await resident.GetByLabel("Có").CheckAsync();
        await resident.Locator("#send").ClickAsync();
        await Assertions.Expect(resident.Locator("#answer-done")).ToBeVisibleAsync();

        // The same phone again: its per-survey token is refused, so one response is stored.
        await resident.ReloadAsync();
        await resident.GetByLabel("Không").CheckAsync();
        await resident.Locator("#send").ClickAsync();
        await Assertions.Expect(resident.Locator("#answer-already")).ToBeVisibleAsync();
        var scroll = await resident.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(scroll, "The answer page scrolls sideways on a phone.");

        await page.GotoAsync($"/Surveys/Results?id={id}", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync("1 phiếu");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.SurveyResponses.CountAsync(r => r.SurveyId == id));
        Assert.Equal(1, await db.SurveyTokens.CountAsync(t => t.SurveyId == id));
        var problems = watch.Problems.Concat(phoneWatch.Problems).Where(p => !p.Contains("409", StringComparison.Ordinal)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(await PageWatch.CspViolationsAsync(page));
        Assert.Empty(await PageWatch.CspViolationsAsync(resident));
    }

    private async Task<SeededMember> AddEditorAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var province = await db.Units.SingleAsync(u => u.Id == app.Seed.ProvinceId);
        var email = $"editor-{Guid.NewGuid():N}@browser.test";
        var (invitation, error) = await services.GetRequiredService<MemberAdmin>().InviteAsync(email, "Browser test editor", province, Role.Editor, CancellationToken.None);
        Assert.True(invitation is not null, error);
        var password = "Bt-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        Assert.True((await services.GetRequiredService<UserManager<Member>>().AddPasswordAsync(invitation.Member, password)).Succeeded);
        return new SeededMember(email, password);
    }
}
