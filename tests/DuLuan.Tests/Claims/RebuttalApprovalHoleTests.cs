using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Tests.Claims.ClaimsFixture;

namespace DuLuan.Tests.Claims;

/// <summary>
/// Regression (issue #16, item 13): one editor alone could publish a rebuttal, an official statement.
/// It must go through the same tiered approval as posts, and nobody approves their own.
/// </summary>
public sealed class RebuttalApprovalHoleTests
{
    [Theory, Providers]
    public async Task An_editor_alone_cannot_publish_a_rebuttal(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var editor = await EditorAsync(app, app.Tree.ProvinceA);
        var id = await CreateAsync(editor, app.Tree.CommuneA1.Id, Rumour);
        using (var edited = await EditAsync(app, editor, id, "False", "Điện lực chỉ bảo trì 4 giờ.", "Không cắt điện toàn phường."))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        using (var publish = await PostAsync(editor, id, "Publish", new Dictionary<string, string> { ["publish"] = "true", ["version"] = S(await VersionAsync(app, id)) }))
        {
            Assert.True(publish.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest or HttpStatusCode.Conflict, publish.StatusCode.ToString());
        }

        Assert.Null(await app.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.PublishedAt).SingleAsync()));
        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/cong/48/kiem-chung/{S(id)}")).StatusCode);
        Assert.DoesNotContain($"/cong/48/kiem-chung/{S(id)}", await anonymous.GetStringAsync("/cong/48/kiem-chung"), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_rebuttal_goes_public_after_every_tier_by_other_people_and_an_edit_takes_it_back(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.WithDbAsync(async db =>
        {
            db.PublishSettings.Add(new Features.Publish.PublishSettings { UnitId = app.Tree.ProvinceA.Id, ApprovalTiers = 2 });
            return await db.SaveChangesAsync();
        });
        using var editor = await EditorAsync(app, app.Tree.ProvinceA);
        var id = await CreateAsync(editor, app.Tree.CommuneA1.Id, Rumour);
        using (var edited = await EditAsync(app, editor, id, "False", "Điện lực chỉ bảo trì 4 giờ.", "Không cắt điện toàn phường."))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        Task<HttpResponseMessage> Approve(TestClient client) => VersionAsync(app, id).ContinueWith(v => PostAsync(client, id, "Approve", new Dictionary<string, string> { ["version"] = S(v.Result) })).Unwrap();
        Task<HttpResponseMessage> Ask() => VersionAsync(app, id).ContinueWith(v => PostAsync(editor, id, "Publish", new Dictionary<string, string> { ["publish"] = "true", ["version"] = S(v.Result) })).Unwrap();

        // Not asked for yet: nothing to approve.
        var first = await ApproverAsync(app);
        using (var early = await Approve(first))
        {
            Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        }

        using (var asked = await Ask())
        {
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }

        // An editor is no approver.
        using (var byEditor = await Approve(editor))
        {
            Assert.Equal(HttpStatusCode.BadRequest, byEditor.StatusCode);
            Assert.Contains("Chỉ lãnh đạo hoặc quản trị", await byEditor.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var tier1 = await Approve(first))
        {
            Assert.Equal(HttpStatusCode.Redirect, tier1.StatusCode);
        }

        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/cong/48/kiem-chung/{S(id)}")).StatusCode);
        using (var again = await Approve(first))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
            Assert.Contains("mỗi cấp phải do một người khác duyệt", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A lead who changes the statement cannot approve their own change; the tier-1 approval no longer counts.
        var lead = await app.AddMemberAsync("lanhdao2@claims.vn", app.Tree.ProvinceA, Role.Lead);
        using var second = app.Client();
        await second.SignInAdminAsync(lead);
        using (var leadEdit = await EditAsync(app, second, id, "False", "Điện lực chỉ bảo trì 4 giờ tại một tổ dân phố.", "Không cắt điện toàn phường."))
        {
            Assert.Equal(HttpStatusCode.Redirect, leadEdit.StatusCode);
        }

        using (var self = await Approve(second))
        {
            Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
            Assert.Contains("không được tự phê duyệt", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(async db =>
        {
            var claim = await db.Claims.SingleAsync(c => c.Id == id);
            var hash = Features.Claims.ClaimReview.ContentHash(claim);
            return await db.ClaimApprovals.CountAsync(a => a.ClaimId == id && a.ContentHash == hash);
        }));

        // Two other people approve the new text: it goes public, and the staff page names them.
        var third = await app.AddMemberAsync("lanhdao3@claims.vn", app.Tree.ProvinceA, Role.Lead);
        using var thirdClient = app.Client();
        await thirdClient.SignInAdminAsync(third);
        using (var a = await Approve(first))
        {
            Assert.Equal(HttpStatusCode.Redirect, a.StatusCode);
        }

        using (var b = await Approve(thirdClient))
        {
            Assert.Equal(HttpStatusCode.Redirect, b.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/cong/48/kiem-chung/{S(id)}")).StatusCode);
        var page = await editor.GetStringAsync($"/Claims/Details?id={S(id)}");
        Assert.Contains("Đã được duyệt và công bố", page, StringComparison.Ordinal);
        Assert.Contains("Cấp 1: duyet duyệt", page, StringComparison.Ordinal);
        Assert.Contains("Cấp 2: lanhdao3 duyệt", page, StringComparison.Ordinal);
        // Three approvals in all: tier 1 of the first text (no longer counting), then tiers 1 and 2 of the new one.
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == Features.Claims.ClaimEditor.Actions.Approved && e.Target == "claim:" + S(id) && e.Detail!.Contains("/2"))));

        // Changing what a published rebuttal says takes it off the portal until approved again.
        using (var changed = await EditAsync(app, editor, id, "Misleading", "Chỉ bảo trì, không cắt điện toàn phường.", "Không cắt điện toàn phường.", status: "Answered"))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/cong/48/kiem-chung/{S(id)}")).StatusCode);
        Assert.Contains("Đang chờ duyệt", await editor.GetStringAsync($"/Claims/Details?id={S(id)}"), StringComparison.Ordinal);
    }
}
