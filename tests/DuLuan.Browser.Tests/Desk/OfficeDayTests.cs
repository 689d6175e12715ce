using System.Globalization;
using System.Text.RegularExpressions;
using DuLuan.Browser.Tests.Pages;
using DuLuan.Browser.Tests.PublicSite;
using DuLuan.Data;
using DuLuan.Features.Account;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Members;
using DuLuan.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests.Desk;

/// <summary>
/// Issue #20, "Done when": a day at the office on the demo, in Vietnamese and in English (a class each). A resident files a
/// concern about the environment; the demo's rule routes it to the environment agency's queue; the agency's liaison
/// answers it with a template; an editor drafts a rebuttal and asks for approval, a lead approves it and it is published
/// at once; the lead's dashboard counts the new case under its category. Every page keeps the chosen language and
/// breaks no content-security rule; axe-core finds nothing serious on the staff pages.
/// </summary>
public abstract class OfficeDayTests(TestApp app, DemoSite site, string language)
{
    protected TestApp App => app;

    protected DemoSite Site => site;

    [Fact]
    public async Task A_concern_is_routed_by_rule_answered_with_a_template_a_rebuttal_is_approved_and_published_and_the_dashboard_counts_it()
    {
        await DayAsync(language);
    }

    private async Task DayAsync(string language)
    {
        var english = language == "en";
        var problems = new List<string>();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (daNangId, lead) = await NewLeadAsync(tag);

        // Morning: the lead signs in (two-step enrolment on first sign-in) and reads the dashboard's count by category.
        await using var leadContext = await StaffContextAsync();
        var leadPage = await leadContext.NewPageAsync();
        await new LoginPage(leadPage).GotoAsync();
        await new LoginPage(leadPage).SignInAsync(lead.Email, lead.Password);
        await Assertions.Expect(leadPage).ToHaveURLAsync(new Regex("/Account/EnableAuthenticator$"));
        var twoFactor = new TwoFactorPages(leadPage);
        var key = Totp.FromBase32(await twoFactor.ReadSharedKeyAsync());
        await twoFactor.SubmitCodeAsync(Totp.Code(key, Totp.StepAt(DateTimeOffset.UtcNow)));
        await ChooseLanguageAsync(leadPage, english);
        var period = ReportPeriod.QuarterOf(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7))).Code;
        var dashboard = $"/Reports?unit={daNangId}&period={Uri.EscapeDataString(period)}";
        var categoryName = english ? "Environment" : "Môi trường";
        var before = await NewCasesInCategoryAsync(leadPage, dashboard, categoryName);

        // A resident files a concern about the environment on the ward's public form.
        var title = (english ? "Rubbish dumped by the river " : "Rác đổ trộm ven sông ") + tag;
        await using (var resident = await site.NewPhoneAsync(app.Browser, new BrowserNewContextOptions { Locale = english ? "en-US" : "vi-VN" }))
        {
            await Axe.AddToAsync(resident);
            var page = await resident.NewPageAsync();
            await page.GotoAsync($"/cong/{DemoSite.HoaKhanhCode}/phan-anh" + (english ? "?lang=en" : string.Empty));
            var opened = DateTime.UtcNow;
            await page.Locator("#title").FillAsync(title);
            await page.Locator("#description").FillAsync(english
                ? "Construction waste has been dumped on the river bank for a week and the smell reaches the houses."
                : "Xà bần và rác thải đổ trộm ở bờ sông cả tuần nay, mùi hôi bay vào khu dân cư.");
            await page.Locator("#category").SelectOptionAsync(CasesDemoSeed.EnvironmentCategory);
            var left = TimeSpan.FromSeconds(5.5) - (DateTime.UtcNow - opened);
            if (left > TimeSpan.Zero)
            {
                await page.WaitForTimeoutAsync((float)left.TotalMilliseconds);
            }

            await page.Locator("#concern-form button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator("#thanks")).ToBeVisibleAsync();
            await CheckAsync(page, language, problems);
        }

        // The rule (environment, anywhere in Đà Nẵng -> the environment agency) routed it: a case in the agency's queue.
        var (caseId, agencyId, category) = await CaseOfAsync(title);
        Assert.Equal(CasesDemoSeed.EnvironmentCategory, category);
        var liaison = await LiaisonOfAsync(agencyId, tag);

        // The agency's liaison finds it in the queue and answers with the agency's template.
        await using (var agencyContext = await StaffContextAsync())
        {
            var page = await agencyContext.NewPageAsync();
            await new LoginPage(page).SignInAndWaitForHomeAsync(liaison);
            await ChooseLanguageAsync(page, english);
            await page.GotoAsync("/Cases/Queue");
            var row = page.Locator("#queue a", new() { HasText = title });
            await Assertions.Expect(row).ToBeVisibleAsync();
            await CheckAsync(page, language, problems);
            await Screenshots.TakeAsync(page, $"guide-liaison-queue-{language}");
            await row.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/Cases/Respond\\?id={caseId}$"));
            await page.Locator("#template").SelectOptionAsync(new SelectOptionValue { Label = "Đã xử lý tại hiện trường" });
            await CheckAsync(page, language, problems);
            await Screenshots.TakeAsync(page, $"guide-liaison-answer-{language}");
            await page.Locator("form:has(#template) button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator("#answer")).ToContainTextAsync("Cơ quan đã cử cán bộ kiểm tra và xử lý tại hiện trường");
            await CheckAsync(page, language, problems);
        }

        Assert.Equal(CaseStatus.Answered, await StatusAsync(caseId));

        // An editor drafts a rebuttal of a false claim and asks for approval.
        long claimId;
        await using (var editorContext = await StaffContextAsync())
        {
            var page = await editorContext.NewPageAsync();
            await new LoginPage(page).SignInAndWaitForHomeAsync(site.Office);
            await ChooseLanguageAsync(page, english);
            await page.GotoAsync("/Claims/Create");
            await page.Locator("#unit").SelectOptionAsync(daNangId.ToString(CultureInfo.InvariantCulture));
            await page.Locator("#text").FillAsync((english ? "Posts say the river water is poisoned " : "Tin đồn nước sông bị nhiễm độc ") + tag);
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/Claims/Details\?id=\d+"));
            claimId = long.Parse(Regex.Match(page.Url, @"id=(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
            await page.Locator("#edit-verdict").SelectOptionAsync("False");
            await page.Locator("#edit-reasoning").FillAsync("Kết quả quan trắc ngày hôm qua của Sở Tài nguyên và Môi trường cho thấy các chỉ tiêu đều trong giới hạn cho phép.");
            await page.Locator("#edit-answer").FillAsync("Nước sông không bị nhiễm độc; rác đổ trộm đã được thu gom.");
            await page.Locator("#claim-edit button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator("#claim-publish button[type=submit]")).ToBeVisibleAsync();
            await page.Locator("#claim-publish button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator("#approval-state")).ToHaveTextAsync(english ? "Waiting for approval." : "Đang chờ duyệt.");
            await CheckAsync(page, language, problems);
            await Screenshots.TakeAsync(page, $"guide-editor-rebuttal-{language}");
        }

        // The lead approves it: the last tier publishes it at once.
        await leadPage.GotoAsync($"/Claims/Details?id={claimId}");
        await Assertions.Expect(leadPage.Locator("#claim-approve button")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(leadPage, $"guide-lead-approve-{language}");
        await leadPage.Locator("#claim-approve button").ClickAsync();
        await Assertions.Expect(leadPage.Locator("#approval-state")).ToHaveTextAsync(english ? "Approved and published." : "Đã được duyệt và công bố.");
        await CheckAsync(leadPage, language, problems);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var claim = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Claims.AsNoTracking().SingleAsync(c => c.Id == claimId);
            Assert.NotNull(claim.PublishedAt);
        }

        // The dashboard counts the new case under its category, named in the chosen language.
        var after = await NewCasesInCategoryAsync(leadPage, dashboard, categoryName);
        Assert.Equal(before + 1, after);
        await CheckAsync(leadPage, language, problems);
        await Screenshots.TakeAsync(leadPage, $"guide-lead-dashboard-{language}");
        await AssertReadableAsync(leadPage, 1366);
        await leadPage.SetViewportSizeAsync(390, 844);
        await AssertReadableAsync(leadPage, 390);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// The dashboard reads at a glance at this width: figures in a grid of several columns, each with its arrow; charts
    /// at least 280 px high and nearly as wide as the screen on a phone (wider than 500 px on a laptop), each with its
    /// table of figures; nothing scrolls sideways.
    /// </summary>
    private static async Task AssertReadableAsync(IPage page, int width)
    {
        var columns = await page.EvaluateAsync<int>("() => getComputedStyle(document.querySelector('.figures')).gridTemplateColumns.split(' ').length");
        Assert.True(columns >= (width < 600 ? 2 : 4), $"{width} px: {columns} figure columns");
        Assert.True(await page.Locator(".figure .figure-change span[aria-hidden]").CountAsync() >= 4);
        var charts = page.Locator("canvas.report-chart");
        Assert.True(await charts.CountAsync() >= 1);
        foreach (var chart in await charts.AllAsync())
        {
            await chart.ScrollIntoViewIfNeededAsync();
            var box = await chart.BoundingBoxAsync();
            Assert.True(box is not null && box.Height >= 280 && box.Width >= (width < 600 ? 300 : 500), $"{width} px: a chart of {box?.Width}×{box?.Height} px");
            var table = await chart.GetAttributeAsync("aria-describedby");
            Assert.Equal(1, await page.Locator($"table[id='{table}']").CountAsync());
        }

        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
    }

    /// <summary>The first count ("new") of the category's row in the dashboard's table by category.</summary>
    private static async Task<int> NewCasesInCategoryAsync(IPage page, string dashboard, string categoryName)
    {
        await page.GotoAsync(dashboard);
        var table = page.Locator("#table-" + DuLuan.Infrastructure.Reporting.ReportKeys.ConcernsByCategory.Replace('.', '-'));
        await Assertions.Expect(table).ToBeVisibleAsync();
        var row = table.Locator("tbody tr", new() { Has = page.Locator("th", new() { HasTextString = categoryName }) });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        var text = (await row.Locator("td").First.InnerTextAsync()).Trim();
        return int.Parse(text.Replace(".", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    /// <summary>A laptop-sized context (1366×768, own cookies) on the demo site, with axe-core loaded in its pages.</summary>
    protected async Task<IBrowserContext> StaffContextAsync()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "vi-VN",
        });
        await Axe.AddToAsync(context);
        return context;
    }

    /// <summary>Staff choose English with the header's switch; the choice is a cookie that holds on every page after.</summary>
    private static async Task ChooseLanguageAsync(IPage page, bool english)
    {
        if (english && await page.Locator("html").GetAttributeAsync("lang") != "en")
        {
            await new Layout(page).SwitchLanguageAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        }
    }

    private async Task<(long DaNangId, SeededMember Lead)> NewLeadAsync(string tag)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var daNang = await db.Units.SingleAsync(u => u.Code == DemoSite.DaNangCode);
        var lead = await TestSeed.AddMemberAsync(services, $"lead-{tag}@demo-site.test", "Lãnh đạo " + tag, daNang, Role.Lead, CancellationToken.None);
        return (daNang.Id, lead);
    }

    /// <summary>A liaison of the agency the rule routed to, which must be the demo's environment agency (the one with the template).</summary>
    private async Task<SeededMember> LiaisonOfAsync(long? agencyId, string tag)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var agency = await services.GetRequiredService<AppDbContext>().Units.SingleAsync(u => u.Id == agencyId);
        Assert.Equal(DuLuan.Cli.DemoSeed.LiaisonAgency, agency.Name);
        return await TestSeed.AddMemberAsync(services, $"liaison-{tag}@demo-site.test", "Đầu mối " + tag, agency, Role.AgencyLiaison, CancellationToken.None);
    }

    private async Task<(long CaseId, long? AgencyId, string? Category)> CaseOfAsync(string title)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var concern = await db.Concerns.AsNoTracking().SingleAsync(c => c.Title == title);
        Assert.NotNull(concern.CaseId);
        var item = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == concern.CaseId);
        return (item.Id, item.AgencyId, item.Category);
    }

    private async Task<CaseStatus> StatusAsync(long caseId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync();
    }

    /// <summary>Each page: in the chosen language, no content-security violation, and (staff pages) nothing serious for axe-core.</summary>
    protected static async Task CheckAsync(IPage page, string language, List<string> problems, bool axe = true)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (await page.Locator("html").GetAttributeAsync("lang") != language)
        {
            problems.Add($"{page.Url}: <html lang> is not {language}");
        }

        problems.AddRange((await PageWatch.CspViolationsAsync(page)).Select(v => $"{page.Url}: CSP {v}"));
        if (axe)
        {
            problems.AddRange((await Axe.RunAsync(page)).Where(v => v.Serious).Select(v => $"{page.Url}: axe {v}"));
        }
    }
}

