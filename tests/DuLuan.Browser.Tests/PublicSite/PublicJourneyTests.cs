using System.Text.RegularExpressions;
using DuLuan.Browser.Tests.Pages;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;

namespace DuLuan.Browser.Tests.PublicSite;

/// <summary>
/// The Done-when walk of #19 on a 390 px phone, in Vietnamese and then in English: from the public home a resident types
/// "hoa khanh", opens the ward's site, files a concern with where it is (text, the phone's position, a photo), keeps the
/// code, later follows it, reads the agency's answer and reopens it with the code; the office and the agency see the
/// location intact. The English walk fills the form with the keyboard only. axe-core checks every page on the way.
/// </summary>
public sealed class PublicJourneyTests(TestApp app, DemoSite site) : IClassFixture<DemoSite>
{
    private const string Location = "Từ số 120 đến số 160 đường Trần Phú, trước chợ Hoà Khánh";
    private const double Latitude = 16.07512;
    private const double Longitude = 108.14975;

    [Fact]
    public async Task A_resident_on_a_phone_finds_the_ward_files_a_located_concern_follows_it_and_reopens_it_in_both_languages()
    {
        await WalkAsync("vi");
        await WalkAsync("en");
    }

    private async Task WalkAsync(string language)
    {
        var english = language == "en";
        await using var context = await site.NewPhoneAsync(app.Browser, new BrowserNewContextOptions
        {
            Permissions = ["geolocation"],
            Geolocation = new Geolocation { Latitude = (float)Latitude, Longitude = (float)Longitude },
            Locale = english ? "en-US" : "vi-VN",
        });
        var watch = await PageWatch.AttachAsync(context);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        var title = (english ? "Street lights out " : "Đèn đường hỏng ") + Guid.NewGuid().ToString("N")[..6];

        // The home finds the ward typed without diacritics.
        await page.GotoAsync(english ? "/?lang=en" : "/");
        await CheckAsync(page, language, problems);
        await page.Locator("#q").FillAsync("hoa khanh");
        await page.Locator("#q").PressAsync("Enter");
        var ward = page.Locator("#places a", new() { HasText = "Phường Hoà Khánh" });
        await Assertions.Expect(ward).ToBeVisibleAsync();
        await CheckAsync(page, language, problems);
        await Screenshots.TakeAsync(page, "public-home-" + language);
        await ward.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/cong/{DemoSite.HoaKhanhCode}(\\?lang=en)?$"));
        await CheckAsync(page, language, problems);

        // The ward's concern form, from its navigation.
        await page.Locator("#public-nav a[href*='/phan-anh']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/cong/{DemoSite.HoaKhanhCode}/phan-anh"));
        await CheckAsync(page, language, problems);
        var opened = DateTime.UtcNow;
        if (english)
        {
            await FillWithKeyboardAsync(page, title);
        }
        else
        {
            await page.Locator("#title").FillAsync(title);
            await page.Locator("#description").FillAsync("Cả dãy đèn đường tắt đã hai tuần, buổi tối rất tối và nguy hiểm cho người đi bộ.");
            await page.Locator("#category").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.Locator("#location").FillAsync(Location);
            await page.Locator("#use-position").ClickAsync();
            await Assertions.Expect(page.Locator("#latitude")).ToHaveValueAsync("16.0751");
            await page.Locator("#photo").SetInputFilesAsync(new FilePayload { Name = "den-duong.png", MimeType = "image/png", Buffer = Photo() });
            await Screenshots.TakeAsync(page, "public-concern-form-" + language);
        }

        // The form refuses answers typed faster than a person could (minimum fill time).
        var left = TimeSpan.FromSeconds(5.5) - (DateTime.UtcNow - opened);
        if (left > TimeSpan.Zero)
        {
            await page.WaitForTimeoutAsync((float)left.TotalMilliseconds);
        }

