using DuLuan.Browser.Tests.Pages;
using DuLuan.Data;
using DuLuan.Features.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests;

/// <summary>A resident on a phone reads a published rebuttal and the list of rebuttals of the city's portal.</summary>
public sealed class RebuttalPageTests(TestApp app)
{
    [Fact]
    public async Task A_rebuttal_reads_cleanly_on_a_phone()
    {
        long id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var unitId = await db.Units.Where(u => u.Code == TestSeed.DaNangCode).Select(u => u.Id).SingleAsync();
            var now = DateTime.UtcNow;
            var claim = new Claim
            {
                UnitId = unitId,
                Text = "Đà Nẵng sẽ cắt nước toàn thành phố trong ba ngày từ thứ Hai tới </script> — chia sẻ ngay kẻo lỡ!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
                Verdict = Verdict.False,
                Reasoning = "Công ty cấp nước chỉ tạm ngừng cấp nước 8 giờ tại hai tuyến đường để thay ống.",
                Answer = "Thành phố không cắt nước toàn thành phố.",
                Status = ClaimStatus.Answered,
                CreatedAt = now.AddDays(-2),
                UpdatedAt = now,
                PublishedAt = now.AddDays(-1),
            };
            db.Claims.Add(claim);
            await db.SaveChangesAsync();
            db.ClaimLinks.Add(new ClaimLink { ClaimId = claim.Id, Kind = ClaimLinkKind.Url, Url = "https://mang-xa-hoi.example.vn/bai-viet/" + new string('a', 180) + "?chia-se=1", Outlet = "Trang mạng xã hội (ví dụ)", AppearedAt = now.AddDays(-3), AddedAt = now });
            db.ClaimEvidence.Add(new ClaimEvidence { ClaimId = claim.Id, Kind = EvidenceKind.Link, Title = "Thông báo của công ty cấp nước", Url = "https://capnuoc.example.vn/thong-bao/" + new string('b', 150), IsPublic = true, AddedAt = now });
            await db.SaveChangesAsync();
            id = claim.Id;
        }

        await using var context = await app.NewContextAsync(390, 844);
        var watch = await PageWatch.AttachAsync(context);
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        foreach (var path in new[] { $"/cong/{TestSeed.DaNangCode}/kiem-chung/{id}", $"/cong/{TestSeed.DaNangCode}/kiem-chung" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow} px on a phone");
            violations.AddRange(await PageWatch.CspViolationsAsync(page));
        }

        await page.GotoAsync($"/cong/{TestSeed.DaNangCode}/kiem-chung/{id}");
        await Assertions.Expect(page.Locator("#verdict")).ToHaveTextAsync("Sai sự thật");
        var claimReviewed = await page.EvaluateAsync<string>("() => JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent).claimReviewed");
        Assert.Contains("</script>", claimReviewed, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("script[type='application/ld+json']").CountAsync());
        violations.AddRange(await PageWatch.CspViolationsAsync(page));

        Assert.True(violations.Count == 0, "CSP violations: " + string.Join("\n", violations));
        Assert.True(watch.Problems.Count == 0, "Problems: " + string.Join("\n", watch.Problems));
    }

    [Fact]
    public async Task The_staff_claim_page_draws_its_spread_chart_without_csp_violations()
    {
        long id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var story = await db.Stories.Where(s => s.UnitId == app.Seed.ProvinceId).OrderByDescending(s => s.ArticleCount).FirstAsync();
            var claim = new Claim { UnitId = app.Seed.ProvinceId, Text = "Tin về " + story.Title, Status = ClaimStatus.Investigating, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Claims.Add(claim);
            await db.SaveChangesAsync();
            db.ClaimLinks.Add(new ClaimLink { ClaimId = claim.Id, Kind = ClaimLinkKind.Story, TargetId = story.Id, AppearedAt = story.FirstSeenAt, AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            id = claim.Id;
        }

        await using var context = await app.NewContextAsync(390, 844);
        var watch = await PageWatch.AttachAsync(context);
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAndWaitForHomeAsync(app.Seed.Viewer);
        await page.GotoAsync($"/Claims/Details?id={id}", new() { WaitUntil = WaitUntilState.NetworkIdle });
        // Chart.js sizes the canvas once it has drawn.
        await Assertions.Expect(page.Locator("#spread-chart")).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex("width"));
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the claim page scrolls sideways by {overflow} px on a phone");
        var violations = await PageWatch.CspViolationsAsync(page);
        Assert.True(violations.Length == 0, "CSP violations: " + string.Join("\n", violations));
        Assert.True(watch.Problems.Count == 0, "Problems: " + string.Join("\n", watch.Problems));
    }
}
