using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Text;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static DuLuan.Tests.Cases.RespondFixture;

namespace DuLuan.Tests.Cases;

/// <summary>One text entry per purpose (#17 item 4): staff keep the location in notes; residents' personal data is still removed.</summary>
public sealed class TextPurposeTests
{
    private const string Stretch = "từ số 120 đến số 160 đường Trần Phú";

    [Theory, Providers]
    public async Task Staff_type_a_stretch_of_street_into_a_case_note_and_see_it_kept(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        var item = await AddCaseAsync(app, app.Tree.CommuneA1.Id, null);
        using var editor = app.Client();
        await editor.SignInOkAsync("editor@48.vn");

        var text = $"Đèn tắt {Stretch}, đã hẹn ông Nguyễn Văn Tám (tổ trưởng) gọi lại số 0905 111 222.";
        using var noted = await editor.PostFormAsync($"/Cases/Details?id={item.Id}", new Dictionary<string, string> { ["text"] = text }, $"/Cases/Details?handler=Note&id={item.Id}");
        Assert.Equal(HttpStatusCode.Redirect, noted.StatusCode);

        var note = await app.WithDbAsync(db => db.CaseNotes.SingleAsync());
        Assert.Contains(Stretch, note.Text, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn Tám", note.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("0905", note.Text, StringComparison.Ordinal);
        Assert.Contains(Stretch, await editor.GetStringAsync($"/Cases/Details?id={item.Id}"), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_residents_concern_keeps_the_stretch_and_loses_the_phone_the_name_and_the_home(DatabaseProvider provider)
    {
        var clock = TestClock.StartingNow();
        await using var app = await TestApp.StartAsync(provider, null, clock.Install());
        using var resident = app.Client();
        var form = await Portal.OpenAsync(resident, app.Tree.CommuneA1.Id);
        clock.Advance(TimeSpan.FromSeconds(30));
        using var sent = await Portal.PostAsync(resident, app.Tree.CommuneA1.Id, form, "Đèn đường tắt",
            $"Đèn đường {Stretch} tắt cả tuần. Tôi là Lê Thị Hoa, nhà tôi ở số 12 ngõ 5 phố Hàng Bạc, sđt 0905.111.222, zalo 0935 777 666.");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var stored = await app.WithDbAsync(db => db.Concerns.SingleAsync());
        Assert.Contains(Stretch, stored.Description, StringComparison.Ordinal);
        foreach (var secret in new[] { "0905", "0935", "Lê Thị Hoa", "số 12 ngõ 5" })
        {
            Assert.DoesNotContain(secret, stored.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Each_purpose_cleans_markup_and_redacts_what_it_must()
    {
        const string Typed = "<b>Chủ tịch UBND phường Hòa Khánh Nam</b> trả lời bà Nguyễn Thị Lan ở số 4 kiệt 7 Âu Cơ, CCCD 048 187 002 315, <script>x</script>đoạn " + Stretch;

        var resident = TypedText.FromResident(Typed);
        Assert.Equal("Chủ tịch UBND phường Hòa Khánh Nam trả lời bà [họ tên] ở [địa chỉ], CCCD [số CCCD], đoạn " + Stretch, resident);
        Assert.Equal(resident, TypedText.PublicAnswer(Typed));

        var note = TypedText.InternalNote(Typed);
        Assert.Equal("Chủ tịch UBND phường Hòa Khánh Nam trả lời bà Nguyễn Thị Lan ở số 4 kiệt 7 Âu Cơ, CCCD [số CCCD], đoạn " + Stretch, note);

        Assert.Equal("Mẫu trả lời cho bà Nguyễn Thị Lan", TypedText.Label("<i>Mẫu trả lời</i> cho bà Nguyễn Thị Lan"));
        Assert.Null(TypedText.InternalNoteOrNull("<p> </p>"));
        Assert.Null(TypedText.FromResidentOrNull(null));
    }
}