        if (english)
        {
            await Assertions.Expect(page.Locator("#concern-form button[type=submit]")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
        }
        else
        {
            await page.Locator("#concern-form button[type=submit]").ClickAsync();
        }

        await Assertions.Expect(page.Locator("#thanks")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#follow-up-qr")).ToBeVisibleAsync();
        var code = (await page.Locator("#follow-up-code").InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$", code);
        await CheckAsync(page, language, problems);
        await Screenshots.TakeAsync(page, "public-receipt-" + language);

        // The office makes a case of it and routes it to an agency, which answers (through the app's own services).
        var answer = english ? "The power company replaced the lamps this morning." : "Điện lực đã thay toàn bộ bóng đèn sáng nay.";
        var caseId = await AnswerAsync(title, answer);

        if (!english)
        {
            await StaffSeeTheLocationAsync(caseId);
        }

        // Later: the resident follows the concern with the code, reads the answer and reopens it.
        await page.Locator("#place-name").ClickAsync();
        await page.Locator("#public-nav a[href*='/theo-doi']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/cong/{DemoSite.HoaKhanhCode}/theo-doi"));
        await page.Locator("#code").FillAsync(code.ToLowerInvariant());
        await page.Locator("#follow-up-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#answer")).ToHaveTextAsync(answer);
        await Assertions.Expect(page.Locator("#follow-up-location")).ToHaveTextAsync(Location);
        await CheckAsync(page, language, problems);
        await Screenshots.TakeAsync(page, "public-follow-up-" + language);
        await page.Locator("#reopen").ClickAsync();
        await Assertions.Expect(page.Locator("#progress [role=status]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await CheckAsync(page, language, problems);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var status = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync();
            Assert.Equal(CaseStatus.Reopened, status);
        }

        // The poster for the notice board, linked from the contact page.
        await page.Locator("#public-nav a[href*='/lien-he']").ClickAsync();
        await page.Locator("#poster-link").ClickAsync();
        await Assertions.Expect(page.Locator("#poster-form-qr")).ToBeVisibleAsync();
        await CheckAsync(page, language, problems);
        await Screenshots.TakeAsync(page, "public-poster-" + language);

        problems.AddRange(watch.Problems);
        Assert.True(problems.Count == 0, $"{language}:\n" + string.Join("\n", problems));
    }

    /// <summary>The English walk: the form reached and filled with Tab, typing, arrows, Enter and Space only.</summary>
    private static async Task FillWithKeyboardAsync(IPage page, string title)
    {
        await page.Locator("body").FocusAsync();
        for (var i = 0; i < 40 && await FocusedIdAsync(page) != "title"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            await AssertFocusVisibleAsync(page);
        }

        Assert.Equal("title", await FocusedIdAsync(page));
        await page.Keyboard.TypeAsync(title);
        await TabToAsync(page, "description");
        await page.Keyboard.TypeAsync("The whole row of street lights has been dark for two weeks; it is dangerous at night.");
        await TabToAsync(page, "category");
        await page.Keyboard.PressAsync("ArrowDown");
        await TabToAsync(page, "location");
        await page.Keyboard.TypeAsync(Location);
        await TabToAsync(page, "use-position");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#latitude")).ToHaveValueAsync("16.0751");
        await TabToAsync(page, "photo");
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"));
        await chooser.SetFilesAsync(new FilePayload { Name = "street-lights.png", MimeType = "image/png", Buffer = Photo() });
        await TabToAsync(page, "email");
        await TabToAsync(page, "phone");
        await page.Keyboard.PressAsync("Tab");
        Assert.NotEqual(string.Empty, await page.Locator("#category").InputValueAsync());
        await Screenshots.TakeAsync(page, "public-concern-form-en");
    }

    private static async Task TabToAsync(IPage page, string id)
    {
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal(id, await FocusedIdAsync(page));
        await AssertFocusVisibleAsync(page);
    }

    private static Task<string> FocusedIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.id : ''");

    /// <summary>WCAG 2.4.7: the element that has the keyboard focus shows it (an outline or a ring).</summary>
    private static async Task AssertFocusVisibleAsync(IPage page)
    {
        var shown = await page.EvaluateAsync<bool>("""
            () => {
              const e = document.activeElement;
              if (!e || e === document.body) { return true; }
              const s = getComputedStyle(e);
              return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
            }
            """);
        Assert.True(shown, $"#{await FocusedIdAsync(page)} has the focus but shows no outline");
    }

    /// <summary>What every page of the walk must be: in the chosen language, no sideways scrolling, no serious axe finding.</summary>
    private static async Task CheckAsync(IPage page, string language, List<string> problems)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var url = page.Url;
        if (await page.Locator("html").GetAttributeAsync("lang") != language)
        {
            problems.Add($"{url}: <html lang> is not {language}");
        }

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            problems.Add($"{url}: scrolls sideways by {overflow} px on a phone");
        }

