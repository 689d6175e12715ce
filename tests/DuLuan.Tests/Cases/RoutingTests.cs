using System.Globalization;
using System.Net;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Cases;

/// <summary>Categories per province and routing rules category × place → agency, kept by the province's admins.</summary>
public sealed class RoutingTests
{
    private static string S(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static Task<Unit> AddAgencyAsync(TestApp app, Unit parent, string name)
        => app.WithScopeAsync(async s =>
        {
            var tracked = await s.GetRequiredService<AppDbContext>().Units.SingleAsync(u => u.Id == parent.Id);
            return await s.GetRequiredService<UnitTree>().AddChildAsync(tracked, name, UnitKind.Agency, null);
        });

    [Theory, Providers]
    public async Task A_concern_with_a_category_reaches_the_agency_of_the_most_specific_rule(DatabaseProvider provider)
    {
        var clock = TestClock.StartingNow();
        await using var app = await TestApp.StartAsync(provider, null, clock.Install());
        var roads = await AddAgencyAsync(app, app.Tree.ProvinceA, "Sở Giao thông vận tải");
        var works = await AddAgencyAsync(app, app.Tree.ProvinceA, "Ban Quản lý công trình");
        var admin = await app.AddMemberAsync("admin@48.vn", app.Tree.ProvinceA, Role.Admin);
        using var client = app.Client();
        await client.SignInAdminAsync(admin);

        var page = await client.GetStringAsync("/Cases/Categories");
        Assert.Contains("Giao thông", page, StringComparison.Ordinal);
        var trafficId = await app.WithDbAsync(db => db.Categories.Where(c => c.ProvinceId == app.Tree.ProvinceA.Id && c.Key == "giao-thong").Select(c => c.Id).SingleAsync());
        var path = $"/Cases/Categories?province={S(app.Tree.ProvinceA.Id)}";

        // The whole province goes to agency A1; commune A1 (a deeper place) to the roads department.
        foreach (var (place, agency) in new[] { (app.Tree.ProvinceA.Id, works.Id), (app.Tree.CommuneA1.Id, roads.Id) })
        {
            using var added = await client.PostFormAsync(path, new Dictionary<string, string> { ["categoryId"] = S(trafficId), ["placeId"] = S(place), ["agencyId"] = S(agency) },
                $"/Cases/Categories?handler=AddRule&province={S(app.Tree.ProvinceA.Id)}");
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        using var resident = app.Client();
        var form = await Portal.OpenAsync(resident, app.Tree.CommuneA1.Id);
        Assert.Contains("value=\"giao-thong\"", await resident.GetStringAsync(await Portal.PathAsync(resident, app.Tree.CommuneA1.Id)), StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromSeconds(30));
        using var sent = await Portal.PostAsync(resident, app.Tree.CommuneA1.Id, form, "Ổ gà lớn trên đường Âu Cơ", "Ổ gà sâu giữa đường gây nguy hiểm cho xe máy vào ban đêm.", category: "giao-thong");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var form2 = await Portal.OpenAsync(resident, app.Tree.CommuneA2.Id);
        clock.Advance(TimeSpan.FromSeconds(30));
        using var sent2 = await Portal.PostAsync(resident, app.Tree.CommuneA2.Id, form2, "Đèn giao thông hỏng ở ngã tư", "Đèn tín hiệu ở ngã tư không hoạt động từ sáng nay, xe cộ lộn xộn.", category: "giao-thong");
        Assert.Equal(HttpStatusCode.OK, sent2.StatusCode);
        var form3 = await Portal.OpenAsync(resident, app.Tree.CommuneA2.Id);
        clock.Advance(TimeSpan.FromSeconds(30));
        using var sent3 = await Portal.PostAsync(resident, app.Tree.CommuneA2.Id, form3, "Rác thải ven sông chưa được thu gom", "Rác tồn đọng nhiều ngày bên bờ sông, bốc mùi khó chịu cho cả khu phố.", category: "moi-truong");
        Assert.Equal(HttpStatusCode.OK, sent3.StatusCode);

        var cases = await app.WithDbAsync(db => db.Cases.OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(2, cases.Count);
        Assert.Equal((app.Tree.CommuneA1.Id, roads.Id, CaseStatus.Assigned, "giao-thong"), (cases[0].UnitId, cases[0].AgencyId!.Value, cases[0].Status, cases[0].Category!));
        Assert.Equal((app.Tree.CommuneA2.Id, works.Id), (cases[1].UnitId, cases[1].AgencyId!.Value));
        Assert.NotNull(cases[0].DueAt);
        var concerns = await app.WithDbAsync(db => db.Concerns.OrderBy(c => c.Id).ToListAsync());
        Assert.Equal([ConcernStatus.Linked, ConcernStatus.Linked, ConcernStatus.New], concerns.Select(c => c.Status));
        Assert.Equal("moi-truong", concerns[2].Category);

        // The history says which rule routed it, and the case page names the category.
        var details = await client.GetStringAsync($"/Cases/Details?id={S(cases[0].Id)}");
        Assert.Contains("Chuyển theo quy tắc phân công: lĩnh vực Giao thông, địa bàn Phường Hoà Khánh → Sở Giao thông vận tải", WebUtility.HtmlDecode(details), StringComparison.Ordinal);

        // The office may still choose another agency than the rule's (its override), and the history says so.
        var proposal = await client.GetStringAsync($"/Cases/Create?concernId={S(concerns[2].Id)}");
        Assert.DoesNotContain("id=\"rule\"", proposal, StringComparison.Ordinal);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == CaseAudit.RuleAdded).CountAsync());
        Assert.Equal(2, audit);
    }

    [Theory, Providers]
    public async Task Province_admins_edit_their_own_list_and_hostile_input_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var adminB = await app.AddMemberAsync("admin@01.vn", app.Tree.ProvinceB, Role.Admin);
        var adminA = await app.AddMemberAsync("admin@48.vn", app.Tree.ProvinceA, Role.Admin);
        var editor = await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        using var client = app.Client();
        await client.SignInAdminAsync(adminA);
        var a = S(app.Tree.ProvinceA.Id);
        var path = $"/Cases/Categories?province={a}";
        Assert.Contains("Đất đai", await client.GetStringAsync(path), StringComparison.Ordinal);

        using (var added = await client.PostFormAsync(path, new Dictionary<string, string> { ["key"] = "cay-xanh", ["nameVi"] = "Cây xanh <script>alert(1)</script>", ["nameEn"] = "Trees" }, $"/Cases/Categories?handler=Add&province={a}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var trees = await app.WithDbAsync(db => db.Categories.SingleAsync(c => c.ProvinceId == app.Tree.ProvinceA.Id && c.Key == "cay-xanh"));
        Assert.DoesNotContain("<", trees.NameVi, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", await client.GetStringAsync(path), StringComparison.Ordinal);
        var before = await app.WithDbAsync(db => db.Categories.CountAsync());

        var badAdds = new[]
        {
            ("", "Tên", "Name", "Mã chỉ gồm"), ("Cay Xanh", "Tên", "Name", "Mã chỉ gồm"), ("cây-xanh", "Tên", "Name", "Mã chỉ gồm"), (new string('a', 41), "Tên", "Name", "Mã chỉ gồm"),
            ("1-so", "Tên", "Name", "Mã chỉ gồm"), ("cay-xanh", "Trùng", "Duplicate", "Mã này đã có"), ("x-1", "", "Name", "Tên tiếng Việt phải dài"),
            ("x-2", "Tên", new string('n', 101), "Tên tiếng Anh phải dài"), ("x-3", "<b></b>", "Name", "Tên tiếng Việt phải dài"),
        };
        foreach (var (key, vi, en, message) in badAdds)
        {
            using var refused = await client.PostFormAsync(path, new Dictionary<string, string> { ["key"] = key, ["nameVi"] = vi, ["nameEn"] = en }, $"/Cases/Categories?handler=Add&province={a}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(before, await app.WithDbAsync(db => db.Categories.CountAsync()));

        // Rules with another province's category, place or agency are refused; nothing is stored.
        var otherAgency = await AddAgencyAsync(app, app.Tree.ProvinceB, "Sở Xây dựng Hà Nội");
        var works = await AddAgencyAsync(app, app.Tree.ProvinceA, "Ban Quản lý công trình");
        using (var clientB = app.Client())
        {
            await clientB.SignInAdminAsync(adminB);
            Assert.Contains("Đất đai", await clientB.GetStringAsync("/Cases/Categories"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync(path)).StatusCode);
        }

        var foreignCategory = await app.WithDbAsync(db => db.Categories.Where(c => c.ProvinceId == app.Tree.ProvinceB.Id).Select(c => c.Id).FirstAsync());
        var ownCategory = trees.Id;
        var badRules = new[]
        {
            (foreignCategory, app.Tree.CommuneA1.Id, works.Id), (ownCategory, app.Tree.CommuneB1.Id, works.Id), (ownCategory, app.Tree.CommuneA1.Id, app.Tree.AgencyA1.Id),
            (ownCategory, app.Tree.CommuneA1.Id, otherAgency.Id), (ownCategory, app.Tree.CommuneA1.Id, app.Tree.CommuneA2.Id), (ownCategory, -1, 999_999),
        };
        foreach (var (category, place, agency) in badRules)
        {
            using var refused = await client.PostFormAsync(path, new Dictionary<string, string> { ["categoryId"] = S(category), ["placeId"] = S(place), ["agencyId"] = S(agency) }, $"/Cases/Categories?handler=AddRule&province={a}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.RoutingRules.CountAsync()));

        // Retired: not offered on the public form any more, but still names what was filed under it.
        using (var retired = await client.PostFormAsync(path, new Dictionary<string, string> { ["id"] = S(trees.Id), ["retired"] = "true" }, $"/Cases/Categories?handler=Retire&province={a}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        }

        using (var foreign = await client.PostFormAsync(path, new Dictionary<string, string> { ["id"] = S(foreignCategory), ["retired"] = "true" }, $"/Cases/Categories?handler=Retire&province={a}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        using var resident = app.Client();
        Assert.DoesNotContain("cay-xanh", await resident.GetStringAsync(await Portal.PathAsync(resident, app.Tree.CommuneA1.Id)), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Categories.AnyAsync(c => c.ProvinceId == app.Tree.ProvinceB.Id && c.Retired)));
        var actions = await app.WithDbAsync(db => db.AuditEntries.Select(e => e.Action).ToListAsync());
        Assert.Contains(CaseAudit.CategoryAdded, actions);
        Assert.Contains(CaseAudit.CategoryRetired, actions);

        // An editor keeps no list: the page is not found.
        using var editorClient = app.Client();
        await editorClient.SignInOkAsync(editor.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await editorClient.GetAsync("/Cases/Categories")).StatusCode);
    }
}
