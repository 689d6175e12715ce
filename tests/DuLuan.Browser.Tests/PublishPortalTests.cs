using System.Globalization;
using System.Text.RegularExpressions;
using DuLuan.Browser.Tests.Pages;
using DuLuan.Features.Account;
using DuLuan.Features.Members;
using DuLuan.Features.Publish;
using DuLuan.Features.Publish.Posts;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests;

/// <summary>Moves the app's clock, so it runs alone, after the tests that run in parallel.</summary>
[CollectionDefinition(nameof(ClockCollection), DisableParallelization = true)]
public sealed class ClockCollection;

[Collection(nameof(ClockCollection))]
public sealed class PublishPortalTests(TestApp app)
{
    [Fact]
    public async Task An_editor_drafts_an_approver_approves_and_the_post_appears_on_the_portal_at_its_time()
    {
        var editor = await app.InviteAsync("bientap.dang@browser.test", Role.Editor);
        var approver = await app.InviteAsync("lanhdao.duyet@browser.test", Role.Lead);
        var title = "Thông báo lịch tiếp công dân tháng " + Guid.NewGuid().ToString("N")[..6];
        var at = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow().AddHours(2), TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"));
        try
        {
            // The editor drafts the post for two hours from now and sends it for review.
            await using var editorContext = await app.NewContextAsync();
            var page = await editorContext.NewPageAsync();
            var watch = await PageWatch.AttachAsync(editorContext);
            await new LoginPage(page).SignInAndWaitForHomeAsync(editor);
            await page.GotoAsync("/Publish/Posts/Create");
            await page.Locator("#unit").SelectOptionAsync(app.Seed.ProvinceId.ToString(CultureInfo.InvariantCulture));
            await page.Locator("#title").FillAsync(title);
            await page.Locator("#body").FillAsync("<p>Lãnh đạo thành phố tiếp công dân vào ngày 15 hằng tháng.</p>");
            await page.Locator("#tags").FillAsync("dịch vụ công");
            await page.Locator("#scheduled").FillAsync(at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
            await page.Locator("main form button[type=submit]").Last.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/Publish/Posts/Details\?id=\d+"));
            var id = long.Parse(Regex.Match(page.Url, @"id=(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
            await page.Locator("#submit").ClickAsync();
            await Assertions.Expect(page.Locator("#submit")).ToHaveCountAsync(0);
            Assert.Equal(PostStatus.InReview, await StatusAsync(id));

            // The approver (a lead, with two-step verification) approves it; it is then scheduled.
            await using var approverContext = await app.NewContextAsync();
            var review = await approverContext.NewPageAsync();
            await new LoginPage(review).GotoAsync();
            await new LoginPage(review).SignInAsync(approver.Email, approver.Password);
            await Assertions.Expect(review).ToHaveURLAsync(new Regex("/Account/EnableAuthenticator$"));
            var twoFactor = new TwoFactorPages(review);
            var key = Totp.FromBase32(await twoFactor.ReadSharedKeyAsync());
            await twoFactor.SubmitCodeAsync(Totp.Code(key, Totp.StepAt(DateTimeOffset.UtcNow)));
            await review.GotoAsync($"/Publish/Posts/Details?id={id}");
            await review.Locator("#approve").ClickAsync();
            await Assertions.Expect(review.Locator("#approve")).ToHaveCountAsync(0);
            Assert.Equal(PostStatus.Scheduled, await StatusAsync(id));

            // Before its time the portal does not show it (and now holds the list in its cache).
            await using var readerContext = await app.NewContextAsync(390, 844);
            var reader = await readerContext.NewPageAsync();
            await reader.GotoAsync($"/cong/{TestSeed.DaNangCode}");
            await Assertions.Expect(reader.Locator("#news")).Not.ToContainTextAsync(title);
            Assert.Equal(404, (await reader.GotoAsync($"/cong/{TestSeed.DaNangCode}/tin/{id}"))!.Status);

            // At its time the publishing job puts it out, and the portal shows it at once.
            app.Clock.Advance(TimeSpan.FromHours(2).Add(TimeSpan.FromMinutes(1)));
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<PublishJob>().RunOnceAsync("browser-test", CancellationToken.None);
            }

            Assert.Equal(PostStatus.Published, await StatusAsync(id));
            // A new reader (the first one's browser may keep the list for its max-age of 60 s): the server's cached
            // list was evicted when the post went out.
            await using var laterContext = await app.NewContextAsync(390, 844);
            reader = await laterContext.NewPageAsync();
            await reader.GotoAsync($"/cong/{TestSeed.DaNangCode}");
            await Assertions.Expect(reader.Locator("#news")).ToContainTextAsync(title);
            await reader.Locator("#news a", new() { HasText = title }).ClickAsync();
            await Assertions.Expect(reader.Locator("#title")).ToHaveTextAsync(title);
            Assert.Empty(await PageWatch.CspViolationsAsync(reader));
            Assert.True(watch.Problems.Count == 0, "Problems: " + string.Join("\n", watch.Problems));
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    private async Task<PostStatus> StatusAsync(long id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DuLuan.Data.AppDbContext>().Posts.Where(p => p.Id == id).Select(p => p.Status).SingleAsync();
    }
}
