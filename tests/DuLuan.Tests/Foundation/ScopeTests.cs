using System.Net;
using System.Net.Http.Json;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Foundation;

/// <summary>A member of one commune reaches nothing of a sibling commune, the parent province or another province.</summary>
public sealed class ScopeTests
{
    [Theory, Providers]
    public async Task A_commune_collaborator_cannot_read_outside_the_commune(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var tree = app.Tree;
        var sibling = await app.AddMemberAsync("sibling@a.vn", tree.CommuneA2, Role.Editor);
        var far = await app.AddMemberAsync("far@b.vn", tree.CommuneB1, Role.Editor);
        await app.AddMemberAsync("ctv@a1.vn", tree.CommuneA1, Role.Collaborator);
        using var client = app.Client();
        await client.SignInOkAsync("ctv@a1.vn");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Units/Details?id={tree.CommuneA1.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Units/Details?id={tree.AgencyA1.Id}")).StatusCode);
        foreach (var outside in new[] { tree.CommuneA2, tree.ProvinceA, tree.ProvinceB, tree.CommuneB1, tree.Root })
        {
            using var page = await client.GetAsync($"/Units/Details?id={outside.Id}");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.DoesNotContain(outside.Name, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var children = await client.GetAsync($"/api/units/{outside.Id}/children");
            Assert.Equal(HttpStatusCode.NotFound, children.StatusCode);
            using var create = await client.GetAsync($"/Units/Create?parentId={outside.Id}");
            Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
            using var invite = await client.GetAsync($"/Members/Invite?unitId={outside.Id}");
            Assert.Equal(HttpStatusCode.NotFound, invite.StatusCode);
        }

        foreach (var member in new[] { sibling, far })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Members/Details?id={member.Id}")).StatusCode);
        }

        var found = await client.Http.GetFromJsonAsync<List<UnitSummary>>("/api/units/search?q=phuong", TestContext.Current.CancellationToken);
        Assert.Equal([tree.CommuneA1.Id], found!.Select(u => u.Id).ToArray());
        var members = await client.GetStringAsync("/Members");
        Assert.DoesNotContain("sibling@a.vn", members, StringComparison.Ordinal);
        Assert.DoesNotContain("far@b.vn", members, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Audit")).StatusCode);
    }

    [Theory, Providers]
    public async Task A_commune_collaborator_cannot_change_anything(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var tree = app.Tree;
        var sibling = await app.AddMemberAsync("sibling@a.vn", tree.CommuneA2, Role.Editor);
        await app.AddMemberAsync("ctv@a1.vn", tree.CommuneA1, Role.Collaborator);
        using var client = app.Client();
        await client.SignInOkAsync("ctv@a1.vn");
        var unitsBefore = await app.WithDbAsync(db => db.Units.CountAsync());
        var grantsBefore = await app.WithDbAsync(db => db.Memberships.CountAsync());

        using var create = await client.PostFormAsync($"/Units/Details?id={tree.CommuneA1.Id}", new Dictionary<string, string> { ["Name"] = "Ban mới", ["Kind"] = "Agency" }, $"/Units/Create?parentId={tree.CommuneA1.Id}");
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        using var invite = await client.PostFormAsync("/Units", new Dictionary<string, string> { ["Email"] = "x@x.vn", ["DisplayName"] = "X", ["Role"] = "Admin" }, $"/Members/Invite?unitId={tree.CommuneA2.Id}");
        Assert.Equal(HttpStatusCode.NotFound, invite.StatusCode);
        using var grant = await client.PostFormAsync("/Units", new Dictionary<string, string> { ["id"] = sibling.Id, ["unitCode"] = "20194", ["role"] = "Admin" }, $"/Members/Details?handler=Grant&id={sibling.Id}");
        Assert.Equal(HttpStatusCode.NotFound, grant.StatusCode);
        var siblingGrant = await app.WithDbAsync(db => db.Memberships.FirstAsync(m => m.MemberId == sibling.Id));
        using var revoke = await client.PostFormAsync("/Units", new Dictionary<string, string> { ["id"] = sibling.Id, ["membershipId"] = siblingGrant.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/Members/Details?handler=Revoke&id={sibling.Id}");
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);

        Assert.Equal(unitsBefore, await app.WithDbAsync(db => db.Units.CountAsync()));
        Assert.Equal(grantsBefore, await app.WithDbAsync(db => db.Memberships.CountAsync()));
    }

    [Theory, Providers]
    public async Task A_province_admin_manages_its_subtree_but_not_another_province(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?>());
        var tree = app.Tree;
        var admin = await app.AddMemberAsync("admin@a.vn", tree.ProvinceA, Role.Admin);
        await app.WithDbAsync(async db =>
        {
            var tracked = await db.Users.SingleAsync(u => u.Id == admin.Id);
            tracked.TwoFactorEnabled = true;
            return await db.SaveChangesAsync();
        });
        var scope = await app.WithScopeAsync(async s =>
        {
            var http = s.GetRequiredService<IHttpContextAccessor>();
            http.HttpContext = new DefaultHttpContext { User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, admin.Id)], "test")) };
            var unitScope = s.GetRequiredService<UnitScope>();
            var manageable = await (await unitScope.UnitsAsync(Permission.ManageUnits)).Select(u => u.Id).ToListAsync();
            return manageable;
        });

        Assert.Contains(tree.CommuneA2.Id, scope);
        Assert.Contains(tree.AgencyA1.Id, scope);
        Assert.DoesNotContain(tree.CommuneB1.Id, scope);
        Assert.DoesNotContain(tree.Root.Id, scope);
    }
}
