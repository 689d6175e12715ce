using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Opinions;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Tests.Opinions.OpinionForm;

namespace DuLuan.Tests.Opinions;

/// <summary>The browsable list of opinion reports (/Opinions/Reports), the form's required tendency and the role grant's tree picker.</summary>
public sealed class ReportListTests
{
    /// <summary>
    /// 34 reports from commune A1 (one collaborator), 3 from A2 (another), 1 from province B: topics and tendencies
    /// alternate so every filter has something to narrow.
    /// </summary>
    private static async Task<(Member A1, Member A2)> SeedAsync(TestApp app)
    {
        var a1 = await app.AddMemberAsync("ctv@a1.vn", app.Tree.CommuneA1, Role.Collaborator);
        var a2 = await app.AddMemberAsync("ctv@a2.vn", app.Tree.CommuneA2, Role.Collaborator);
        var b1 = await app.AddMemberAsync("ctv@b1.vn", app.Tree.CommuneB1, Role.Collaborator);
        await app.WithDbAsync(async db =>
        {
            OpinionTopic Topic(long unitId, string name) => new() { UnitId = unitId, Name = name, NameFolded = OpinionText.Fold(name), CreatedAt = DateTime.UtcNow };
            var roads = Topic(app.Tree.ProvinceA.Id, "Đường liên thôn");
            var power = Topic(app.Tree.ProvinceA.Id, "Giá điện");
            var hanoi = Topic(app.Tree.ProvinceB.Id, "Nước sạch Hà Nội");
            db.OpinionTopics.AddRange(roads, power, hanoi);
            await db.SaveChangesAsync();
            OpinionReport Report(Member who, long unitId, int month, OpinionTopic topic, Tendency tendency, int n) => new()
            {
                MemberId = who.Id,
                UnitId = unitId,
                PeriodStart = new DateOnly(2026, month, 1),
                PeriodEnd = new DateOnly(2026, month, 1).AddMonths(1).AddDays(-1),
                SubmittedAt = new DateTime(2026, month, 28, 3, n % 60, 0, DateTimeKind.Utc),
                IdempotencyKey = Guid.NewGuid().ToString("N"),
                Streams = [new OpinionStream { TopicId = topic.Id, Summary = "Bà con bàn về " + topic.Name, Tendency = tendency, Intensity = 3, Spread = Spread.Commune, Sources = OpinionSources.Meeting }],
            };
            for (var i = 0; i < 34; i++)
            {
                db.OpinionReports.Add(Report(a1, app.Tree.CommuneA1.Id, 1 + (i % 11), i % 2 == 0 ? roads : power, i % 3 == 0 ? Tendency.Disagree : Tendency.Agree, i));
            }

            for (var i = 0; i < 3; i++)
            {
                db.OpinionReports.Add(Report(a2, app.Tree.CommuneA2.Id, 11, power, Tendency.Mixed, i));
            }

            db.OpinionReports.Add(Report(b1, app.Tree.CommuneB1.Id, 11, hanoi, Tendency.Mixed, 0));
            return await db.SaveChangesAsync();
        });
        return (a1, a2);
    }

