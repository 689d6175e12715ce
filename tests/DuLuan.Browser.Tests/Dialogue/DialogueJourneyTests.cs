using System.Globalization;
using System.Text.RegularExpressions;
using DuLuan.Browser.Tests.Pages;
using DuLuan.Browser.Tests.PublicSite;
using DuLuan.Data;
using DuLuan.Features.Account;
using DuLuan.Features.Dialogue;
using DuLuan.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests.Dialogue;

/// <summary>
/// The Done-when walk of #22's dialogue on the demo site: a resident sends a question from a 390 px phone; the office
/// groups it with a similar one and sends it to an agency, the agency drafts the answer, the lead approves it, the session
/// is held, a commitment becomes a case, the answers are published and the resident reads them with the code.
/// </summary>
public sealed partial class DialogueJourneyTests(TestApp app, DemoSite site) : IClassFixture<DemoSite>
{
    private const string Official = "Chủ tịch UBND phường Hoà Khánh: Trần Văn Minh";

    [Fact]
    public async Task A_resident_question_from_a_phone_is_grouped_answered_approved_published_and_its_commitment_becomes_a_case()
    {
        var problems = new List<string>();
        var lead = await AddLeadAsync();
        var title = "Đối thoại về chiếu sáng " + Guid.NewGuid().ToString("N")[..6];

        // The office announces the dialogue of Phường Hoà Khánh.
        await using var officeContext = await Staff();
        var office = await officeContext.NewPageAsync();
        await new LoginPage(office).SignInAndWaitForHomeAsync(site.Office);
        await office.GotoAsync("/Dialogue");
        var wardId = await WithDbAsync(db => db.Units.Where(u => u.Code == DemoSite.HoaKhanhCode).Select(u => u.Id).SingleAsync());
        await office.Locator("#unit").SelectOptionAsync(wardId.ToString(CultureInfo.InvariantCulture));
        await office.Locator("#title").FillAsync(title);
        await office.Locator("#starts-at").FillAsync(DateTime.Now.AddDays(3).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await office.Locator("#channel").SelectOptionAsync("Loudspeaker");
        await office.Locator("#officials").FillAsync(Official);
        await office.Locator("#create-session").ClickAsync();
        await Assertions.Expect(office).ToHaveURLAsync(new Regex(@"/Dialogue/Details\?id=\d+$"));
        var id = long.Parse(IdPattern().Match(office.Url).Groups[1].Value, CultureInfo.InvariantCulture);

        // Two residents ask from their phones, through the ward's site; nobody gives a name.
        var code = await AskAsync(title, "Đèn đường trên tuyến Nguyễn Lương Bằng hỏng nhiều tuần, bao giờ được sửa?", problems);
        await AskAsync(title, "Đèn đường tuyến Nguyễn Lương Bằng hỏng nhiều tuần rồi, bao giờ thì được sửa?", problems);

        // The office groups them and sends the question to the agency.
        await office.ReloadAsync();
        await office.Locator("#group-questions").ClickAsync();
        await Assertions.Expect(office.Locator("#questions .group-count")).ToHaveCountAsync(1);
        var row = office.Locator("#questions tbody tr").Filter(new() { Has = office.Locator(".group-count") });
        await row.Locator("select[name=agencyId]").SelectOptionAsync(site.AgencyId.ToString(CultureInfo.InvariantCulture));
        await row.Locator(".pick-form button").ClickAsync();
        await Assertions.Expect(office.Locator("#questions tr[data-stage=WithAgency]")).ToHaveCountAsync(1);

        // The agency drafts the answer and names who gives it.
        await using (var agencyContext = await Staff())
        {
            var agency = await agencyContext.NewPageAsync();
            await new LoginPage(agency).SignInAndWaitForHomeAsync(site.Agency);
            await agency.GotoAsync("/Dialogue/Answers");
            var item = agency.Locator(".answer-item").Filter(new() { HasText = "Nguyễn Lương Bằng" });
            await item.Locator("textarea").FillAsync("Đơn vị quản lý chiếu sáng sẽ thay 42 bộ đèn hỏng trong tháng này.");
            // The officials as the office stored them (Unicode composed): the first, the chairman.
            await item.Locator("select").SelectOptionAsync(new SelectOptionValue { Index = 0 });
            await item.Locator("button[type=submit]").ClickAsync();
            await Assertions.Expect(agency.Locator(".answer-item", new() { HasText = "Chờ lãnh đạo duyệt" })).ToHaveCountAsync(1);
        }

        // The lead (with two-step verification) approves the answer.
        await using (var leadContext = await Staff())
        {
            var review = await leadContext.NewPageAsync();
            await new LoginPage(review).GotoAsync();
            await new LoginPage(review).SignInAsync(lead.Email, lead.Password);
            await Assertions.Expect(review).ToHaveURLAsync(new Regex("/Account/EnableAuthenticator$"));
            var twoFactor = new TwoFactorPages(review);
            var key = Totp.FromBase32(await twoFactor.ReadSharedKeyAsync());
            await twoFactor.SubmitCodeAsync(Totp.Code(key, Totp.StepAt(DateTimeOffset.UtcNow)));
            await review.GotoAsync($"/Dialogue/Details?id={id}");
            await review.Locator("#questions .approve").ClickAsync();
            await Assertions.Expect(review.Locator("#questions tr[data-stage=Approved]")).ToHaveCountAsync(1);
        }

        // The session takes place (its time is moved to the past); the office records a commitment and publishes.
        await WithDbAsync(async db =>
        {
            var session = await db.DialogueSessions.SingleAsync(s => s.Id == id);
            session.StartsAt = DateTime.UtcNow.AddHours(-2);
            return await db.SaveChangesAsync();
        });
        await office.ReloadAsync();
        await office.Locator("#hold").ClickAsync();
        await Assertions.Expect(office.Locator("#session-status")).ToHaveTextAsync("Đã tổ chức");
        var commit = office.Locator(".commit-form");
        await commit.Locator("textarea").FillAsync("Thay toàn bộ đèn hỏng trên tuyến Nguyễn Lương Bằng.");
        await commit.Locator("input[type=date]").FillAsync(DateTime.Now.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await commit.Locator("button").ClickAsync();
        await Assertions.Expect(office.Locator("#commitments li")).ToHaveCountAsync(1);
        await office.Locator("#publish").ClickAsync();
        await Assertions.Expect(office.Locator("#session-status")).ToHaveTextAsync("Đã công bố hỏi – đáp");
        var commitment = await WithDbAsync(db => db.DialogueCommitments.SingleAsync(c => c.SessionId == id));
        var opened = await WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == commitment.CaseId));
        Assert.Equal(site.AgencyId, opened.AgencyId);
        Assert.NotNull(opened.DueAt);

        // The resident reads the answers on the phone, follows the commitment's case, and finds the answer by the code.
        await using var phone = await site.NewPhoneAsync(app.Browser);
        var page = await phone.NewPageAsync();
        await page.GotoAsync($"/cong/{DemoSite.HoaKhanhCode}/doi-thoai/{id}");
        await Assertions.Expect(page.Locator("#answers li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#answers")).ToContainTextAsync("42 bộ đèn");
        await Assertions.Expect(page.Locator("#answers")).ToContainTextAsync("2 lượt hỏi");
        await CheckAsync(page, problems);
        await page.Locator("#answers .commitment a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/vu-viec/{opened.PublicRef}$"));
        await page.GotoAsync($"/cong/{DemoSite.HoaKhanhCode}/doi-thoai/theo-doi#ma={code}");
        await page.Locator("#follow-up-form button").ClickAsync();
        await Assertions.Expect(page.Locator("#question-answer")).ToContainTextAsync("42 bộ đèn");
        await CheckAsync(page, problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task<string> AskAsync(string title, string question, List<string> problems)
    {
        await using var phone = await site.NewPhoneAsync(app.Browser);
        var page = await phone.NewPageAsync();
        await page.GotoAsync($"/cong/{DemoSite.HoaKhanhCode}");
        await page.Locator("#public-nav a[href*='/doi-thoai']").ClickAsync();
        await CheckAsync(page, problems);
        await page.Locator("#upcoming a", new() { HasText = title }).ClickAsync();
        await page.Locator("#question").FillAsync(question);
        await page.Locator("#ask-send").ClickAsync();
        await Assertions.Expect(page.Locator("#question-receipt")).ToBeVisibleAsync();
        await CheckAsync(page, problems);
        var code = (await page.Locator("#question-code").InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$", code);
        return code;
    }

    private static async Task CheckAsync(IPage page, List<string> problems)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            problems.Add($"{page.Url}: scrolls sideways by {overflow} px on a phone");
        }

        problems.AddRange((await Axe.RunAsync(page)).Where(v => v.Serious).Select(v => $"{page.Url}: axe {v}"));
    }

    private Task<IBrowserContext> Staff() => app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl.ToString(), Locale = "vi-VN" });

    private async Task<SeededMember> AddLeadAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var daNang = await db.Units.SingleAsync(u => u.Code == DemoSite.DaNangCode);
        return await TestSeed.AddMemberAsync(scope.ServiceProvider, "lead@demo-site.test", "Demo site lead", daNang, Role.Lead, CancellationToken.None);
    }

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [GeneratedRegex(@"id=(\d+)")]
    private static partial Regex IdPattern();
}