        problems.AddRange((await Axe.RunAsync(page)).Where(v => v.Serious).Select(v => $"{url}: axe {v}"));
        problems.AddRange((await PageWatch.CspViolationsAsync(page)).Select(v => $"{url}: CSP {v}"));
    }

    private async Task<long> AnswerAsync(string title, string answer)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var concern = await db.Concerns.SingleAsync(c => c.Title == title);
        var item = new Case
        {
            UnitId = concern.UnitId,
            AgencyId = site.AgencyId,
            Title = concern.Title,
            Description = concern.Description,
            Status = CaseStatus.New,
            CreatedAt = DateTime.UtcNow,
        };
        db.Cases.Add(item);
        await db.SaveChangesAsync();
        concern.CaseId = item.Id;
        await db.SaveChangesAsync();
        Assert.True(await services.GetRequiredService<CaseWorkflow>().MoveAsync(item, CaseStatus.Assigned, null, item.Version));
        Assert.True(await services.GetRequiredService<CaseResponder>().AnswerAsync(item, answer, null, item.Version));
        return item.Id;
    }

    /// <summary>The office's case page and the agency's answer page show the location as typed and the point; the concern's page the photo.</summary>
    private async Task StaffSeeTheLocationAsync(long caseId)
    {
        // The agency's answer page.
        await using (var agencyContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl.ToString(), Locale = "vi-VN" }))
        {
            var agencyPage = await agencyContext.NewPageAsync();
            await new LoginPage(agencyPage).SignInAndWaitForHomeAsync(site.Agency);
            await agencyPage.GotoAsync($"/Cases/Respond?id={caseId}");
            await Assertions.Expect(agencyPage.Locator(".concern-location")).ToHaveTextAsync(Location);
            await Assertions.Expect(agencyPage.Locator(".concern-point")).ToContainTextAsync("16.0751");
        }

        // The office's case page.
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl.ToString(), Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAndWaitForHomeAsync(site.Office);
        await page.GotoAsync($"/Cases/Details?id={caseId}");
        await Assertions.Expect(page.Locator(".concern-location")).ToHaveTextAsync(Location);
        await Assertions.Expect(page.Locator(".concern-point")).ToContainTextAsync("16.0751");

        // The office's page of the concern itself also shows the photo (re-encoded, without metadata).
        long concernId;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            concernId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Concerns.Where(c => c.CaseId == caseId).Select(c => c.Id).SingleAsync();
        }

        await page.GotoAsync($"/Concerns/Details?id={concernId}");
        await Assertions.Expect(page.Locator(".concern-location")).ToHaveTextAsync(Location);
        await Assertions.Expect(page.Locator("#concern-photo")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('concern-photo').naturalWidth === 64"), "the concern's photo did not load");

        await Screenshots.TakeAsync(page, "staff-case-location");
    }

    /// <summary>A small photo of the broken lights: a real PNG the server re-encodes.</summary>
    private static byte[] Photo()
    {
        using var bitmap = new SKBitmap(64, 48);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(30, 40, 60));
            using var paint = new SKPaint { Color = new SKColor(250, 220, 90) };
            canvas.DrawCircle(32, 20, 10, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