    private static int CountOf(string html)
    {
        var at = html.IndexOf("id=\"opinion-count\" role=\"status\">", StringComparison.Ordinal);
        Assert.True(at >= 0, html[..Math.Min(2000, html.Length)]);
        var start = at + "id=\"opinion-count\" role=\"status\">".Length;
        return int.Parse(html[start..html.IndexOf(' ', start)].Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int Rows(string html) => html.Split("href=\"/Opinions/Report?id=").Length - 1;

    [Theory, Providers]
    public async Task A_reader_browses_the_subtrees_reports_by_period_topic_tendency_and_commune_with_pages_that_keep_the_filters(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedAsync(app);
        await app.AddMemberAsync("bientap@48.vn", app.Tree.ProvinceA, Role.Editor);
        using var editor = app.Client();
        await editor.SignInOkAsync("bientap@48.vn");

        Assert.Contains("href=\"/Opinions/Reports\"", await editor.GetStringAsync("/Opinions"), StringComparison.Ordinal);
        var all = await editor.GetStringAsync("/Opinions/Reports");
        Assert.Equal(37, CountOf(all));
        Assert.DoesNotContain("Nước sạch Hà Nội", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Phường Ba Đình", all, StringComparison.Ordinal);
        // Topics and places, never who filed: no collaborator's address on the list.
        Assert.DoesNotContain("ctv@", all, StringComparison.Ordinal);
        Assert.Contains("28/11/2026 10:", all, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", all, StringComparison.Ordinal);

        var a2 = S(app.Tree.CommuneA2.Id);
        Assert.Equal(3, CountOf(await editor.GetStringAsync($"/Opinions/Reports?communeId={a2}")));
        Assert.Equal(0, CountOf(await editor.GetStringAsync($"/Opinions/Reports?communeId={S(app.Tree.CommuneB1.Id)}")));
        Assert.Equal(3, CountOf(await editor.GetStringAsync("/Opinions/Reports?tendency=Mixed")));
        Assert.Equal(17 + 3, CountOf(await editor.GetStringAsync("/Opinions/Reports?topic=" + Uri.EscapeDataString("GIA DIEN"))));
        // Months 3 and 4: i % 11 in {2, 3} -> i in {2, 3, 13, 14, 24, 25}.
        Assert.Equal(6, CountOf(await editor.GetStringAsync("/Opinions/Reports?from=2026-03-01&to=2026-04-30")));

        Assert.Equal(17, CountOf(await editor.GetStringAsync("/Opinions/Reports?topic=" + Uri.EscapeDataString("Đường liên thôn"))));
        Assert.Equal(22, CountOf(await editor.GetStringAsync("/Opinions/Reports?tendency=Agree")));

        // Commune A1's 34 reports: 30 to a page, the next page's link keeps the filters.
        var a1 = S(app.Tree.CommuneA1.Id);
        var first = await editor.GetStringAsync($"/Opinions/Reports?from=2026-01-01&communeId={a1}");
        Assert.Equal(34, CountOf(first));
        Assert.Equal(30, Rows(first));
        Assert.Contains($"rel=\"next\" href=\"/Opinions/Reports?from=2026-01-01&amp;communeId={a1}&amp;trang=2\"", first, StringComparison.Ordinal);
        var second = await editor.GetStringAsync($"/Opinions/Reports?from=2026-01-01&communeId={a1}&trang=2");
        Assert.Equal(4, Rows(second));
        Assert.Contains($"rel=\"prev\" href=\"/Opinions/Reports?from=2026-01-01&amp;communeId={a1}\"", second, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_collaborator_sees_only_their_own_history_and_bad_filters_are_named(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedAsync(app);
        using var ctv = app.Client();
        await ctv.SignInOkAsync("ctv@a2.vn");
        Assert.Contains("href=\"/Opinions/Reports?mine=true\"", await ctv.GetStringAsync("/Opinions"), StringComparison.Ordinal);
        var own = await ctv.GetStringAsync("/Opinions/Reports");
        Assert.Equal(3, CountOf(own));
        Assert.DoesNotContain("name=\"mine\"", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Đường liên thôn", own, StringComparison.Ordinal);
        Assert.Equal(0, CountOf(await ctv.GetStringAsync($"/Opinions/Reports?communeId={S(app.Tree.CommuneA1.Id)}")));

        foreach (var (query, message) in new[]
        {
            ("from=31-31-2026", "Từ ngày: không phải ngày hợp lệ"),
            ("to=" + Uri.EscapeDataString("<script>alert(1)</script>"), "Đến ngày: không phải ngày hợp lệ"),
            ("from=2026-05-01&to=2026-04-01", "Đến ngày: phải sau hoặc bằng Từ ngày"),
            ("tendency=Happy", "Xu hướng: chọn một giá trị"),
            ("tendency=1", "Xu hướng: chọn một giá trị"),
            ("topic=" + new string('x', 300), "Chủ đề: dài quá"),
        })
        {
            using var response = await ctv.GetAsync("/Opinions/Reports?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains(message, body, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert", body, StringComparison.Ordinal);
        }

        foreach (var query in new[] { "trang=-5", "trang=99999999999", "communeId=-1", "mine=maybe", "topic=%27%20OR%201%3D1" })
        {
            using var response = await ctv.GetAsync("/Opinions/Reports?" + query);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{query}: {response.StatusCode}");
        }
    }

    [Theory, Providers]
    public async Task The_report_form_has_no_default_tendency_and_asks_for_one(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("ctv@a1.vn", app.Tree.CommuneA1, Role.Collaborator);
        using var ctv = app.Client();
        await ctv.SignInOkAsync("ctv@a1.vn");
        var page = await ctv.GetStringAsync($"/Opinions/New?unitId={S(app.Tree.CommuneA1.Id)}");
        Assert.Contains("<option value=\"\" selected=\"selected\">— Chọn xu hướng —</option>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"Agree\" selected", page, StringComparison.Ordinal);

        var form = await OpenAsync(ctv, app.Tree.CommuneA1.Id);
        using var refused = await PostAsync(ctv, app.Tree.CommuneA1.Id, form, Stream(0).Where(f => !f.Key.EndsWith("Tendency", StringComparison.Ordinal)));
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Luồng 1 — Xu hướng: chưa chọn", body, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.OpinionReports.CountAsync()));
    }

    [Theory, Providers]
    public async Task A_role_is_granted_on_a_unit_picked_in_the_tree_and_the_page_says_the_member_is_signed_out(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.AddMemberAsync("admin@48.vn", app.Tree.ProvinceA, Role.Admin);
        var member = await app.AddMemberAsync("ctv@a1.vn", app.Tree.CommuneA1, Role.Collaborator);
        using var client = app.Client();
        await client.SignInAdminAsync(admin);
        var page = await client.GetStringAsync($"/Members/Details?id={member.Id}");
        Assert.Contains("data-pick=\"unitId\"", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"unitId\" value=\"{S(app.Tree.CommuneA2.Id)}\"", page, StringComparison.Ordinal);
        Assert.Contains("đăng xuất ngay ở lần mở trang kế tiếp", page, StringComparison.Ordinal);

        // The agency has no code: only the tree can pick it.
        using var granted = await client.PostFormAsync($"/Members/Details?id={member.Id}",
            new Dictionary<string, string> { ["id"] = member.Id, ["unitId"] = S(app.Tree.AgencyA1.Id), ["role"] = "AgencyLiaison" }, $"/Members/Details?handler=Grant&id={member.Id}");
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Contains("changed=True", granted.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(await app.WithDbAsync(db => db.Memberships.AnyAsync(m => m.MemberId == member.Id && m.UnitId == app.Tree.AgencyA1.Id && m.Role == Role.AgencyLiaison)));
        Assert.Contains("sẽ bị đăng xuất ở lần mở trang kế tiếp", await client.GetStringAsync(granted.Headers.Location!.ToString()), StringComparison.Ordinal);

        foreach (var (fields, message) in new (Dictionary<string, string>, string)[]
        {
            (new() { ["unitId"] = S(app.Tree.CommuneB1.Id), ["role"] = "Viewer" }, "Đơn vị: chọn một đơn vị"),
            (new() { ["unitId"] = "-1", ["role"] = "Viewer" }, "Đơn vị: chọn một đơn vị"),
            (new() { ["unitId"] = S(app.Tree.CommuneA2.Id), ["role"] = "" }, "Vai trò: chọn một vai trò"),
            (new() { ["unitId"] = S(app.Tree.CommuneA2.Id), ["role"] = "99" }, "Vai trò: chọn một vai trò"),
            (new() { ["unitId"] = S(app.Tree.CommuneA2.Id), ["role"] = "<script>" }, "Vai trò: chọn một vai trò"),
        })
        {
            fields["id"] = member.Id;
            using var refused = await client.PostFormAsync($"/Members/Details?id={member.Id}", fields, $"/Members/Details?handler=Grant&id={member.Id}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(message, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(2, await app.WithDbAsync(db => db.Memberships.CountAsync(m => m.MemberId == member.Id)));
    }
}
