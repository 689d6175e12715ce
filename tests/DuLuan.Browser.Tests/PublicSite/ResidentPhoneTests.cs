using DuLuan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests.PublicSite;

/// <summary>
/// A resident on a 390 px phone with a poor connection: a phone's photo over the 5 MB limit is made smaller before it
/// is sent (or refused next to the field, the text kept), and a survey cannot be sent the native way (its answers in
/// the address, then lost) before its script has arrived; each of a survey's options is a target a thumb can hit; a
/// word longer than the screen wraps.
/// </summary>
public sealed class ResidentPhoneTests(TestApp app, DemoSite site) : IClassFixture<DemoSite>
{
    private Task<IBrowserContext> PhoneAsync() => app.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = site.BaseUrl.ToString(),
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        Locale = "vi-VN",
    });

    [Fact]
    public async Task A_phone_photo_over_5_MB_is_made_smaller_and_sent_and_an_unreadable_one_is_refused_before_sending()
    {
        await using var context = await PhoneAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/cong/{DemoSite.DaNangCode}/phan-anh?lang=en");
        var title = "Ổ gà trước chợ " + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("#title").FillAsync(title);
        await page.Locator("#description").FillAsync("Ổ gà lớn trước cổng chợ, xe máy đã ngã hai lần trong tuần này.");

        // A file over 5 MB the browser cannot draw: refused at once, next to the field, in English; the text stays.
        var noise = new byte[6 * 1024 * 1024];
        new Random(7).NextBytes(noise);
        await page.Locator("#photo").SetInputFilesAsync(new FilePayload { Name = "big.jpg", MimeType = "image/jpeg", Buffer = noise });
        await Assertions.Expect(page.Locator("#photo-error")).ToContainTextAsync("larger than 5 MB");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.getElementById('photo').files.length"));
        await Assertions.Expect(page.Locator("#title")).ToHaveValueAsync(title);

        // A 2000 x 1500 PNG of noise (a phone photo's size, about 12 MB): made into a JPEG under 5 MB, then sent.
        var png = Convert.FromBase64String(await page.EvaluateAsync<string>(
            "() => { const c = document.createElement('canvas'); c.width = 2000; c.height = 1500; const x = c.getContext('2d'); const d = x.createImageData(2000, 1500); for (let i = 0; i < d.data.length; i++) d.data[i] = (i % 4 === 3) ? 255 : (Math.random() * 256) | 0; x.putImageData(d, 0, 0); return c.toDataURL('image/png').split(',')[1]; }"));
        Assert.True(png.Length > 5 * 1024 * 1024, $"the test photo is only {png.Length} bytes");
        await page.Locator("#photo").SetInputFilesAsync(new FilePayload { Name = "IMG_0001.png", MimeType = "image/png", Buffer = png });
        await Assertions.Expect(page.Locator("#photo-status")).ToContainTextAsync("made smaller");
        await Assertions.Expect(page.Locator("#photo-error")).ToBeEmptyAsync();
        var sent = await page.EvaluateAsync<long>("() => document.getElementById('photo').files[0].size");
        Assert.InRange(sent, 1, 5 * 1024 * 1024);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the form scrolls sideways by {overflow} px on a phone");

        await page.WaitForTimeoutAsync(5500);
        await page.Locator("#concern-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#thanks")).ToBeVisibleAsync();
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var concern = await db.Concerns.SingleAsync(c => c.Title == title);
        Assert.Equal(1, await db.ConcernPhotos.CountAsync(p => p.ConcernId == concern.Id));
    }

    [Fact]
    public async Task A_survey_cannot_be_sent_before_its_script_has_arrived()
    {
        await using var context = await PhoneAsync();
        var page = await context.NewPageAsync();

        // The script never arrives (a connection that dropped): the button stays disabled, so no tap sends the answers
        // in the address.
        await page.RouteAsync("**/js/survey-answer.js*", route => route.AbortAsync());
        await page.GotoAsync($"/cong/{DemoSite.DaNangCode}/khao-sat/1");
        await page.Locator("input[name=q-sex]").First.CheckAsync();
        await Assertions.Expect(page.Locator("#send")).ToBeDisabledAsync();

        // Once it has arrived, the button works.
        await page.UnrouteAsync("**/js/survey-answer.js*");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#send")).ToBeEnabledAsync();
    }

    [Fact]
    public async Task Each_survey_option_is_a_44_px_target_on_a_phone()
    {
        await using var context = await PhoneAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/cong/{DemoSite.DaNangCode}/khao-sat/1?lang=en");
        var heights = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('#answer-form label.check')].filter(l => l.offsetParent !== null).map(l => l.getBoundingClientRect().height)");
        Assert.NotEmpty(heights);
        Assert.All(heights, h => Assert.True(h >= 44, $"an option is {h} px high"));
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the survey scrolls sideways by {overflow} px on a phone");
    }

    [Fact]
    public async Task A_word_longer_than_the_phone_wraps_on_the_follow_up_page()
    {
        await using var context = await PhoneAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/cong/{DemoSite.DaNangCode}/phan-anh");
        await page.Locator("#title").FillAsync("Ngập nước " + Guid.NewGuid().ToString("N")[..6]);
        await page.Locator("#description").FillAsync("Đường ngập nặng sau mưa, xe chết máy giữa đường: Nguyễnlươngbằng" + new string('x', 120));
        await page.Locator("#location").FillAsync("Kiệt" + new string('k', 120));
        await page.WaitForTimeoutAsync(5500);
        await page.Locator("#concern-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#thanks")).ToBeVisibleAsync();
        var code = (await page.Locator("#follow-up-code").InnerTextAsync()).Trim();

        await page.GotoAsync($"/cong/{DemoSite.DaNangCode}/theo-doi#ma=" + code);
        await page.Locator("#follow-up-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#follow-up-location")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the follow-up page scrolls sideways by {overflow} px on a phone");
    }
}
