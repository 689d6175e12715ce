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
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("đã có trong danh sách", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var bad in new[] { "not-a-date", "", "2027-13-45" })
        {
            using var refused = await client.PostFormAsync("/Cases/Holidays?year=2027",
                new Dictionary<string, string> { ["Date"] = bad, ["Name"] = "X" }, "/Cases/Holidays?handler=Add");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
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
    public async Task Only_admins_of_the_whole_tree_see_the_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var provinceAdmin = await app.AddMemberAsync("admin@48.vn", app.Tree.ProvinceA, Role.Admin);
        await app.AddMemberAsync("lead@root.vn", app.Tree.Root, Role.Lead);
        using var client = app.Client();
        await client.SignInAdminAsync(provinceAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Cases/Holidays")).StatusCode);

        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/Cases/Holidays")).StatusCode);
    }
}
