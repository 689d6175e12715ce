using System.Globalization;
using System.Net;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Desk;

/// <summary>Issue #20 item 6: the audit log by date range and page, and account events (no unit) for the admins of the member's units.</summary>
public sealed class AuditPageTests
{
    [Theory, Providers]
    public async Task A_province_admin_sees_sign_ins_of_its_members_only_by_date_range_and_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.AddMemberAsync("admin@48.vn", app.Tree.ProvinceA, Role.Admin);
        var ours = await app.AddMemberAsync("ctv@a1.vn", app.Tree.CommuneA1, Role.Collaborator);
        var theirs = await app.AddMemberAsync("bientap@01.vn", app.Tree.ProvinceB, Role.Editor);
        await app.WithDbAsync(async db =>
        {
            var march = new DateTime(2026, 3, 5, 3, 0, 0, DateTimeKind.Utc);
            db.AuditEntries.Add(new AuditEntry { At = march, ActorId = ours.Id, ActorName = ours.Email, Action = AuditActions.SignIn, Target = ours.Email });
            db.AuditEntries.Add(new AuditEntry { At = march, Action = AuditActions.SignInFailed, Target = ours.Email });
            db.AuditEntries.Add(new AuditEntry { At = march, ActorId = theirs.Id, ActorName = theirs.Email, Action = AuditActions.SignIn, Target = theirs.Email });
            db.AuditEntries.Add(new AuditEntry { At = march, Action = AuditActions.SignInFailed, Target = "nobody@nowhere.vn" });
            db.AuditEntries.Add(new AuditEntry { At = march, Action = AuditActions.RoleGranted, UnitId = app.Tree.ProvinceB.Id, Target = "x@01.vn", Detail = "role=Editor" });
            for (var i = 0; i < 60; i++)
            {
                db.AuditEntries.Add(new AuditEntry { At = new DateTime(2026, 1, 10, 3, 0, 0, DateTimeKind.Utc).AddMinutes(i), ActorName = "cli", Action = AuditActions.RoleGranted, UnitId = app.Tree.CommuneA1.Id, Target = $"m{i}@a1.vn", Detail = "role=Viewer" });
            }

            return await db.SaveChangesAsync();
        });
        using var client = app.Client();
        await client.SignInAdminAsync(admin);

        var signIns = WebUtility.HtmlDecode(await client.GetStringAsync("/Audit?action=account.sign-in"));
        Assert.Contains("ctv@a1.vn", signIns, StringComparison.Ordinal);
        Assert.DoesNotContain("bientap@01.vn", signIns, StringComparison.Ordinal);
        var failed = WebUtility.HtmlDecode(await client.GetStringAsync("/Audit?action=account.sign-in-failed"));
        Assert.Contains("ctv@a1.vn", failed, StringComparison.Ordinal);
        Assert.Contains("Người chưa đăng nhập", failed, StringComparison.Ordinal);
        Assert.DoesNotContain("nobody@nowhere.vn", failed, StringComparison.Ordinal);
        Assert.DoesNotContain("x@01.vn", WebUtility.HtmlDecode(await client.GetStringAsync("/Audit?action=members.role-granted&p=2")), StringComparison.Ordinal);

        // March only: the two events of our member, none of January's grants.
        var march = WebUtility.HtmlDecode(await client.GetStringAsync("/Audit?from=2026-03-01&to=2026-03-31"));
        Assert.Contains("ctv@a1.vn", march, StringComparison.Ordinal);
        Assert.DoesNotContain("m1@a1.vn", march, StringComparison.Ordinal);

        // January: 60 grants, 50 a page, the filters kept in the pager, the command line in words.
        var first = WebUtility.HtmlDecode(await client.GetStringAsync("/Audit?action=members.role-granted&from=2026-01-01&to=2026-01-31"));
        Assert.Contains("60 mục · trang 1/2", first, StringComparison.Ordinal);
        Assert.Contains("m59@a1.vn", first, StringComparison.Ordinal);
        Assert.DoesNotContain("m5@a1.vn ", first, StringComparison.Ordinal);
        Assert.Contains("href=\"?action=members.role-granted&from=2026-01-01&to=2026-01-31&p=2\"", first, StringComparison.Ordinal);
        Assert.Contains("Hệ thống (dòng lệnh hoặc tác vụ nền)", first, StringComparison.Ordinal);
        Assert.DoesNotContain(">cli<", first, StringComparison.Ordinal);
        var second = WebUtility.HtmlDecode(await client.GetStringAsync("/Audit?action=members.role-granted&from=2026-01-01&to=2026-01-31&p=2"));
        Assert.Contains("trang 2/2", second, StringComparison.Ordinal);
        Assert.Contains("m0@a1.vn", second, StringComparison.Ordinal);
        Assert.DoesNotContain("m59@a1.vn", second, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Wrong_filters_get_a_Vietnamese_message_never_an_error_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.AddMemberAsync("admin@root.vn", app.Tree.Root, Role.Admin);
        using var client = app.Client();
        await client.SignInAdminAsync(admin);

        foreach (var query in new[] { "from=not-a-date", "to=2026-13-45", "from=0001-01-01", "from=2026-05-01&to=2026-04-01" })
        {
            using var response = await client.GetAsync("/Audit?" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("id=\"errors\"", html, StringComparison.Ordinal);
            Assert.True(html.Contains("ngày không hợp lệ", StringComparison.Ordinal) || html.Contains("ngày kết thúc phải sau", StringComparison.Ordinal), query);
            Assert.DoesNotContain("is not valid", html, StringComparison.Ordinal);
        }

        foreach (var query in new[] { "p=-5", "p=abc", "p=99999999999999999999", "p=10001", "action=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "action=" + new string('x', 5000) })
        {
            using var response = await client.GetAsync("/Audit?" + query);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.RequestUriTooLong or HttpStatusCode.BadRequest, $"{query}: {response.StatusCode}");
            Assert.DoesNotContain("<script>alert", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains("trang 1/", WebUtility.HtmlDecode(await client.GetStringAsync("/Audit?p=" + 5000.ToString(CultureInfo.InvariantCulture))), StringComparison.Ordinal);
    }
}
