using System.Globalization;
using System.Net;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Cases;

/// <summary>
/// The case page suggests a category for an incoming concern from the cases the office has already filed (the text
/// core's classifier); staff choose, the suggestion never files anything.
/// </summary>
public sealed class CategorySuggestionTests
{
    private static readonly (string Category, string Title, string Description)[] Filed =
    [
        ("giao-thong", "Ổ gà trên đường Âu Cơ", "Mặt đường có nhiều ổ gà sâu, xe máy đi qua dễ té ngã vào ban đêm."),
        ("giao-thong", "Đèn tín hiệu giao thông hỏng", "Đèn tín hiệu ở ngã tư không hoạt động, xe cộ đi lại lộn xộn, dễ va chạm."),
        ("giao-thong", "Xe tải chạy quá tốc độ qua trường học", "Xe tải trọng lớn chạy nhanh trên đường trước cổng trường, học sinh qua đường rất nguy hiểm."),
        ("giao-thong", "Biển báo giao thông bị che khuất", "Cây xanh che khuất biển báo cấm rẽ trái, nhiều xe bị phạt oan và dễ gây tai nạn."),
        ("moi-truong", "Rác thải tồn đọng ven sông", "Rác thải sinh hoạt đổ bừa bãi bên bờ sông nhiều ngày chưa thu gom, bốc mùi hôi thối."),
        ("moi-truong", "Khói bụi từ xưởng gỗ", "Xưởng gỗ xả khói bụi suốt ngày, ô nhiễm không khí ảnh hưởng sức khỏe người dân."),
        ("moi-truong", "Nước thải chảy ra kênh", "Nước thải đen từ khu chăn nuôi chảy thẳng ra kênh, cá chết, mùi hôi nồng nặc."),
        ("moi-truong", "Đốt rác gây ô nhiễm", "Người dân đốt rác thải nhựa mỗi tối, khói độc bay vào nhà, trẻ em ho nhiều."),
        ("dien", "Mất điện kéo dài", "Khu phố mất điện từ sáng đến tối không báo trước, tủ lạnh hỏng thực phẩm."),
        ("dien", "Dây điện võng thấp", "Dây điện võng thấp sát mặt đường, xe chở hàng cao có thể vướng gây chập điện."),
        ("dien", "Cột điện nghiêng", "Cột điện trước chợ bị nghiêng sau bão, có nguy cơ đổ vào nhà dân."),
    ];

    private static string S(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static Task<int> FileAsync(TestApp app, long unitId, IEnumerable<(string Category, string Title, string Description)> cases)
        => app.WithDbAsync(async db =>
        {
            foreach (var (category, title, description) in cases)
            {
                db.Cases.Add(new Case
                {
                    UnitId = unitId,
                    Title = title,
                    Description = description,
                    Category = category,
                    Severity = Severity.Normal,
                    Status = CaseStatus.Answered,
                    CreatedAt = new DateTime(2026, 11, 2, 3, 0, 0, DateTimeKind.Utc),
                });
            }
            await db.SaveChangesAsync();
            return 0;
        });

    private static Task<IntakeResult> SubmitAsync(TestApp app, long unitId, string title, string text)
        => app.WithScopeAsync(s => s.GetRequiredService<ConcernIntake>().SubmitAsync(new ConcernDraft(unitId, title, text, new Contact(null, null), ConcernSource.Staff)));

    [Theory, Providers]
    public async Task The_case_page_suggests_a_category_learned_from_filed_cases_and_staff_decide(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        await FileAsync(app, app.Tree.CommuneA1.Id, Filed);
        var traffic = await SubmitAsync(app, app.Tree.CommuneA2.Id, "Đường ngập ổ gà", "Đoạn đường trước chợ có nhiều ổ gà lớn, xe máy té ngã liên tục, cần sửa mặt đường gấp.");
        var waste = await SubmitAsync(app, app.Tree.CommuneA2.Id, "Bãi rác tự phát", "Bãi rác thải tự phát cạnh khu dân cư bốc mùi hôi, ruồi muỗi nhiều, ô nhiễm nặng.");
        using var editor = app.Client();
        await editor.SignInOkAsync("editor@48.vn");

        var page = WebUtility.HtmlDecode(await editor.GetStringAsync($"/Cases/Create?concernId={S(traffic.ConcernId)}"));
        Assert.Contains("id=\"suggested-category\">Gợi ý lĩnh vực: Giao thông (học từ 11 vụ việc", page, StringComparison.Ordinal);
        // A suggestion, not a choice: the list still stands at "no category" until staff pick one.
        Assert.DoesNotContain("value=\"giao-thong\" selected", page, StringComparison.Ordinal);
        var wastePage = WebUtility.HtmlDecode(await editor.GetStringAsync($"/Cases/Create?concernId={S(waste.ConcernId)}"));
        Assert.Contains("Gợi ý lĩnh vực: Môi trường", wastePage, StringComparison.Ordinal);

        using var created = await editor.PostFormAsync($"/Cases/Create?concernId={S(traffic.ConcernId)}", new Dictionary<string, string>
        {
            ["ConcernId"] = S(traffic.ConcernId),
            ["Title"] = "Đường ngập ổ gà",
            ["Description"] = "Đoạn đường trước chợ có nhiều ổ gà lớn, xe máy té ngã liên tục.",
            ["Severity"] = "Normal",
            ["Category"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var opened = await app.WithDbAsync(db => db.Cases.OrderByDescending(c => c.Id).FirstAsync());
        Assert.Null(opened.Category);
    }

    [Theory, Providers]
    public async Task No_suggestion_before_the_office_has_filed_enough_cases_and_other_provinces_do_not_count(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        await FileAsync(app, app.Tree.CommuneA1.Id, Filed.Take(9));
        await FileAsync(app, app.Tree.CommuneB1.Id, Filed);
        var concern = await SubmitAsync(app, app.Tree.CommuneA2.Id, "Đường ngập ổ gà", "Đoạn đường trước chợ có nhiều ổ gà lớn, xe máy té ngã liên tục, cần sửa mặt đường gấp.");
        using var editor = app.Client();
        await editor.SignInOkAsync("editor@48.vn");
        var path = $"/Cases/Create?concernId={S(concern.ConcernId)}";

        Assert.DoesNotContain("suggested-category", await editor.GetStringAsync(path), StringComparison.Ordinal);
        await FileAsync(app, app.Tree.CommuneA1.Id, Filed.Skip(9).Take(1));
        Assert.Contains("học từ 10 vụ việc", WebUtility.HtmlDecode(await editor.GetStringAsync(path)), StringComparison.Ordinal);
    }
}
