using System.Net;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Foundation;

/// <summary>
/// Actions on a whole account (disable, re-enable, unlock, remove two-step) need authority over every unit where the
/// account holds a role; an admin of a smaller subtree can only revoke the roles inside it.
/// </summary>
public sealed class AccountAuthorityTests
{
    [Theory, Providers]
    public async Task A_commune_admin_cannot_disable_a_province_admin_who_is_a_viewer_in_the_commune(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var provinceAdmin = await app.AddMemberAsync("admin@48.vn", app.Tree.ProvinceA, Role.Admin);
        await AddRoleAsync(app, provinceAdmin, app.Tree.CommuneA1, Role.Viewer);
        var communeAdmin = await app.AddMemberAsync("admin@a1.vn", app.Tree.CommuneA1, Role.Admin);
        using var client = app.Client();
        await client.SignInAdminAsync(communeAdmin);
        var details = $"/Members/Details?id={provinceAdmin.Id}";

        foreach (var handler in new[] { "Disable", "RemoveTwoFactor", "Unlock" })
        {
            using var refused = await client.PostFormAsync(details, new Dictionary<string, string> { ["id"] = provinceAdmin.Id }, $"/Members/Details?handler={handler}&id={provinceAdmin.Id}");
            var stored = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == provinceAdmin.Id));
            Assert.False(stored.Disabled, handler);
            Assert.Null(stored.LockoutEnd);
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{handler}: {refused.StatusCode}");
        }

        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.MemberDisabled)));
        var page = await client.GetStringAsync(details);
        Assert.DoesNotContain("handler=Disable", page, StringComparison.Ordinal);
        Assert.Contains("chỉ có thể thu hồi", page, StringComparison.Ordinal);

        // What the commune admin may do: take back the role inside the commune.
        var viewer = await app.WithDbAsync(db => db.Memberships.SingleAsync(m => m.MemberId == provinceAdmin.Id && m.UnitId == app.Tree.CommuneA1.Id));
        using var revoked = await client.PostFormAsync(details, new Dictionary<string, string> { ["id"] = provinceAdmin.Id, ["membershipId"] = viewer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/Members/Details?handler=Revoke&id={provinceAdmin.Id}");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal([app.Tree.ProvinceA.Id], await app.WithDbAsync(db => db.Memberships.Where(m => m.MemberId == provinceAdmin.Id).Select(m => m.UnitId).ToListAsync()));
    }

    [Theory, Providers]
    public async Task An_admin_over_every_role_disables_and_re_enables_an_account_and_both_are_audited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var target = await app.AddMemberAsync("editor@a1.vn", app.Tree.CommuneA1, Role.Editor);
        await AddRoleAsync(app, target, app.Tree.CommuneB1, Role.Viewer);
        var provinceAdmin = await app.AddMemberAsync("admin@48.vn", app.Tree.ProvinceA, Role.Admin);
        var rootAdmin = await app.AddMemberAsync("admin@root.vn", app.Tree.Root, Role.Admin);
        var details = $"/Members/Details?id={target.Id}";

        using (var partial = app.Client())
        {
            await partial.SignInAdminAsync(provinceAdmin);
            using var refused = await partial.PostFormAsync(details, new Dictionary<string, string> { ["id"] = target.Id }, $"/Members/Details?handler=Disable&id={target.Id}");
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, refused.StatusCode.ToString());
            Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == target.Id).Select(u => u.Disabled).SingleAsync()));
        }

        using var client = app.Client();
        await client.SignInAdminAsync(rootAdmin);
        Assert.Contains("handler=Disable", await client.GetStringAsync(details), StringComparison.Ordinal);
        using (var disabled = await client.PostFormAsync(details, new Dictionary<string, string> { ["id"] = target.Id }, $"/Members/Details?handler=Disable&id={target.Id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        }

        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == target.Id).Select(u => u.Disabled).SingleAsync()));
        using (var member = app.Client())
        {
            using var refused = await member.SignInAsync("editor@a1.vn");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        Assert.Contains("handler=Enable", await client.GetStringAsync(details), StringComparison.Ordinal);
        using (var enabled = await client.PostFormAsync(details, new Dictionary<string, string> { ["id"] = target.Id }, $"/Members/Details?handler=Enable&id={target.Id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        }

        var stored = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == target.Id));
        Assert.False(stored.Disabled);
        Assert.Null(stored.LockoutEnd);
        using (var member = app.Client())
        {
            await member.SignInOkAsync("editor@a1.vn");
        }

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Target == "editor@a1.vn").Select(a => new { a.Action, a.ActorName }).ToListAsync());
        Assert.Contains(audit, a => a.Action == AuditActions.MemberDisabled && a.ActorName == "admin@root.vn");
        Assert.Contains(audit, a => a.Action == AuditActions.MemberEnabled && a.ActorName == "admin@root.vn");
    }

    [Theory, Providers]
    public async Task An_admin_over_every_role_removes_two_step_and_the_member_must_enrol_again(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lead = await app.AddMemberAsync("lead@a1.vn", app.Tree.CommuneA1, Role.Admin);
        var rootAdmin = await app.AddMemberAsync("admin@root.vn", app.Tree.Root, Role.Admin);
        using (var own = app.Client())
        {
            await own.SignInAdminAsync(lead);
        }

        using var client = app.Client();
        await client.SignInAdminAsync(rootAdmin);
        var details = $"/Members/Details?id={lead.Id}";
        using (var removed = await client.PostFormAsync(details, new Dictionary<string, string> { ["id"] = lead.Id }, $"/Members/Details?handler=RemoveTwoFactor&id={lead.Id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == lead.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.TwoFactorRemoved && a.Target == "lead@a1.vn")));
        using var again = app.Client();
        await again.SignInOkAsync("lead@a1.vn");
        using var gate = await again.GetAsync("/Units");
        Assert.Equal("/Account/EnableAuthenticator", gate.Headers.Location?.ToString());
    }

    private static Task<int> AddRoleAsync(TestApp app, Member member, DuLuan.Features.Units.Unit unit, Role role) => app.WithDbAsync(db =>
    {
        db.Memberships.Add(new Membership { MemberId = member.Id, UnitId = unit.Id, Role = role });
        return db.SaveChangesAsync();
    });
}
