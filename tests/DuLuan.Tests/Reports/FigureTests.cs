using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Reports;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Reporting;
using DuLuan.Infrastructure.Text;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Reports;

public sealed partial class FigureTests
{
    private static readonly string[] Periods = ["2025-Q3", "2025-Q2", "2025-H1", "2025"];

    [Theory, Providers]
    public async Task Every_figure_equals_an_independent_sql_count(DatabaseProvider provider)
    {
        await using var seed = await ReportSeed.StartAsync(provider);
        var tree = seed.App.Tree;
        var now = DateTime.UtcNow;
        var compared = 0;
        foreach (var unit in new[] { tree.ProvinceA, tree.CommuneA1, seed.Merged, tree.Root })
        {
            foreach (var code in Periods)
            {
                var period = ReportPeriod.Parse(code);
                var figures = await seed.App.WithScopeAsync(s => s.GetRequiredService<IReportFigureSource>().ComputeAsync(unit.Id, period, CancellationToken.None));
                Assert.Equal(unit.Id, figures.UnitId);
                Assert.Equal(ReportKeys.Sections.All, figures.Sections.Select(s => s.Key));
                foreach (var (key, _) in IndependentCounts.Sql.Where(k => k.Key is not ("concerns.due" or "concerns.on_time")))
                {
                    var figure = figures.Figure(key);
                    Assert.NotNull(figure);
                    var expected = await seed.App.WithDbAsync(db => IndependentCounts.CountAsync(db, key, unit.Path, period, now));
                    var before = await seed.App.WithDbAsync(db => IndependentCounts.CountAsync(db, key, unit.Path, period.Previous(), now));
                    Assert.True(expected == figure.Value, $"{key} {unit.Name} {code}: {figure.Value} vs SQL {expected}");
                    Assert.True(before == figure.Previous, $"{key} {unit.Name} previous of {code}: {figure.Previous} vs SQL {before}");
                    compared++;
                }

                var due = await seed.App.WithDbAsync(db => IndependentCounts.CountAsync(db, "concerns.due", unit.Path, period, now));
                var onTime = await seed.App.WithDbAsync(db => IndependentCounts.CountAsync(db, "concerns.on_time", unit.Path, period, now));
                Assert.Equal(due == 0 ? null : Math.Round(100.0 * onTime / due, 1), figures.Figure(ReportKeys.ConcernsOnTimePercent)!.Value);
                Assert.Equal(await seed.App.WithDbAsync(db => IndependentCounts.MedianDaysAsync(db, unit.Path, period)), figures.Figure(ReportKeys.ConcernsMedianDays)!.Value);
            }
        }

        Assert.True(compared > 200);
        // The seed is not trivial: the province has figures in both quarters, and the boundary records split.
        var q3 = await seed.App.WithScopeAsync(s => s.GetRequiredService<IReportFigureSource>().ComputeAsync(tree.ProvinceA.Id, ReportPeriod.Parse("2025-Q3"), CancellationToken.None));
        Assert.All(q3.Sections, s => Assert.Contains(s.Figures, f => f.Value > 0));
        Assert.Contains(q3.Sections.Single(s => s.Key == ReportKeys.Sections.Concerns).Tables, t => t.Key == ReportKeys.ConcernsByAgency && t.Rows.Count >= 2);
    }

