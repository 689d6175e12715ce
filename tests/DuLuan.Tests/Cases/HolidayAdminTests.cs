using System.Net;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Cases;

public sealed class HolidayAdminTests
{
    [Theory, Providers]
    public async Task A_tree_admin_seeds_adds_and_removes_holidays_and_deadlines_follow(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.AddMemberAsync("admin@root.vn", app.Tree.Root, Role.Admin);
        using var client = app.Client();
        await client.SignInAdminAsync(admin);

        var page = await client.GetStringAsync("/Cases/Holidays?year=2027");
        Assert.Contains("âm lịch", page, StringComparison.Ordinal);
        using var seeded = await client.PostFormAsync("/Cases/Holidays?year=2027", new Dictionary<string, string>(), "/Cases/Holidays?handler=Seed&year=2027");
        Assert.Equal(HttpStatusCode.Redirect, seeded.StatusCode);
        using var again = await client.PostFormAsync("/Cases/Holidays?year=2027", new Dictionary<string, string>(), "/Cases/Holidays?handler=Seed&year=2027");
        // Five solar dates, and from the lunar calendar Tết 2027 (the eve 05/02 and 06-09/02) and Giỗ Tổ (16/04/2027).
        Assert.Equal(11, await app.WithDbAsync(db => db.Holidays.CountAsync()));
        var lunar = await app.WithDbAsync(db => db.Holidays.Where(h => h.Date >= new DateOnly(2027, 2, 1)).Select(h => h.Date).OrderBy(d => d).ToListAsync());
        Assert.Equal(new DateOnly[] { new(2027, 2, 5), new(2027, 2, 6), new(2027, 2, 7), new(2027, 2, 8), new(2027, 2, 9), new(2027, 4, 16), new(2027, 4, 30), new(2027, 5, 1), new(2027, 9, 1), new(2027, 9, 2) }, lunar);

        // A compensatory day off entered by hand, with a script payload in its name.
        using var added = await client.PostFormAsync("/Cases/Holidays?year=2027",
            new Dictionary<string, string> { ["Date"] = "2027-02-10", ["Name"] = "Nghỉ bù <script>alert(1)</script>" }, "/Cases/Holidays?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var list = await client.GetStringAsync("/Cases/Holidays?year=2027");
        Assert.Contains("10/02/2027", list, StringComparison.Ordinal);
        Assert.Contains("Giỗ Tổ Hùng Vương", list, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", list, StringComparison.Ordinal);

        using var duplicate = await client.PostFormAsync("/Cases/Holidays?year=2027",
            new Dictionary<string, string> { ["Date"] = "2027-02-10", ["Name"] = "Lần hai" }, "/Cases/Holidays?handler=Add");
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("đã có trong danh sách", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var bad in new[] { "not-a-date", "", "2027-13-45" })
        {
            using var refused = await client.PostFormAsync("/Cases/Holidays?year=2027",
                new Dictionary<string, string> { ["Date"] = bad, ["Name"] = "X" }, "/Cases/Holidays?handler=Add");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.Equal(12, await app.WithDbAsync(db => db.Holidays.CountAsync()));

        // Thursday 4/2/2027 09:00 local + 5 working days skips Tết (Friday 5/2, Monday 8/2, Tuesday 9/2) and the day
        // off on Wednesday 10/2: Thursday 11, Friday 12, Monday 15, Tuesday 16, Wednesday 17/2.
        var received = new DateTime(2027, 2, 4, 2, 0, 0, DateTimeKind.Utc);
        var due = await app.WithScopeAsync(async s => (await s.GetRequiredService<Holidays>().CalendarAsync()).AddWorkingDays(received, 5));
        Assert.Equal(new DateTime(2027, 2, 17, 10, 0, 0, DateTimeKind.Utc), due);

        var tetId = await app.WithDbAsync(db => db.Holidays.Where(h => h.Date == new DateOnly(2027, 2, 10)).Select(h => h.Id).SingleAsync());
        using var removed = await client.PostFormAsync("/Cases/Holidays?year=2027", new Dictionary<string, string> { ["id"] = tetId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/Cases/Holidays?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        using var unknown = await client.PostFormAsync("/Cases/Holidays?year=2027", new Dictionary<string, string> { ["id"] = "999999" }, "/Cases/Holidays?handler=Delete");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(11, await app.WithDbAsync(db => db.Holidays.CountAsync()));
        var actions = await app.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync());
        Assert.Contains(CaseAudit.HolidayAdded, actions);
        Assert.Contains(CaseAudit.HolidayRemoved, actions);
    }

    [Theory, Providers]
    public async Task A_province_admin_keeps_the_provinces_days_off_which_only_its_cases_skip(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var root = await app.AddMemberAsync("admin@root.vn", app.Tree.Root, Role.Admin);
        var provinceAdmin = await app.AddMemberAsync("admin@48.vn", app.Tree.ProvinceA, Role.Admin);
        var a = app.Tree.ProvinceA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var b = app.Tree.ProvinceB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var national = app.Client())
        {
            await national.SignInAdminAsync(root);
            using var seeded = await national.PostFormAsync("/Cases/Holidays?year=2027", new Dictionary<string, string>(), "/Cases/Holidays?handler=Seed&year=2027");
            Assert.Equal(HttpStatusCode.Redirect, seeded.StatusCode);
        }

        using var client = app.Client();
        await client.SignInAdminAsync(provinceAdmin);
        Assert.Contains("href=\"/Cases/Holidays\"", await client.GetStringAsync("/Cases"), StringComparison.Ordinal);
        var page = await client.GetStringAsync("/Cases/Holidays?year=2027");
        Assert.Contains("Thành phố Đà Nẵng", page, StringComparison.Ordinal);
        Assert.Contains("id=\"national-holidays\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Seed", page, StringComparison.Ordinal);

        // A day off after a storm, for the province only; the same date twice is refused, as is a national date.
        using (var added = await client.PostFormAsync("/Cases/Holidays?year=2027", new Dictionary<string, string> { ["Date"] = "2027-02-10", ["Name"] = "Nghỉ sau bão" }, $"/Cases/Holidays?handler=Add&unitId={a}&year=2027"))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        using (var twice = await client.PostFormAsync("/Cases/Holidays?year=2027", new Dictionary<string, string> { ["Date"] = "2027-02-10", ["Name"] = "Lần hai" }, $"/Cases/Holidays?handler=Add&unitId={a}&year=2027"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
            Assert.Contains("đã có trong danh sách", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var own = await app.WithDbAsync(db => db.Holidays.SingleAsync(h => h.UnitId == app.Tree.ProvinceA.Id));
        Assert.Equal(new DateOnly(2027, 2, 10), own.Date);

        // Thursday 4/2/2027 + 5 working days: a case in Đà Nẵng skips Tết and the province's day off (17/02), one in Hà Nội only Tết (16/02).
        var received = new DateTime(2027, 2, 4, 2, 0, 0, DateTimeKind.Utc);
        var dueA = await app.WithScopeAsync(async s => (await s.GetRequiredService<Holidays>().CalendarAsync(app.Tree.CommuneA1.Id)).AddWorkingDays(received, 5));
        var dueB = await app.WithScopeAsync(async s => (await s.GetRequiredService<Holidays>().CalendarAsync(app.Tree.CommuneB1.Id)).AddWorkingDays(received, 5));
        Assert.Equal(new DateTime(2027, 2, 17, 10, 0, 0, DateTimeKind.Utc), dueA);
        Assert.Equal(new DateTime(2027, 2, 16, 10, 0, 0, DateTimeKind.Utc), dueB);

        // Not another province's list, not the national list, not its seed; a national holiday's id is not found.
        var nationalId = await app.WithDbAsync(db => db.Holidays.Where(h => h.UnitId == null).Select(h => h.Id).FirstAsync());
        var root0 = app.Tree.Root.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var count = await app.WithDbAsync(db => db.Holidays.CountAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Cases/Holidays?unitId={b}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Cases/Holidays?unitId={root0}")).StatusCode);
        foreach (var (fields, action) in new (Dictionary<string, string>, string)[]
        {
            (new() { ["Date"] = "2027-03-03", ["Name"] = "Ngày của tỉnh khác" }, $"/Cases/Holidays?handler=Add&unitId={b}&year=2027"),
            (new() { ["Date"] = "2027-03-03", ["Name"] = "Ngày toàn quốc" }, $"/Cases/Holidays?handler=Add&unitId={root0}&year=2027"),
            (new(), $"/Cases/Holidays?handler=Seed&unitId={a}&year=2028"),
            (new() { ["id"] = nationalId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/Cases/Holidays?handler=Delete&unitId={a}&year=2027"),
        })
        {
            using var refused = await client.PostFormAsync("/Cases/Holidays?year=2027", fields, action);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        Assert.Equal(count, await app.WithDbAsync(db => db.Holidays.CountAsync()));
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == CaseAudit.HolidayAdded && e.UnitId == app.Tree.ProvinceA.Id).CountAsync());
        Assert.Equal(1, audited);
    }

    [Theory, Providers]
    public async Task A_commune_admin_and_read_only_roles_see_no_holiday_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var communeAdmin = await app.AddMemberAsync("admin@20200.vn", app.Tree.CommuneA1, Role.Admin);
        var leadMember = await app.AddMemberAsync("lead@root.vn", app.Tree.Root, Role.Lead);
        using var client = app.Client();
        await client.SignInAdminAsync(communeAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Cases/Holidays")).StatusCode);
        Assert.DoesNotContain("href=\"/Cases/Holidays\"", await client.GetStringAsync("/Cases"), StringComparison.Ordinal);

        using var lead = app.Client();
        await lead.SignInAdminAsync(leadMember);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync("/Cases/Holidays")).StatusCode);

        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/Cases/Holidays")).StatusCode);
    }
}
