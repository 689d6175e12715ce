using System.Globalization;
using System.Net;
using System.Text;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Cases;

/// <summary>/Cases: filters, folded search, agency column, overdue first, counts per status, paging that keeps the filters, CSV.</summary>
public sealed class CaseListTests
{
    private static string S(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Theory, Providers]
    public async Task The_list_filters_searches_counts_sorts_pages_and_exports_only_visible_cases(DatabaseProvider provider)
    {
        var clock = TestClock.StartingNow();
        await using var app = await TestApp.StartAsync(provider, null, clock.Install());
        var now = clock.GetUtcNow().UtcDateTime;
        var tree = app.Tree;
        Case Make(long unit, string title, CaseStatus status, string? category, long? agency, DateTime? due) => new()
        {
            UnitId = unit,
            Title = title,
            Description = "Mô tả vụ việc " + title,
            Status = status,
            Category = category,
            AgencyId = agency,
            CreatedAt = now.AddDays(-3),
            DueAt = due,
        };
        await app.WithDbAsync(async db =>
        {
            db.Cases.Add(Make(tree.CommuneA1.Id, "Đường Âu Cơ ngập nước", CaseStatus.Answered, "giao-thong", tree.AgencyA1.Id, now.AddDays(-2)));
            db.Cases.Add(Make(tree.CommuneA1.Id, "Cây đổ chắn lối đi", CaseStatus.Assigned, "moi-truong", tree.AgencyA1.Id, now.AddDays(-1)));
            db.Cases.Add(Make(tree.CommuneA2.Id, "Rác ven sông", CaseStatus.Closed, "moi-truong", null, now.AddDays(-5)));
            db.Cases.Add(Make(tree.CommuneA2.Id, "=HYPERLINK(\"http://x\") đèn hỏng", CaseStatus.New, "dien", null, now.AddDays(20)));
            db.Cases.Add(Make(tree.CommuneB1.Id, "Đường Hà Nội bí mật", CaseStatus.Assigned, "giao-thong", null, now.AddDays(-1)));
            for (var i = 0; i < 55; i++)
            {
                db.Cases.Add(Make(tree.CommuneA1.Id, $"Vỉa hè lấn chiếm số {i}", CaseStatus.Assigned, "trat-tu-do-thi", null, now.AddDays(30 + i)));
            }

            await db.SaveChangesAsync();
            return 0;
        });
        var viewer = await app.AddMemberAsync("viewer@48.vn", tree.ProvinceA, Role.Viewer);
        using var client = app.Client();
        await client.SignInOkAsync(viewer.Email!);

        // Open cases by default, overdue first (the answered one, though due earlier, comes after), with the agency shown.
        var open = WebUtility.HtmlDecode(await client.GetStringAsync("/Cases"));
        Assert.DoesNotContain("Rác ven sông", open, StringComparison.Ordinal);
        Assert.DoesNotContain("Hà Nội bí mật", open, StringComparison.Ordinal);
        var agencyPage = WebUtility.HtmlDecode(await client.GetStringAsync($"/Cases?agencyId={S(tree.AgencyA1.Id)}"));
        var firstRow = agencyPage.IndexOf("<tbody>", StringComparison.Ordinal);
        var overdueAt = agencyPage.IndexOf("Cây đổ chắn lối đi", firstRow, StringComparison.Ordinal);
        Assert.True(overdueAt > 0 && overdueAt < agencyPage.IndexOf("Đường Âu Cơ ngập nước", firstRow, StringComparison.Ordinal), agencyPage);
        Assert.Contains("<td class=\"agency\">" + tree.AgencyA1.Name + "</td>", agencyPage, StringComparison.Ordinal);
        Assert.Contains("data-status=\"Closed\">1<", open, StringComparison.Ordinal);
        Assert.Contains("data-status=\"Assigned\">56<", open, StringComparison.Ordinal);

        // Closed ones with status=all or Closed; search without diacritics; category and agency filters; overdue; due this week.
        Assert.Contains("Rác ven sông", WebUtility.HtmlDecode(await client.GetStringAsync("/Cases?status=Closed")), StringComparison.Ordinal);
        var found = WebUtility.HtmlDecode(await client.GetStringAsync("/Cases?status=all&q=duong%20au%20co"));
        Assert.Contains("Đường Âu Cơ ngập nước", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Cây đổ", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Hà Nội", found, StringComparison.Ordinal);
        var environment = WebUtility.HtmlDecode(await client.GetStringAsync("/Cases?status=all&category=moi-truong"));
        Assert.Contains("Rác ven sông", environment, StringComparison.Ordinal);
        Assert.DoesNotContain("Vỉa hè", environment, StringComparison.Ordinal);
        var byAgency = WebUtility.HtmlDecode(await client.GetStringAsync($"/Cases?status=all&agencyId={S(tree.AgencyA1.Id)}"));
        Assert.Contains("Đường Âu Cơ", byAgency, StringComparison.Ordinal);
        Assert.DoesNotContain("Vỉa hè", byAgency, StringComparison.Ordinal);
        var overdue = WebUtility.HtmlDecode(await client.GetStringAsync("/Cases?due=overdue"));
        Assert.Contains("Cây đổ chắn lối đi", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("Đường Âu Cơ", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("Vỉa hè", await client.GetStringAsync("/Cases?due=week"), StringComparison.Ordinal);

        // Paging keeps the filters; nonsense values are ignored, never a server error.
        var paged = WebUtility.HtmlDecode(await client.GetStringAsync("/Cases?category=trat-tu-do-thi"));
        Assert.Contains("/Cases?category=trat-tu-do-thi&trang=2", paged, StringComparison.Ordinal);
        var second = WebUtility.HtmlDecode(await client.GetStringAsync("/Cases?category=trat-tu-do-thi&trang=2"));
        Assert.Contains("Trang 2/2", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Cây đổ", second, StringComparison.Ordinal);
        foreach (var nonsense in new[] { "?trang=-5", "?trang=999999999", "?page=3", "?status=7", "?status=<x>", "?agencyId=abc", "?q=" + new string('x', 5000), "?q=%25%27%22", "?category=" + new string('k', 100), "?due=tomorrow" })
        {
            using var response = await client.GetAsync("/Cases" + nonsense);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, nonsense + " -> " + response.StatusCode);
        }

        // CSV: the same filters, every page, office time, a formula neutralised.
        using var csv = await client.GetAsync("/Cases?handler=Csv&status=all");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\") đèn hỏng\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hà Nội bí mật", text, StringComparison.Ordinal);
        Assert.Contains("Vỉa hè lấn chiếm số 54", text, StringComparison.Ordinal);
        Assert.Contains("Môi trường", text, StringComparison.Ordinal);
        Assert.Matches(@"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", text);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}T", text);
    }
}
