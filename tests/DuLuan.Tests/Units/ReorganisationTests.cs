using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Units;

public sealed class ReorganisationTests
{
    private static readonly DateOnly MergedOn = new(2025, 8, 15);

    [Theory, Providers]
    public async Task A_province_admin_records_a_merge_and_a_split_in_one_transaction_each(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var tree = app.Tree;
        var old = await Reorganise.PrepareAsync(app);
        var admin = await app.AddMemberAsync("admin@a.vn", tree.ProvinceA, Role.Admin);
        using var client = app.Client();
        await client.SignInAdminAsync(admin);

        var page = await client.GetStringAsync($"/Units/Details?id={old.Id}");
        Assert.Contains("id=\"reorganise\"", page, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{tree.CommuneA1.Id}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{tree.CommuneB1.Id}\"", page, StringComparison.Ordinal);

        // Merge: Xã Cũ and Hải Vân into Hoà Khánh from 15/08/2025 (the date as the date input sends it).
        using var merged = await Reorganise.PostAsync(client, old.Id, [tree.CommuneA1.Id], "2025-08-15", [tree.CommuneA2.Id]);
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var rows = await app.WithDbAsync(db => db.UnitSuccessions.AsNoTracking().OrderBy(s => s.UnitId).ToListAsync());
        Assert.Equal([(tree.CommuneA2.Id, tree.CommuneA1.Id), (old.Id, tree.CommuneA1.Id)], rows.Select(r => (r.UnitId, r.SuccessorId)).OrderBy(r => r.Item1 == old.Id).ToList());
        Assert.All(rows, r => Assert.Equal(MergedOn, r.EffectiveOn));
        var ended = await app.WithDbAsync(db => db.Units.AsNoTracking().Where(u => u.ActiveTo != null).Select(u => new { u.Id, u.ActiveTo }).ToListAsync());
        Assert.Equal(2, ended.Count);
        Assert.All(ended, u => Assert.Equal(new DateOnly(2025, 8, 14), u.ActiveTo));
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == UnitReorganisation.AuditAction).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal(admin.Id, a.ActorId));
        Assert.Contains(audit, a => a.UnitId == old.Id && a.Detail!.Contains($"successor={tree.CommuneA1.Id};effective=2025-08-15;via=form", StringComparison.Ordinal));

        // Both sides show it, with dates; the retired unit says it stopped and offers no form.
        var successorPage = await client.GetStringAsync($"/Units/Details?id={tree.CommuneA1.Id}");
        Assert.Contains($"data-predecessor=\"{old.Id}\"", successorPage, StringComparison.Ordinal);
        Assert.Contains($"data-predecessor=\"{tree.CommuneA2.Id}\"", successorPage, StringComparison.Ordinal);
        Assert.Contains("15/08/2025", successorPage, StringComparison.Ordinal);
        var oldPage = await client.GetStringAsync($"/Units/Details?id={old.Id}");
        Assert.Contains($"data-successor=\"{tree.CommuneA1.Id}\"", oldPage, StringComparison.Ordinal);
        Assert.Contains("id=\"unit-retired\"", oldPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"reorganise\"", oldPage, StringComparison.Ordinal);

        // Split: the province's agency team... a new commune split into Hoà Khánh and a new ward, dd/MM/yyyy accepted.
        var (split, ward) = await app.WithDbAsync(async db =>
        {
            var parent = tree.ProvinceA;
            var units = new List<Unit>();
            foreach (var (code, name) in new[] { ("99002", "Xã Chia"), ("99003", "Phường Mới") })
            {
                var u = new Unit { Code = code, Name = name, NameFolded = DuLuan.Analysis.Text.VietnameseFold.Fold(name), Kind = UnitKind.Commune, ParentId = parent.Id, Depth = parent.Depth + 1, ActiveFrom = Reorganise.Since2020 };
                db.Units.Add(u);
                await db.SaveChangesAsync();
                u.Path = $"{parent.Path}{u.Id}/";
                units.Add(u);
            }

            await db.SaveChangesAsync();
            return (units[0], units[1]);
        });
        using var splitResponse = await Reorganise.PostAsync(client, split.Id, [tree.CommuneA1.Id, ward.Id], "01/07/2025");
        Assert.Equal(HttpStatusCode.Redirect, splitResponse.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.UnitSuccessions.CountAsync(s => s.UnitId == split.Id && s.EffectiveOn == new DateOnly(2025, 7, 1))));
        Assert.Equal(new DateOnly(2025, 6, 30), await app.WithDbAsync(db => db.Units.Where(u => u.Id == split.Id).Select(u => u.ActiveTo).SingleAsync()));
    }

    [Theory, Providers]
    public async Task Each_invalid_step_is_refused_naming_the_field_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var tree = app.Tree;
        var old = await Reorganise.PrepareAsync(app);
        var admin = await app.AddMemberAsync("admin@a.vn", tree.ProvinceA, Role.Admin);
        using var client = app.Client();
        await client.SignInAdminAsync(admin);
        await app.WithDbAsync(db => db.Units.Where(u => u.Id == tree.CommuneA2.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ActiveFrom, new DateOnly(2025, 9, 1))));

        var cases = new (long Unit, long[] Successors, string Date, long[] Others, string Field, string Says)[]
        {
            (old.Id, [old.Id], "2025-08-15", [], "successors", "không thể là chính Xã Cũ"),
            (tree.CommuneA1.Id, [tree.AgencyA1.Id], "2025-08-15", [], "successors", "trực thuộc Phường Hoà Khánh"),
            (old.Id, [tree.CommuneA2.Id], "2025-08-15", [], "successors", "Phường Hải Vân không hoạt động vào ngày 15/08/2025"),
            (old.Id, [tree.CommuneA1.Id], "2019-12-31", [], "effective", "trước ngày Xã Cũ bắt đầu hoạt động (01/01/2020)"),
            (old.Id, [tree.CommuneA1.Id], "15.08.2025", [], "effective", "Ngày hiệu lực: cần một ngày"),
            (old.Id, [tree.CommuneA1.Id], "2025-02-30", [], "effective", "Ngày hiệu lực: cần một ngày"),
            (old.Id, [tree.CommuneA1.Id], "", [], "effective", "Ngày hiệu lực"),
            (old.Id, [], "2025-08-15", [], "successors", "hãy chọn ít nhất một đơn vị"),
            (old.Id, [tree.CommuneA1.Id, tree.CommuneA2.Id], "2025-09-15", [tree.AgencyA1.Id], "successors", "không ghi cả hai cùng lúc"),
        };
        foreach (var (unit, successors, date, others, field, says) in cases)
        {
            using var response = await Reorganise.PostAsync(client, unit, successors, date, others);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{says}: {(int)response.StatusCode}");
            var text = WebUtility.HtmlDecode(html);
            var message = System.Text.RegularExpressions.Regex.Match(text, $"data-field=\"{field}\"[^>]*>([^<]+)<");
            Assert.True(message.Success, $"{says}: no message for {field}");
            Assert.Contains(says, message.Groups[1].Value, StringComparison.Ordinal);
            Assert.DoesNotContain(" / ", message.Groups[1].Value, StringComparison.Ordinal); // the page's language only (#17 item 8)
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.UnitSuccessions.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Units.CountAsync(u => u.ActiveTo != null)));

        // A second succession of the same unit on another date is refused; the same date may add a successor (a split).
        using var first = await Reorganise.PostAsync(client, old.Id, [tree.CommuneA1.Id], "2025-08-15");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var again = await app.WithScopeAsync(async s =>
        {
            var http = s.GetRequiredService<IHttpContextAccessor>();
            http.HttpContext = new DefaultHttpContext { User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new(System.Security.Claims.ClaimTypes.NameIdentifier, admin.Id)], "test")) };
            var service = s.GetRequiredService<UnitReorganisation>();
            var other = await service.RecordAsync([new SuccessionStep(old.Id, tree.CommuneA2.Id, new DateOnly(2025, 10, 1))], "test", (_, _) => new(0, "x", new DuLuan.Infrastructure.Text.Message("Units.Succession.NoUnitHere")), CancellationToken.None);
            var twice = await service.RecordAsync([new SuccessionStep(old.Id, tree.CommuneA1.Id, MergedOn)], "test", (_, _) => new(0, "x", new DuLuan.Infrastructure.Text.Message("Units.Succession.NoUnitHere")), CancellationToken.None);
            return (other, twice);
        });
        Assert.Contains(again.other, e => e.Field == "ngay_hieu_luc" && e.Vi.Contains("đã được ghi nhận sáp nhập/chia tách từ 15/08/2025", StringComparison.Ordinal));
        Assert.Contains(again.twice, e => e.Vi.Contains("đã được ghi nhận", StringComparison.Ordinal));
        Assert.Equal(1, await app.WithDbAsync(db => db.UnitSuccessions.CountAsync()));
    }

    [Theory, Providers]
    public async Task Outside_the_admins_scope_is_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var tree = app.Tree;
        var old = await Reorganise.PrepareAsync(app);
        var hanoi = await app.AddMemberAsync("admin@hn.vn", tree.ProvinceB, Role.Admin);
        var communeAdmin = await app.AddMemberAsync("admin@a1.vn", tree.CommuneA1, Role.Admin);
        var lead = await app.AddMemberAsync("lead@a.vn", tree.ProvinceA, Role.Lead);
        var provinceAdmin = await app.AddMemberAsync("admin@a.vn", tree.ProvinceA, Role.Admin);

        using (var client = app.Client())
        {
            await client.SignInAdminAsync(hanoi);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Units/Details?id={old.Id}")).StatusCode);
            // Its own commune into a unit of another province: the successor is outside its scope.
            using var across = await Reorganise.PostAsync(client, tree.CommuneB1.Id, [tree.CommuneA1.Id], "2025-08-15");
            Assert.Equal(HttpStatusCode.NotFound, across.StatusCode);
        }

        using (var client = app.Client())
        {
            // An admin of the commune itself is not an admin of an ancestor: no form, and a post is 404.
            await client.SignInAdminAsync(communeAdmin);
            Assert.DoesNotContain("id=\"reorganise\"", await client.GetStringAsync($"/Units/Details?id={tree.CommuneA1.Id}"), StringComparison.Ordinal);
            using var own = await client.PostFormAsync($"/Units/Details?id={tree.CommuneA1.Id}", new Dictionary<string, string> { ["Form.Successors[0]"] = tree.CommuneA2.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Form.EffectiveOn"] = "2025-08-15" }, $"/Units/Details?id={tree.CommuneA1.Id}&handler=Reorganise");
            Assert.Equal(HttpStatusCode.NotFound, own.StatusCode);
        }

        using (var client = app.Client())
        {
            await client.SignInAdminAsync(lead);
            Assert.DoesNotContain("id=\"reorganise\"", await client.GetStringAsync($"/Units/Details?id={old.Id}"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Units/ImportSuccessions")).StatusCode);
        }

        using (var client = app.Client())
        {
            // The other commune of the merge is in another province: 404, nothing stored.
            await client.SignInAdminAsync(provinceAdmin);
            using var other = await Reorganise.PostAsync(client, old.Id, [tree.CommuneA1.Id], "2025-08-15", [tree.CommuneB1.Id]);
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
            using var missing = await Reorganise.PostAsync(client, 999_999, [tree.CommuneA1.Id], "2025-08-15");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.UnitSuccessions.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Units.CountAsync(u => u.ActiveTo != null)));
    }
}
