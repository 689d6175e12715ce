using System.Net;
using DuLuan.Data;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Tests.Claims.ClaimsFixture;

namespace DuLuan.Tests.Desk;

/// <summary>Issue #20 item 3: a rebuttal shows its approval state and its history like a post, people by name.</summary>
public sealed class RebuttalHistoryTests
{
    [Theory, Providers]
    public async Task A_rebuttal_shows_who_asked_and_who_approved_in_words(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var editor = await EditorAsync(app, app.Tree.ProvinceA);
        await app.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Email == "bientap@claims.vn").ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "Lê Văn Biên"));
            return await db.Users.Where(u => u.Email == Approver).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "Trần Thị Duyệt"));
        });
        var id = await PublishedClaimAsync(app, editor, app.Tree.CommuneA1.Id);
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == Approver).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "Trần Thị Duyệt")));

        var page = WebUtility.HtmlDecode(await editor.GetStringAsync($"/Claims/Details?id={S(id)}"));
        Assert.Contains("id=\"approval-state\"", page, StringComparison.Ordinal);
        var history = page[page.IndexOf("id=\"claim-history\"", StringComparison.Ordinal)..];
        Assert.Contains("Gửi duyệt kết luận kiểm chứng — Lê Văn Biên", history, StringComparison.Ordinal);
        Assert.Contains("Duyệt kết luận kiểm chứng — Trần Thị Duyệt", history, StringComparison.Ordinal);
        Assert.Contains("cấp duyệt 1/1", history, StringComparison.Ordinal);
        Assert.DoesNotContain("claims.", history, StringComparison.Ordinal);
        Assert.DoesNotContain("@claims.vn", history, StringComparison.Ordinal);
        Assert.DoesNotContain("tier 1/1", history, StringComparison.Ordinal);
    }
}