    [Theory, Providers]
    public async Task A_merged_commune_counts_where_it_belonged_and_the_notes_name_it(DatabaseProvider provider)
    {
        await using var seed = await ReportSeed.StartAsync(provider);
        var tree = seed.App.Tree;
        var period = ReportPeriod.Parse("2025-Q3");
        ReportFigures Compute(Unit unit) => seed.App.WithScopeAsync(s => s.GetRequiredService<IReportFigureSource>().ComputeAsync(unit.Id, period, CancellationToken.None)).GetAwaiter().GetResult();
        var province = Compute(tree.ProvinceA);
        var successor = Compute(tree.CommuneA1);
        var merged = Compute(seed.Merged);
        var sibling = Compute(tree.CommuneA2);
        var team = Compute(tree.AgencyA1);
        var agency = Compute(seed.Agency);

        // The province counts the merged commune's records before the merge; the successor does not take them over.
        foreach (var key in new[] { ReportKeys.ConcernsReceived, ReportKeys.ConcernsCases, ReportKeys.PublishPosts, ReportKeys.MonitoringStories })
        {
            Assert.True(merged.Figure(key)!.Value > 0, key);
            Assert.Equal(province.Figure(key)!.Value, successor.Figure(key)!.Value + merged.Figure(key)!.Value + sibling.Figure(key)!.Value + agency.Figure(key)!.Value);
            Assert.True(successor.Figure(key)!.Value >= team.Figure(key)!.Value);
        }

        const string Note = "Xã Cũ sáp nhập vào Phường Hoà Khánh từ 15/08/2025";
        Assert.Contains(province.Notes, n => n.StartsWith(Note, StringComparison.Ordinal) && n.Contains("14/08/2025", StringComparison.Ordinal));
        Assert.Contains(successor.Notes, n => n.StartsWith(Note, StringComparison.Ordinal) && n.Contains("không tính vào Phường Hoà Khánh", StringComparison.Ordinal));
        Assert.Contains(merged.Notes, n => n.StartsWith(Note, StringComparison.Ordinal));
        Assert.DoesNotContain(sibling.Notes, n => n.Contains("Xã Cũ", StringComparison.Ordinal));
        // Q2 is before the merge: nothing to say about it.
        var q2 = await seed.App.WithScopeAsync(s => s.GetRequiredService<IReportFigureSource>().ComputeAsync(tree.ProvinceA.Id, ReportPeriod.Parse("2025-Q2"), CancellationToken.None));
        Assert.DoesNotContain(q2.Notes, n => n.Contains("Xã Cũ", StringComparison.Ordinal));
    }

