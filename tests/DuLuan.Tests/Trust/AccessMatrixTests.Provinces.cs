using System.Globalization;
using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Trust;

/// <summary>
/// The settings a province keeps for itself (its days off, its Open311 keys): only the admins of that province or of
/// the tree's root manage them. A commune's admin, a read-only role, a lead and another province's admin get "not
/// found" and change nothing, whatever ids or hostile values they send.
/// </summary>
public sealed partial class AccessMatrixTests
{
    [Theory, Providers]
    public async Task Only_a_provinces_own_admins_manage_its_holidays_and_open311_keys(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, Settings);
        string S(long id) => id.ToString(CultureInfo.InvariantCulture);
        var provinceA = S(app.Tree.ProvinceA.Id);

        // The province's own records, made by its admin.
        var admin = await app.AddMemberAsync("admin@48.trust.vn", app.Tree.ProvinceA, Role.Admin);
        using (var own = app.Client())
        {
            await own.SignInAdminAsync(admin);
            using var holiday = await own.PostFormAsync("/Cases/Holidays", new Dictionary<string, string> { ["Date"] = "2027-10-20", ["Name"] = "Nghỉ bù của tỉnh" }, $"/Cases/Holidays?handler=Add&unitId={provinceA}&year=2027");
            Assert.Equal(HttpStatusCode.Redirect, holiday.StatusCode);
            using var key = await own.PostFormAsync("/Open311/Keys", new Dictionary<string, string> { ["Name"] = "Ứng dụng Đà Nẵng", ["UnitId"] = provinceA });
            Assert.Equal(HttpStatusCode.OK, key.StatusCode);
            Assert.Contains("id=\"new-key\"", await key.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var holidayId = S(await app.WithDbAsync(db => db.Holidays.Where(h => h.UnitId == app.Tree.ProvinceA.Id).Select(h => h.Id).SingleAsync()));
        var keyId = S(await app.WithDbAsync(db => db.ApiKeys.Where(k => k.UnitId == app.Tree.ProvinceA.Id).Select(k => k.Id).SingleAsync()));
        var before = await app.WithDbAsync(async db => (await db.Holidays.CountAsync(), await db.ApiKeys.CountAsync(k => k.RevokedAt == null)));

        var outsiders = new List<(string Who, Unit Where, Role Role)>
        {
            ("commune admin", app.Tree.CommuneA1, Role.Admin),
            ("province lead", app.Tree.ProvinceA, Role.Lead),
            ("province editor", app.Tree.ProvinceA, Role.Editor),
            ("province viewer", app.Tree.ProvinceA, Role.Viewer),
            ("collaborator", app.Tree.CommuneA1, Role.Collaborator),
            ("other province's admin", app.Tree.ProvinceB, Role.Admin),
        };
        var hostile = new Hostile(20);
        var failures = new List<string>();
        foreach (var (who, where, role) in outsiders)
        {
            var member = await app.AddMemberAsync($"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@trust.vn", where, role);
            using var client = app.Client();
            if (Roles.RequiresTwoFactor(role))
            {
                await client.SignInAdminAsync(member);
            }
            else
            {
                await client.SignInOkAsync(member.Email!);
            }

            var unitIds = new[] { provinceA, hostile.Value(), hostile.Value(), "-1", "0", "9223372036854775808" };
            var attempts = new List<(string Page, Dictionary<string, string> Fields, string Action)>
            {
                ("/Cases/Holidays", new() { ["id"] = holidayId }, $"/Cases/Holidays?handler=Delete&unitId={provinceA}&year=2027"),
                ("/Open311/Keys", new() { ["keyId"] = keyId }, "/Open311/Keys?handler=Revoke"),
            };
            foreach (var unitId in unitIds)
            {
                attempts.Add(("/Cases/Holidays", new() { ["Date"] = "2027-11-11", ["Name"] = hostile.Value() }, $"/Cases/Holidays?handler=Add&unitId={Uri.EscapeDataString(unitId)}&year=2027"));
                attempts.Add(("/Cases/Holidays", new(), $"/Cases/Holidays?handler=Seed&unitId={Uri.EscapeDataString(unitId)}&year=2031"));
                attempts.Add(("/Open311/Keys", new() { ["Name"] = "Ứng dụng lạ", ["UnitId"] = unitId }, "/Open311/Keys"));
            }

            foreach (var path in new[] { "/Cases/Holidays", $"/Cases/Holidays?unitId={provinceA}", "/Open311/Keys" })
            {
                using var read = await client.GetAsync(path);
                if (read.StatusCode != HttpStatusCode.NotFound && !(where == app.Tree.ProvinceB && role == Role.Admin && !path.Contains(provinceA, StringComparison.Ordinal)))
                {
                    failures.Add($"{who}: GET {path} -> {(int)read.StatusCode}");
                }
            }

            foreach (var (page, fields, action) in attempts)
            {
                using var response = await client.PostFormAsync(page, fields, action);
                var status = (int)response.StatusCode;
                // Another province's admin may add to their own list (a hostile unit id falls back to it): only 2xx on province A's records counts.
                if (status >= 500 || (status is >= 200 and < 400 && !(where == app.Tree.ProvinceB && !action.Contains(provinceA, StringComparison.Ordinal) && !fields.ContainsValue(holidayId) && !fields.ContainsValue(keyId) && !fields.ContainsValue(provinceA))))
                {
                    failures.Add($"{who}: POST {action} -> {status}");
                }
            }
        }

        var after = await app.WithDbAsync(async db => (
            await db.Holidays.CountAsync(h => h.UnitId == null || h.UnitId == app.Tree.ProvinceA.Id),
            await db.ApiKeys.CountAsync(k => k.RevokedAt == null && (k.UnitId == null || k.UnitId == app.Tree.ProvinceA.Id))));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(1, after.Item1);
        Assert.Equal(1, after.Item2);
        Assert.True(before.Item1 == 1 && before.Item2 == 1);
    }

    [Theory, Providers]
    public async Task A_provinces_open311_key_posts_only_about_its_own_places(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, Settings);
        var key = await app.WithScopeAsync(async s => (await s.GetRequiredService<DuLuan.Features.Concerns.Open311.ApiKeys>().CreateAsync("Ứng dụng Đà Nẵng", app.Tree.ProvinceA.Id)).Key);
        using var client = app.Client();
        async Task<HttpResponseMessage> PostAsync(string jurisdiction)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["api_key"] = key,
                ["jurisdiction_id"] = jurisdiction,
                ["service_code"] = "moi-truong",
                ["description"] = "Rác thải đổ trộm ở bờ sông suốt ba ngày nay, bốc mùi khó chịu.",
            });
            return await client.Http.PostAsync("/open311/v2/requests.json", form);
        }

        using var own = await PostAsync("20200");
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        using var foreign = await PostAsync("00004");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        var body = await foreign.Content.ReadAsStringAsync();
        Assert.Contains("api_key", body, StringComparison.Ordinal);
        Assert.Contains("another province", body, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Concerns.CountAsync()));
    }
}
