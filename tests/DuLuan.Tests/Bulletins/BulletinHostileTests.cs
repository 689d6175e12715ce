using System.Net;
using DuLuan.Data;
using DuLuan.Features.Bulletins;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Tests.Bulletins.BulletinFixture;
using static DuLuan.Tests.Claims.ClaimsFixture;

namespace DuLuan.Tests.Bulletins;

/// <summary>Hostile and wrong input on the public bulletin addresses and the staff pages: clear refusals, nothing stored half-way.</summary>
public sealed class BulletinHostileTests
{
    [Theory, Providers]
    public async Task Public_addresses_refuse_strange_codes_ids_and_drafts(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var editor = await EditorAsync(app, app.Tree.ProvinceA);
        var caseId = await AnsweredCaseAsync(app, app.Tree.CommuneA1.Id, "Ổ gà trên đường", "Đã vá xong.");
        var draft = IdOf(await CreateAsync(editor, app.Tree.CommuneA1.Id, "2026-12-06", "Evening", $"case:{S(caseId)}"));
        using var anonymous = app.Client();
        string[] paths =
        [
            "/cong/" + new string('9', 5000) + "/ban-tin", "/cong/%00/ban-tin/rss.xml", "/cong/XYZ/ban-tin/playlist.m3u",
            "/cong/20200/ban-tin/99999999999.mp3", "/cong/20200/ban-tin/-1.mp3", "/cong/20200/ban-tin/0",
            $"/cong/20200/ban-tin/{S(draft)}", $"/cong/20200/ban-tin/{S(draft)}.mp3", $"/cong/48/ban-tin/{S(draft)}",
            "/cong/%3Cscript%3E/ban-tin",
        ];
        foreach (var path in paths)
        {
            using var response = await anonymous.GetAsync(path);
            // Not found; a NUL in the path is refused by the server itself (400) before any page sees it.
            Assert.True(response.StatusCode is HttpStatusCode.NotFound || (path.Contains("%00", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.BadRequest), $"{path}: {response.StatusCode}");
        }

        Assert.DoesNotContain("<item>", await anonymous.GetStringAsync("/cong/20200/ban-tin/rss.xml"), StringComparison.Ordinal);
        Assert.Equal("#EXTM3U\n", await anonymous.GetStringAsync("/cong/20200/ban-tin/playlist.m3u"));
        // Staff addresses are not public.
        using var staff = await anonymous.GetAsync($"/Bulletins/Details?id={S(draft)}&handler=Audio");
        Assert.NotEqual(HttpStatusCode.OK, staff.StatusCode);
    }

    [Theory, Providers]
    public async Task Assembling_refuses_foreign_places_unknown_items_and_bad_fields(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var editor = await EditorAsync(app, app.Tree.ProvinceA);
        var caseId = await AnsweredCaseAsync(app, app.Tree.CommuneA1.Id, "Ổ gà trên đường", "Đã vá xong.");
        var foreignCase = await AnsweredCaseAsync(app, app.Tree.CommuneB1.Id, "Việc của nơi khác", "Đã xong.");
        var item = $"case:{S(caseId)}";

        (string Day, string Slot, string[] Items, long Unit, string Expected)[] refused =
        [
            ("2026-12-06", "Morning", [item], app.Tree.CommuneB1.Id, "Chọn một địa phương mà bạn được soạn bản tin."),
            ("2026-12-06", "Morning", [item], app.Tree.AgencyA1.Id, "Chọn một địa phương mà bạn được soạn bản tin."),
            ("2026-12-06", "Morning", [$"case:{S(foreignCase)}"], app.Tree.CommuneA1.Id, "Có tin không còn công khai hoặc không thuộc địa phương này."),
            ("2026-12-06", "Morning", ["post:999999", "../../etc/passwd"], app.Tree.CommuneA1.Id, "Có tin không còn công khai hoặc không thuộc địa phương này."),
            ("2026-12-06", "Morning", [], app.Tree.CommuneA1.Id, "Chọn từ 1 đến 12 tin."),
            ("2026-12-06", "Morning", Enumerable.Range(0, 13).Select(i => "case:" + i).ToArray(), app.Tree.CommuneA1.Id, "Chọn từ 1 đến 12 tin."),
            ("06/12/2026", "Morning", [item], app.Tree.CommuneA1.Id, "Ngày phát không hợp lệ."),
            ("2026-12-06", "Noon", [item], app.Tree.CommuneA1.Id, "Chọn buổi sáng hoặc buổi chiều."),
            ("2026-12-06", "7", [item], app.Tree.CommuneA1.Id, "Chọn buổi sáng hoặc buổi chiều."),
        ];
        foreach (var (day, slot, items, unit, expected) in refused)
        {
            using var response = await CreateAsync(editor, unit, day, slot, items);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Bulletins.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.BulletinItems.CountAsync()));

        // A viewer sees bulletins but may not write one.
        await app.AddMemberAsync("xem@bulletins.vn", app.Tree.ProvinceA, Role.Viewer);
        using var viewer = app.Client();
        await viewer.SignInOkAsync("xem@bulletins.vn");
        var id = IdOf(await CreateAsync(editor, app.Tree.CommuneA1.Id, "2026-12-06", "Morning", item));
        Assert.Contains(await LoadAsync(app, id) is { } b ? b.Title : "?", await viewer.GetStringAsync("/Bulletins"), StringComparison.Ordinal);
        using (var denied = await CreateAsync(viewer, app.Tree.CommuneA1.Id, "2026-12-06", "Morning", item))
        {
            Assert.Equal(HttpStatusCode.BadRequest, denied.StatusCode);
        }

        using (var denied = await StepAsync(app, viewer, id, "Submit"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        // Someone of another province does not even see it.
        using var stranger = await EditorAsync(app, app.Tree.ProvinceB, "khac@bulletins.vn");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/Bulletins/Details?id=" + S(id))).StatusCode);
    }

    [Theory, Providers]
    public async Task Edits_are_cleaned_checked_per_field_and_guarded_by_version(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var editor = await EditorAsync(app, app.Tree.ProvinceA);
        var caseId = await AnsweredCaseAsync(app, app.Tree.CommuneA1.Id, "Ổ gà trên đường", "Đã vá xong 3 ổ gà.");
        var id = IdOf(await CreateAsync(editor, app.Tree.CommuneA1.Id, "2026-12-06", "Morning", $"case:{S(caseId)}"));
        var before = await LoadAsync(app, id);

        (string Field, string Value, string Expected)[] refused =
        [
            ("title", "x", "Tiêu đề dài từ 3 đến 200 ký tự."),
            ("writtenText", new string('a', Bulletin.TextLimit + 1), "Nội dung dài từ 10 đến 20.000 ký tự."),
            ("spokenText", "<b></b>", "Lời đọc dài từ 10 đến 40.000 ký tự."),
        ];
        foreach (var (field, value, expected) in refused)
        {
            var fields = new Dictionary<string, string> { ["title"] = before.Title, ["writtenText"] = before.WrittenText, ["spokenText"] = before.SpokenText, [field] = value };
            using var response = await StepAsync(app, editor, id, "Edit", fields);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before.ContentHash, (await LoadAsync(app, id)).ContentHash);
        using (var stale = await StepAsync(app, editor, id, "Edit", new() { ["title"] = "Bản tin mới", ["writtenText"] = before.WrittenText, ["spokenText"] = before.SpokenText, ["version"] = S(before.Version - 1) }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        using (var marked = await StepAsync(app, editor, id, "Edit", new() { ["title"] = "Bản tin <script>alert(1)</script>sáng", ["writtenText"] = before.WrittenText, ["spokenText"] = "<img src=x onerror=alert(1)>Kính thưa bà con, lúc 7h30 có họp." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        }

        var after = await LoadAsync(app, id);
        Assert.DoesNotContain("<", after.Title + after.SpokenText, StringComparison.Ordinal);
        Assert.Contains("7h30", after.SpokenText, StringComparison.Ordinal);

        // Schedule: morning before noon, evening after.
        using var badTime = await editor.PostFormAsync("/Bulletins?unitId=" + S(app.Tree.CommuneA1.Id), new Dictionary<string, string> { ["unitId"] = S(app.Tree.CommuneA1.Id), ["morning"] = "25:00", ["evening"] = "17:00" }, "/Bulletins?handler=Schedule");
        Assert.Equal(HttpStatusCode.BadRequest, badTime.StatusCode);
        Assert.Contains("Giờ phát buổi sáng phải trước 12:00.", await badTime.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var goodTime = await editor.PostFormAsync("/Bulletins?unitId=" + S(app.Tree.CommuneA1.Id), new Dictionary<string, string> { ["unitId"] = S(app.Tree.CommuneA1.Id), ["morning"] = "05:30", ["evening"] = "17:15" }, "/Bulletins?handler=Schedule");
        Assert.Equal(HttpStatusCode.Redirect, goodTime.StatusCode);
        Assert.Contains("05:30", await app.Client().GetStringAsync("/cong/20200/ban-tin"), StringComparison.Ordinal);
    }
}