/// <summary>The office day in Vietnamese, and the pages of the role guides (in Vietnamese, as the guides show them).</summary>
public sealed class OfficeDayVietnameseTests(TestApp app, DemoSite site) : OfficeDayTests(app, site, "vi"), IClassFixture<DemoSite>
{
    /// <summary>
    /// The pages the role guides (docs/guides) show, opened by each role on the demo: they answer, say who may do what, and
    /// are pictured for the guides when DULUAN_SCREENSHOTS=1.
    /// </summary>
    [Fact]
    public async Task The_pages_of_each_roles_guide_open_on_the_demo_and_the_home_links_the_guide()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        SeededMember admin, collaborator;
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<AppDbContext>();
            var daNang = await db.Units.SingleAsync(u => u.Code == DemoSite.DaNangCode);
            var ward = await db.Units.SingleAsync(u => u.Code == DemoSite.HoaKhanhCode);
            admin = await TestSeed.AddMemberAsync(services, $"admin-{tag}@demo-site.test", "Quản trị " + tag, daNang, Role.Admin, CancellationToken.None);
            collaborator = await TestSeed.AddMemberAsync(services, $"ctv-{tag}@demo-site.test", "Cộng tác viên " + tag, ward, Role.Collaborator, CancellationToken.None);
        }

        var problems = new List<string>();
        await using (var context = await StaffContextAsync())
        {
            var page = await context.NewPageAsync();
            await new LoginPage(page).GotoAsync();
            await new LoginPage(page).SignInAsync(admin.Email, admin.Password);
            var twoFactor = new TwoFactorPages(page);
            await twoFactor.SubmitCodeAsync(Totp.Code(Totp.FromBase32(await twoFactor.ReadSharedKeyAsync()), Totp.StepAt(DateTimeOffset.UtcNow)));
            await page.GotoAsync("/Home");
            await Assertions.Expect(page.Locator("#guide-link[href='/Guide/admin']")).ToBeVisibleAsync();
            await page.Locator("#guide-link").ClickAsync();
            await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("quản trị");
            await Assertions.Expect(page.Locator("main img").First).ToBeVisibleAsync();
            await CheckAsync(page, "vi", problems);
            await page.GotoAsync("/Cases/Holidays");
            await Assertions.Expect(page.Locator("#holiday-date")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("Thành phố Đà Nẵng");
            await CheckAsync(page, "vi", problems);
            await Screenshots.TakeAsync(page, "guide-admin-holidays-vi");
            await page.GotoAsync("/Members");
            await page.Locator("main table a", new() { HasTextString = "Demo site agency" }).ClickAsync();
            await Assertions.Expect(page.Locator("#grant-form [data-pick]")).ToBeVisibleAsync();
            await CheckAsync(page, "vi", problems);
            await Screenshots.TakeAsync(page, "guide-admin-grant-vi");
        }

        await using (var context = await StaffContextAsync())
        {
            var page = await context.NewPageAsync();
            await new LoginPage(page).SignInAndWaitForHomeAsync(Site.Office);
            await Assertions.Expect(page.Locator("#guide-link[href='/Guide/editor']")).ToBeVisibleAsync();
            await page.GotoAsync("/Cases?status=all");
            await Assertions.Expect(page.Locator("main table")).ToBeVisibleAsync();
            await CheckAsync(page, "vi", problems);
            await Screenshots.TakeAsync(page, "guide-editor-cases-vi");
        }

        await using (var context = await Site.NewPhoneAsync(App.Browser))
        {
            await Axe.AddToAsync(context);
            var page = await context.NewPageAsync();
            await new LoginPage(page).SignInAndWaitForHomeAsync(collaborator);
            await Assertions.Expect(page.Locator("#guide-link[href='/Guide/collaborator']")).ToBeVisibleAsync();
            await page.GotoAsync("/Opinions");
            await page.Locator("main a[href^='/Opinions/New']").First.ClickAsync();
            await Assertions.Expect(page.Locator("#opinion-form")).ToBeVisibleAsync();
            await CheckAsync(page, "vi", problems);
            await Screenshots.TakeAsync(page, "guide-collaborator-form-vi");
            await page.GotoAsync("/Opinions/Reports?mine=true");
            await Assertions.Expect(page.Locator("#opinion-count")).ToBeVisibleAsync();
            await CheckAsync(page, "vi", problems);
            await Screenshots.TakeAsync(page, "guide-collaborator-history-vi");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

/// <summary>The office day in English: a class of its own, so it runs beside the Vietnamese one.</summary>
public sealed class OfficeDayEnglishTests(TestApp app, DemoSite site) : OfficeDayTests(app, site, "en"), IClassFixture<DemoSite>;