    [Theory, Providers]
    public async Task The_dashboard_shows_each_figure_and_each_drill_down_lists_exactly_its_records(DatabaseProvider provider)
    {
        await using var seed = await ReportSeed.StartAsync(provider);
        var tree = seed.App.Tree;
        await seed.App.AddMemberAsync("xem@duluan.test", tree.ProvinceA, Role.Viewer);
        using var client = seed.App.Client();
        await client.SignInOkAsync("xem@duluan.test");
        var period = ReportPeriod.Parse("2025-Q3");
        var figures = await seed.App.WithScopeAsync(s => s.GetRequiredService<IReportFigureSource>().ComputeAsync(tree.ProvinceA.Id, period, CancellationToken.None));

        using var page = await client.GetAsync($"/Reports?unit={tree.ProvinceA.Id}&period=2025-Q3");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("quý III năm 2025", html, StringComparison.Ordinal);
        // A viewer reads the figures but prepares no report: no link to a page that would answer "not found" (issue #20).
        Assert.DoesNotContain("/Reports/Drafts/Create?", html, StringComparison.Ordinal);
        Assert.Contains("report-chart", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Reports\"", html, StringComparison.Ordinal);
        var drilled = 0;
        foreach (var figure in figures.Sections.SelectMany(s => s.Figures))
        {
            // The number on the page, in Vietnamese format, links to its drill-down.
            var shown = Regex.Match(html, $"data-key=\"{Regex.Escape(figure.Key)}\"[\\s\\S]*?<a href=\"([^\"]+)\" data-value=\"([^\"]*)\">([^<]+)</a>");
            Assert.True(shown.Success, figure.Key);
            Assert.Equal(DashboardQuery.Format(figure.Value, figure.Kind), WebUtility.HtmlDecode(shown.Groups[3].Value));
            using var drill = await client.GetAsync(WebUtility.HtmlDecode(shown.Groups[1].Value));
            var body = await drill.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, drill.StatusCode);
            var total = TotalPattern().Match(body);
            Assert.True(total.Success, figure.Key);
            if (figure.Kind == FigureKind.Count && figure.Key is not (ReportKeys.PublishReach or ReportKeys.PublishInteractions))
            {
                Assert.Equal(figure.Value, double.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture));
                drilled++;
            }
            else if (figure.Key is ReportKeys.PublishReach or ReportKeys.PublishInteractions)
            {
                Assert.Equal(figure.Value, double.Parse(total.Groups[2].Value, CultureInfo.InvariantCulture));
            }
        }

        Assert.True(drilled >= 12);
        // Rows of tables drill down too, and their lists add up to the figure.
        var byAgency = figures.Sections.SelectMany(s => s.Tables).Single(t => t.Key == ReportKeys.ConcernsByAgency);
        double sum = 0;
        foreach (var row in byAgency.Rows)
        {
            var body = await client.GetStringAsync(row.DrillDownUrl!);
            var total = double.Parse(TotalPattern().Match(body).Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Equal(row.Values[0], total);
            sum += total;
        }

        Assert.Equal(figures.Figure(ReportKeys.ConcernsCases)!.Value, sum);
        // The topic and tendency tables each add up to the streams figure, row by row through their lists.
        foreach (var key in new[] { ReportKeys.OpinionsByTopic, ReportKeys.OpinionsByTendency })
        {
            var table = figures.Sections.SelectMany(s => s.Tables).Single(t => t.Key == key);
            double streams = 0;
            foreach (var row in table.Rows.Where(r => r.Values[0] > 0))
            {
                var body = await client.GetStringAsync(row.DrillDownUrl!);
                Assert.Equal(row.Values[0], double.Parse(TotalPattern().Match(body).Groups[1].Value, CultureInfo.InvariantCulture));
                streams += row.Values[0]!.Value;
            }

            Assert.Equal(figures.Figure(ReportKeys.OpinionsStreams)!.Value, streams);
            Assert.True(streams > 0, key);
        }
        // Paging: page 2 of a list with more than 50 records shows the rest, and every read is audited.
        var cases = figures.Figure(ReportKeys.ConcernsCases)!;
        var second = await client.GetStringAsync(cases.DrillDownUrl + "&page=2");
        Assert.Equal((int)Math.Max(0, cases.Value!.Value - 50), RowPattern().Count(second));
        var audited = await seed.App.WithDbAsync(db => Task.FromResult(db.AuditEntries.Count(a => a.Action == DrillModel.AuditAction && a.UnitId == tree.ProvinceA.Id)));
        Assert.True(audited >= drilled);

        // In English the figures' own words and the alerts' reasons are English; documents stay Vietnamese (other tests).
        client.Cookies.Add(seed.App.BaseAddress, new Cookie(".AspNetCore.Culture", "c=en|uic=en"));
        var english = WebUtility.HtmlDecode(await client.GetStringAsync($"/Reports?unit={tree.ProvinceA.Id}&period=2025-Q3"));
        Assert.Contains(new Message("Claims.Report.Title").English, english, StringComparison.Ordinal);
        Assert.DoesNotContain(new Message("Claims.Report.Title").Vietnamese, english, StringComparison.Ordinal);
        var alerts = WebUtility.HtmlDecode(await client.GetStringAsync(figures.Figure(ReportKeys.MonitoringAlerts)!.DrillDownUrl!));
        Assert.Contains("Rise ", alerts, StringComparison.Ordinal);
        Assert.DoesNotContain("Tăng ", alerts, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Outside_scope_is_not_found_and_collaborators_see_no_reports(DatabaseProvider provider)
    {
        await using var seed = await ReportSeed.StartAsync(provider);
        var tree = seed.App.Tree;
        await seed.App.AddMemberAsync("hanoi@duluan.test", tree.ProvinceB, Role.Editor);
        await seed.App.AddMemberAsync("ctv@duluan.test", tree.ProvinceA, Role.Collaborator);
        using var client = seed.App.Client();
        await client.SignInOkAsync("hanoi@duluan.test");
        foreach (var path in new[]
        {
            $"/Reports?unit={tree.ProvinceA.Id}", $"/Reports?unit={tree.CommuneA1.Id}&period=2025-Q3", $"/Reports?unit={tree.Root.Id}",
            $"/Reports/Drill?unit={tree.ProvinceA.Id}&period=2025-Q3&key=concerns.cases", $"/Reports?unit=999999",
        })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, path);
        }

        var own = await client.GetStringAsync("/Reports?period=2025-Q3");
        Assert.Contains("Thành phố Hà Nội \u2014", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Đà Nẵng", own, StringComparison.Ordinal);

        using var collaborator = seed.App.Client();
        await collaborator.SignInOkAsync("ctv@duluan.test");
        using var denied = await collaborator.GetAsync("/Reports");
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        using var anonymous = seed.App.Client();
        using var signIn = await anonymous.GetAsync("/Reports");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("/Account/Login", signIn.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Hostile_query_strings_get_a_reason_naming_the_field_never_a_500(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("xem@duluan.test", app.Tree.ProvinceA, Role.Viewer);
        using var client = app.Client();
        await client.SignInOkAsync("xem@duluan.test");
        var a = app.Tree.ProvinceA.Id;
        var cases = new (string Query, string Field)[]
        {
            ("/Reports?period=2026-Q5", "period"), ("/Reports?period=2026-H3", "period"), ("/Reports?period=", "period"), ("/Reports?period=1999", "period"),
            ("/Reports?period=2026-Q1&period=2026-Q2", "period"), ("/Reports?period=%00", "period"), ("/Reports?period=<script>", "period"),
            ("/Reports?period=" + new string('9', 5000), "period"), ("/Reports?period=2026-Q%E2%85%A2", "period"),
            ("/Reports?unit=abc", "unit"), ("/Reports?unit=-1", "unit"), ("/Reports?unit=1e3", "unit"), ("/Reports?unit=99999999999999999999", "unit"),
            ($"/Reports?unit={a}&unit={a}", "unit"), ("/Reports?unit=", "unit"), ("/Reports?unit=%EF%BC%91", "unit"), ("/Reports?unit=0x10", "unit"),
            ($"/Reports/Drill?unit={a}&period=2025-Q3", "key"), ($"/Reports/Drill?unit={a}&period=2025-Q3&key=", "key"),
            ($"/Reports/Drill?unit={a}&period=2025-Q3&key=nope", "key"), ($"/Reports/Drill?unit={a}&period=2025-Q3&key=concerns.by_agency:abc", "key"),
            ($"/Reports/Drill?unit={a}&period=2025-Q3&key=concerns.by_category:7", "key"), ($"/Reports/Drill?unit={a}&period=2025-Q3&key=opinions.by_tendency:%27%20OR%201=1", "key"),
            ($"/Reports/Drill?unit={a}&period=2025-Q3&key=" + new string('k', 300), "key"), ($"/Reports/Drill?unit={a}&period=2025-Q3&key=a&key=b", "key"),
            ($"/Reports/Drill?unit={a}&period=2025-Q3&key=concerns.cases&page=0", "page"), ($"/Reports/Drill?unit={a}&period=2025-Q3&key=concerns.cases&page=-2", "page"),
            ($"/Reports/Drill?unit={a}&period=2025-Q3&key=concerns.cases&page=9999999", "page"), ($"/Reports/Drill?unit={a}&period=2025-Q3&key=concerns.cases&page=x", "page"),
            ("/Reports/Drill?period=2025-Q3&key=concerns.cases", "unit"), ($"/Reports/Drill?unit={a}&period=Q3&key=concerns.cases", "period"),
        };
        foreach (var (query, field) in cases)
        {
            using var response = await client.GetAsync(query);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode}");
            Assert.Contains($"data-field=\"{field}\"", body, StringComparison.Ordinal);
        }

        // Odd but harmless: a key of a row that does not exist lists nothing; a page past the end is empty.
        foreach (var query in new[] { $"/Reports/Drill?unit={a}&period=2025-Q3&key=concerns.by_agency:123456", $"/Reports/Drill?unit={a}&period=2025-Q3&key=concerns.cases&page=999", $"/Reports/Drill?unit={a}&period=2025-Q3&key=opinions.by_topic:%3Cb%3E" })
        {
            using var response = await client.GetAsync(query);
            Assert.True(response.StatusCode == HttpStatusCode.OK, query);
            Assert.DoesNotContain("<b>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory, Providers]
    public async Task A_period_without_data_says_so_with_zeros(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("xem@duluan.test", app.Tree.ProvinceA, Role.Viewer);
        var figures = await app.WithScopeAsync(s => s.GetRequiredService<IReportFigureSource>().ComputeAsync(app.Tree.CommuneA2.Id, ReportPeriod.Parse("2024-H2"), CancellationToken.None));
        Assert.All(figures.Sections.SelectMany(s => s.Figures), f => Assert.True(f.Value is 0 or null, f.Key));
        Assert.All(figures.Sections.SelectMany(s => s.Figures).Where(f => f.Kind == FigureKind.Count), f => Assert.Equal(0, f.Value));
        Assert.Equal(ReportKeys.Sections.All.Count, figures.Sections.Count);
        Assert.Contains(figures.Notes, n => n.StartsWith("Không có số liệu của Phường Hải Vân trong 6 tháng cuối năm 2024", StringComparison.Ordinal));
        using var client = app.Client();
        await client.SignInOkAsync("xem@duluan.test");
        using var page = await client.GetAsync($"/Reports?unit={app.Tree.CommuneA2.Id}&period=2024-H2");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"report-empty\"", html, StringComparison.Ordinal);
        Assert.Contains("Chưa có số liệu", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
        var drill = await client.GetStringAsync($"/Reports/Drill?unit={app.Tree.CommuneA2.Id}&period=2024-H2&key=concerns.cases");
        Assert.Contains("id=\"drill-empty\"", drill, StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"drill-total\" data-total=\"(\\d+)\" data-sum=\"(\\d*)\"")]
    private static partial Regex TotalPattern();

    [GeneratedRegex("<tr>\\s*<td>")]
    private static partial Regex RowPattern();
}
