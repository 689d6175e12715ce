using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Account;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Foundation;

public sealed partial class MemberAdminTests
{
    [Theory, Providers]
    public async Task An_admin_invites_a_member_who_sets_a_password_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.AddMemberAsync("admin@a.vn", app.Tree.ProvinceA, Role.Admin);
        using var client = app.Client();
        await client.SignInAdminAsync(admin);

        using var invited = await client.PostFormAsync($"/Members/Invite?unitId={app.Tree.CommuneA1.Id}",
            new Dictionary<string, string> { ["Email"] = "moi@a1.vn", ["DisplayName"] = "Người mới", ["Role"] = "Collaborator" });
        var html = await invited.Content.ReadAsStringAsync();
        var link = SetupLink().Match(html);
        Assert.True(link.Success, html);

        using var newcomer = app.Client();
        var setupPath = new Uri(WebUtility.HtmlDecode(link.Groups[1].Value)).PathAndQuery;
        using var set = await newcomer.PostFormAsync(setupPath, new Dictionary<string, string> { ["Password"] = "mat khau dai va kho doan 9", ["Confirm"] = "mat khau dai va kho doan 9" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync($"/Units/Details?id={app.Tree.CommuneA1.Id}")).StatusCode);

        using var reuse = app.Client();
        Assert.Contains("không hợp lệ, đã dùng", await reuse.GetStringAsync(setupPath), StringComparison.Ordinal);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.MemberInvited, audit);
        Assert.Contains(AuditActions.RoleGranted, audit);
        Assert.Contains(AuditActions.PasswordSet, audit);
    }

    [Theory, Providers]
    public async Task A_role_change_ends_the_members_sessions_and_is_audited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.AddMemberAsync("admin@a.vn", app.Tree.ProvinceA, Role.Admin);
        var member = await app.AddMemberAsync("ctv@a1.vn", app.Tree.CommuneA1, Role.Collaborator);
        using var memberClient = app.Client();
        await memberClient.SignInOkAsync("ctv@a1.vn");
        using var client = app.Client();
        await client.SignInAdminAsync(admin);

        using var grant = await client.PostFormAsync($"/Members/Details?id={member.Id}",
            new Dictionary<string, string> { ["id"] = member.Id, ["unitCode"] = "20194", ["role"] = "Viewer" }, $"/Members/Details?handler=Grant&id={member.Id}");
        Assert.Equal(HttpStatusCode.Redirect, grant.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Memberships.CountAsync(m => m.MemberId == member.Id)));
        Assert.Equal(HttpStatusCode.Redirect, (await memberClient.GetAsync("/Units")).StatusCode);

        using var outside = await client.PostFormAsync($"/Members/Details?id={member.Id}",
            new Dictionary<string, string> { ["id"] = member.Id, ["unitCode"] = "00004", ["role"] = "Admin" }, $"/Members/Details?handler=Grant&id={member.Id}");
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("Đơn vị: chọn một đơn vị trong phạm vi bạn quản lý", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.Memberships.CountAsync(m => m.MemberId == member.Id)));
    }

    [Theory, Providers]
    public async Task Hostile_unit_names_are_validated_and_stored_as_text(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.AddMemberAsync("admin@a.vn", app.Tree.ProvinceA, Role.Admin);
        using var client = app.Client();
        await client.SignInAdminAsync(admin);
        var create = $"/Units/Create?parentId={app.Tree.CommuneA1.Id}";
        var before = await app.WithDbAsync(db => db.Units.CountAsync());

        foreach (var (name, kind) in new[] { (string.Empty, "Agency"), (new string('x', 301), "Agency"), ("Ban hợp lệ", "Province"), ("Ban hợp lệ", "42"), ("Ban hợp lệ", "nonsense") })
        {
            using var refused = await client.PostFormAsync(create, new Dictionary<string, string> { ["Name"] = name, ["Kind"] = kind });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("class=\"error", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await app.WithDbAsync(db => db.Units.CountAsync()));
        var decomposed = "Ban Tuye\u0302n gia\u0301o <img src=x onerror=alert(1)>";
        using var created = await client.PostFormAsync(create, new Dictionary<string, string> { ["Name"] = decomposed, ["Kind"] = "Committee" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await client.GetStringAsync(created.Headers.Location!.ToString());
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        var unit = await app.WithDbAsync(db => db.Units.OrderByDescending(u => u.Id).FirstAsync());
        Assert.Equal("Ban Tuyên giáo <img src=x onerror=alert(1)>", unit.Name);
        Assert.Equal($"{app.Tree.CommuneA1.Path}{unit.Id}/", unit.Path);
    }

    [GeneratedRegex("<code id=\"setup-link\">([^<]+)</code>")]
    private static partial Regex SetupLink();
}
