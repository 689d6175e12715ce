using System.Net;
using DuLuan.Data;
using DuLuan.Features.Claims;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Tests.Claims.ClaimsFixture;

namespace DuLuan.Tests.Claims;

/// <summary>A refused claim form shows what was typed again, encoded, beside the error, and stores nothing.</summary>
public sealed class ClaimFormTests
{
    [Theory, Providers]
    public async Task A_refused_edit_keeps_every_typed_value_and_stores_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await EditorAsync(app, app.Tree.ProvinceA);
        var id = await CreateAsync(client, app.Tree.CommuneA1.Id, Rumour);
        var before = await app.WithDbAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Id == id));

        // The text is too long, so the whole edit is refused; everything else typed must come back.
        var tooLong = new string('x', Claim.TextLimit + 1);
        using var refused = await EditAsync(app, client, id, "Misleading", "Lý do đang gõ dở </textarea><b>đậm</b>", "Câu trả lời đang gõ", status: "Answered", text: tooLong);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains(">" + tooLong + "</textarea>", html, StringComparison.Ordinal);
        // Shown again, encoded: the typed markup cannot close the textarea.
        Assert.Contains("&lt;/textarea&gt;&lt;b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("</textarea><b>", html, StringComparison.Ordinal);
        Assert.Contains("Lý do đang gõ dở </textarea><b>đậm</b></textarea>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("Câu trả lời đang gõ</textarea>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Matches("<option value=\"Misleading\" selected=\"selected\">", html);
        Assert.Matches("<option value=\"Answered\" selected=\"selected\">", html);
        Assert.DoesNotMatch("<option value=\"Open\" selected=\"selected\">", html);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);

        var after = await app.WithDbAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((before.Text, before.Verdict, before.Reasoning, before.Status, before.Version), (after.Text, after.Verdict, after.Reasoning, after.Status, after.Version));

        // An unknown verdict is refused too, and the typed text is kept rather than the stored one.
        using var badVerdict = await EditAsync(app, client, id, "Sai", "Lý do", status: "Investigating", text: "Nội dung đã sửa nhưng chưa lưu");
        Assert.Equal(HttpStatusCode.BadRequest, badVerdict.StatusCode);
        var second = WebUtility.HtmlDecode(await badVerdict.Content.ReadAsStringAsync());
        Assert.Contains(">Nội dung đã sửa nhưng chưa lưu</textarea>", second, StringComparison.Ordinal);
        Assert.Equal(before.Text, await app.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.Text).SingleAsync()));
    }

    [Theory, Providers]
    public async Task A_refused_new_claim_keeps_the_typed_text_and_unit(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await EditorAsync(app, app.Tree.ProvinceA);
        var tooLong = "Tin đồn " + new string('y', Claim.TextLimit);
        using var refused = await client.PostFormAsync("/Claims/Create", new Dictionary<string, string> { ["unitId"] = S(app.Tree.CommuneA1.Id), ["text"] = tooLong });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains(">" + tooLong + "</textarea>", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{S(app.Tree.CommuneA1.Id)}\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Claims.CountAsync()));
    }
}
