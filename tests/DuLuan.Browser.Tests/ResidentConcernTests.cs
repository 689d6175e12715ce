using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests;

/// <summary>A resident on a phone raises a concern without an account, and later reads the public answer.</summary>
public sealed class ResidentConcernTests(TestApp app)
{
    [Fact]
    public async Task Resident_submits_a_concern_on_a_phone_and_later_reads_the_public_answer()
    {
        await using var context = await app.NewContextAsync(390, 844);
        var watch = await PageWatch.AttachAsync(context);
        var page = await context.NewPageAsync();
        var title = "Đèn đường hỏng ở tổ 5 " + Guid.NewGuid().ToString("N")[..6];

        await page.GotoAsync($"/phan-anh/{app.Seed.CommuneId}");
        await page.Locator("#title").FillAsync(title);
        await page.Locator("#description").FillAsync("Đèn đường ở tổ 5 hỏng đã hai tuần, buổi tối rất tối và nguy hiểm cho người đi bộ.");
        // The form refuses answers typed faster than a person could (minimum fill time).
        await page.WaitForTimeoutAsync(5500);
        await page.Locator("#concern-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#thanks")).ToBeVisibleAsync();
        var code = (await page.Locator("#follow-up-code").InnerTextAsync()).Trim();
        await Assertions.Expect(page.Locator("#follow-up-qr")).ToBeVisibleAsync();
        var violations = new List<string>(await PageWatch.CspViolationsAsync(page));

        // The office groups it into a case and answers it.
        string reference;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var concern = await db.Concerns.SingleAsync(c => c.Title == title);
            var item = new Case
            {
                UnitId = app.Seed.CommuneId,
                Title = title,
                Description = concern.Description,
                Status = CaseStatus.Answered,
                CreatedAt = DateTime.UtcNow.AddDays(-1),
                Answer = "Điện lực đã thay bóng đèn tổ 5 sáng nay.",
                AnsweredAt = DateTime.UtcNow,
            };
            db.Cases.Add(item);
            await db.SaveChangesAsync();
            concern.CaseId = item.Id;
            await db.SaveChangesAsync();
            reference = item.PublicRef;
        }

        await page.GotoAsync($"/vu-viec/{reference}");
        await Assertions.Expect(page.Locator("#answer")).ToContainTextAsync("Điện lực đã thay bóng đèn");
        await Assertions.Expect(page.Locator("#reopen")).ToHaveCountAsync(0);

        // The QR's link puts the code into the follow-up form without sending it anywhere.
        await page.GotoAsync($"/cong/{TestSeed.HaiVanCode}/theo-doi#ma=" + code);
        await Assertions.Expect(page.Locator("#code")).ToHaveValueAsync(code);
        await page.Locator("#follow-up-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#reopen")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the public answer scrolls sideways by {overflow} px on a phone");
        violations.AddRange(await PageWatch.CspViolationsAsync(page));

        Assert.True(violations.Count == 0, "CSP violations: " + string.Join("\n", violations));
        Assert.True(watch.Problems.Count == 0, "Problems: " + string.Join("\n", watch.Problems));
    }
}
