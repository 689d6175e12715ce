using System.Net;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Tests.Cases.RespondFixture;

namespace DuLuan.Tests.Cases;

public sealed class StaffEntryTests
{
    private static Dictionary<string, string> Form(long unitId, string source, string title, string description, string? email = null)
    {
        var fields = new Dictionary<string, string> { ["UnitId"] = S(unitId), ["Source"] = source, ["Title"] = title, ["Description"] = description };
        if (email is not null)
        {
            fields["Email"] = email;
        }

        return fields;
    }

    [Theory, Providers]
    public async Task Staff_enter_a_phone_concern_see_the_look_alike_case_and_join_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        var open = await AddCaseAsync(app, app.Tree.CommuneA1.Id, null, "Đèn đường Nguyễn Lương Bằng tắt", CaseStatus.New);
        using var editor = app.Client();
        await editor.SignInOkAsync("editor@48.vn");

        using var saved = await editor.PostFormAsync("/Concerns/Enter", Form(app.Tree.CommuneA1.Id, "Phone", "Đèn đường tắt nhiều đêm",
            "Người dân gọi điện: đèn đường trên đường Nguyễn Lương Bằng tắt nhiều đêm liền, đi đường rất nguy hiểm. Số gọi lại 0905 123 456.", "dan@example.vn"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var concern = await app.WithDbAsync(db => db.Concerns.SingleAsync());
        Assert.Equal(ConcernSource.Phone, concern.Source);
        Assert.Equal(open.Id, concern.SimilarCaseId);
        Assert.DoesNotContain("0905", concern.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("dan@example.vn", concern.ContactProtected!, StringComparison.Ordinal);
        Assert.Equal($"/Concerns/Details?id={concern.Id}", saved.Headers.Location?.OriginalString);

        var page = await editor.GetStringAsync($"/Concerns/Details?id={concern.Id}");
        Assert.Contains($"Giống vụ việc #{open.Id}", page, StringComparison.Ordinal);
        Assert.Contains("Điện thoại", page, StringComparison.Ordinal);
        using var joined = await editor.PostFormAsync($"/Concerns/Details?id={concern.Id}", new Dictionary<string, string> { ["caseId"] = S(open.Id) }, $"/Concerns/Details?handler=Join&id={concern.Id}");
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal(open.Id, await app.WithDbAsync(db => db.Concerns.Select(c => c.CaseId).SingleAsync()));

        // The same words entered again the same day are the same concern.
        using var again = await editor.PostFormAsync("/Concerns/Enter", Form(app.Tree.CommuneA1.Id, "Meeting", "Đèn đường tắt nhiều đêm",
            "Người dân gọi điện: đèn đường trên đường Nguyễn Lương Bằng tắt nhiều đêm liền, đi đường rất nguy hiểm. Số gọi lại 0905 123 456."));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Concerns.CountAsync()));
    }

    [Theory, Providers]
    public async Task Staff_entry_refuses_foreign_places_bad_sources_bad_contacts_and_roles_that_may_not_handle(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        await app.AddMemberAsync("viewer@48.vn", app.Tree.ProvinceA, Role.Viewer);
        using var editor = app.Client();
        await editor.SignInOkAsync("editor@48.vn");
        const string Title = "Nước sinh hoạt bị đục";
        const string Text = "Nước máy ở khu dân cư bị đục ba ngày nay, người dân phải mua nước đóng chai.";

        var cases = new (Dictionary<string, string> Fields, string Message)[]
        {
            (Form(app.Tree.CommuneB1.Id, "Phone", Title, Text), "ngoài phạm vi"),
            (Form(999999, "Phone", Title, Text), "ngoài phạm vi"),
            (Form(app.Tree.AgencyA1.Id, "Phone", Title, Text), "ngoài phạm vi"),
            (Form(app.Tree.CommuneA1.Id, "Portal", Title, Text), "Nguồn tiếp nhận không hợp lệ"),
            (Form(app.Tree.CommuneA1.Id, "99", Title, Text), "Nguồn tiếp nhận không hợp lệ"),
            (Form(app.Tree.CommuneA1.Id, "Paper", Title, Text, "không phải email"), "không phải địa chỉ email hợp lệ"),
            (Form(app.Tree.CommuneA1.Id, "Paper", "<b><i></i></b>", "<script>alert(1)</script><p></p><p></p>"), "chỉ gồm mã HTML"),
            (Form(app.Tree.CommuneA1.Id, "Paper", Title, new string('a', 4001)), "Nội dung phải dài từ"),
            (Form(app.Tree.CommuneA1.Id, "Paper", "", Text), "Vui lòng nhập Tiêu đề"),
        };
        foreach (var (fields, message) in cases)
        {
            using var response = await editor.PostFormAsync("/Concerns/Enter", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(html.Contains(message, StringComparison.Ordinal), $"{fields["Source"]} {fields["Title"]}: {message}: {html[html.IndexOf("role=\"alert\"", StringComparison.Ordinal)..][..400]}");
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Concerns.CountAsync()));
        using var viewer = app.Client();
        await viewer.SignInOkAsync("viewer@48.vn");
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/Concerns/Enter")).StatusCode);
        using var anonymous = app.Client();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/Concerns/Enter")).StatusCode);
    }
}
