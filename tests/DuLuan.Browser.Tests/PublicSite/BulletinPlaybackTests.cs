using System.Text.Json;
using DuLuan.Data;
using DuLuan.Features.Bulletins;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests.PublicSite;

/// <summary>
/// Issue #22 done-when: a bulletin is assembled and its MP3 plays in Chromium. The office's editor assembles one from the
/// demo's public items on the staff page; today's approved demo bulletin (rendered by espeak-ng at start) plays on the
/// place's public page on a phone: its duration is known and its time advances.
/// </summary>
public sealed class BulletinPlaybackTests(TestApp app, DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task An_editor_assembles_a_bulletin_and_todays_bulletin_plays_on_the_public_page()
    {
        Assert.Contains("LUFS", site.BulletinSeed, StringComparison.Ordinal);
        long daNangId;
        long todays;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            daNangId = await db.Units.Where(u => u.Code == DemoSite.DaNangCode).Select(u => u.Id).SingleAsync();
            todays = await db.Bulletins.Where(b => b.UnitId == daNangId && b.PublishedAt != null).OrderByDescending(b => b.Id).Select(b => b.Id).FirstAsync();
        }

        // Staff: pick two public items and assemble; the spoken text has every number written out.
        await using (var staff = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl.ToString(), Locale = "vi-VN" }))
        {
            var page = await staff.NewPageAsync();
            await new Pages.LoginPage(page).SignInAndWaitForHomeAsync(site.Office);
            await page.GotoAsync($"/Bulletins?unitId={daNangId}");
            var boxes = page.Locator("#assemble input[name=items]");
            Assert.True(await boxes.CountAsync() >= 2, "fewer than two public items to pick");
            await boxes.Nth(0).CheckAsync();
            await boxes.Nth(1).CheckAsync();
            await page.Locator("#slot").SelectOptionAsync("Evening");
            await page.Locator("#assemble-submit").ClickAsync();
            await page.WaitForURLAsync("**/Bulletins/Details?id=*");
            var spoken = await page.Locator("#spokenText").InputValueAsync();
            Assert.Contains("Kính thưa bà con", spoken, StringComparison.Ordinal);
            Assert.DoesNotContain(spoken, char.IsAsciiDigit);
            await Assertions.Expect(page.Locator("#bulletin-status")).ToHaveTextAsync("Bản nháp");
        }

        // Resident: today's bulletin plays.
        await using var context = await site.NewPhoneAsync(app.Browser);
        var phone = await context.NewPageAsync();
        await phone.GotoAsync($"/cong/{DemoSite.DaNangCode}/ban-tin");
        await phone.Locator($"a[href='/cong/{DemoSite.DaNangCode}/ban-tin/{todays}']").ClickAsync();
        await Assertions.Expect(phone.Locator("#bulletin-text")).ToContainTextAsync("Kính thưa bà con");
        var played = await phone.EvaluateAsync<JsonElement>(@"async () => {
            const audio = document.getElementById('bulletin-audio');
            audio.muted = true;
            await audio.play();
            const start = Date.now();
            while (audio.currentTime < 0.5 && Date.now() - start < 15000) { await new Promise(r => setTimeout(r, 100)); }
            audio.pause();
            return { duration: audio.duration, time: audio.currentTime, ready: audio.readyState, error: audio.error ? audio.error.code : 0 };
        }");
        Assert.Equal(0, played.GetProperty("error").GetInt32());
        Assert.True(played.GetProperty("duration").GetDouble() > 5, played.ToString());
        Assert.True(played.GetProperty("time").GetDouble() >= 0.5, played.ToString());
        Assert.True(played.GetProperty("ready").GetInt32() >= 2, played.ToString());
    }
}
