using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Reports;

public sealed class DashboardLinksTests
{
    [Theory, Providers]
    public async Task The_dashboard_links_templates_and_runs_for_those_who_may_open_them(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var tree = app.Tree;
        await app.AddMemberAsync("bientap@a.vn", tree.ProvinceA, Role.Editor);
        await app.AddMemberAsync("xem@a.vn", tree.ProvinceA, Role.Viewer);
        var mixed = await app.AddMemberAsync("xa@a.vn", tree.ProvinceA, Role.Viewer);
        await app.WithDbAsync(db =>
        {
            db.Memberships.Add(new Membership { MemberId = mixed.Id, UnitId = tree.CommuneA1.Id, Role = Role.Editor });
            return db.SaveChangesAsync();
        });
        var dashboard = $"/Reports?unit={tree.ProvinceA.Id}&period=2025-Q3";

        using (var editor = app.Client())
        {
            await editor.SignInOkAsync("bientap@a.vn");
            var html = await editor.GetStringAsync(dashboard);
            Assert.Contains($"id=\"report-templates\" href=\"/Reports/Templates?unit={tree.ProvinceA.Id}\"", html, StringComparison.Ordinal);
            Assert.Contains("id=\"report-runs\" href=\"/Reports/Drafts/Runs\"", html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/Reports/Templates?unit={tree.ProvinceA.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/Reports/Drafts/Runs")).StatusCode);
        }

        using (var viewer = app.Client())
        {
            await viewer.SignInOkAsync("xem@a.vn");
            var html = await viewer.GetStringAsync(dashboard);
            Assert.Contains("id=\"report-heading\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("report-templates", html, StringComparison.Ordinal);
            Assert.DoesNotContain("report-runs", html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/Reports/Templates?unit={tree.ProvinceA.Id}")).StatusCode);
        }

        using (var commune = app.Client())
        {
            // Editor of a commune, viewer of the province: the province's templates are not theirs, the runs page is.
            await commune.SignInOkAsync("xa@a.vn");
            var province = await commune.GetStringAsync(dashboard);
            Assert.DoesNotContain("report-templates", province, StringComparison.Ordinal);
            Assert.Contains("id=\"report-runs\"", province, StringComparison.Ordinal);
            var own = await commune.GetStringAsync($"/Reports?unit={tree.CommuneA1.Id}&period=2025-Q3");
            Assert.Contains($"/Reports/Templates?unit={tree.CommuneA1.Id}", own, StringComparison.Ordinal);
        }
    }

    [Theory, Providers]
    public async Task Period_names_follow_the_readers_language_on_the_dashboard_and_the_runs_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("bientap@a.vn", app.Tree.ProvinceA, Role.Editor);
        using var editor = app.Client();
        await editor.SignInOkAsync("bientap@a.vn");
        var dashboard = $"/Reports?unit={app.Tree.ProvinceA.Id}&period=2025-Q3";
        Assert.Contains("trong quý III năm 2025: các chỉ tiêu đều bằng 0.", WebUtility.HtmlDecode(await editor.GetStringAsync(dashboard)), StringComparison.Ordinal);

        editor.Cookies.Add(app.BaseAddress, new Cookie(".AspNetCore.Culture", "c=en|uic=en"));
        foreach (var address in new[] { dashboard, "/Reports/Drafts/Runs" })
        {
            var english = WebUtility.HtmlDecode(await editor.GetStringAsync(address));
            Assert.Contains("quarter ", english, StringComparison.Ordinal);
            Assert.DoesNotContain("quý ", english, StringComparison.Ordinal);
            Assert.DoesNotContain("6 tháng", english, StringComparison.Ordinal);
        }

        // The figures' own words too (section titles, notes), while documents stay in Vietnamese, the official language.
        var page = WebUtility.HtmlDecode(await editor.GetStringAsync(dashboard));
        Assert.Contains("quarter III of 2025", page, StringComparison.Ordinal);
        Assert.Contains("in quarter III of 2025: every figure is 0.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("các chỉ tiêu đều bằng 0", page, StringComparison.Ordinal);
    }
}
