using System.Net;
using DuLuan.Data;
using DuLuan.Features.Publish;
using DuLuan.Tests.Infrastructure;
using DuLuan.Tests.Publish;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Desk;

/// <summary>Issue #20 item 3: after the last approval the editor publishes at once; people appear by name, history in words.</summary>
public sealed class ApprovalsEndToEndTests
{
    [Theory, Providers]
    public async Task After_the_last_approval_the_editor_publishes_now_and_the_page_names_people_not_e_mails(DatabaseProvider provider)
    {
        await using var f = await PublishFixture.StartAsync(provider);
        await f.App.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Email == PublishFixture.Lead1).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "Trần Thị Duyệt"));
            return await db.Users.Where(u => u.Email == PublishFixture.Editor).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "Lê Văn Biên"));
        });
        var editor = await f.SignInAsync(PublishFixture.Editor);
        var lead = await f.SignInAsync(PublishFixture.Lead1);
        var id = await PublishFixture.CreateAsync(editor, f.App.Tree.ProvinceA.Id, "Thông báo cấp nước", "<p>Nước được cấp lại từ 17 giờ.</p>");
        using (var submitted = await PublishFixture.StepAsync(editor, id, "Submit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        // Not approved yet: "publish now" is refused and nothing changes.
        using (var early = await PublishFixture.StepAsync(editor, id, "PublishNow"))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Contains("duyệt", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(PostStatus.InReview, (await f.PostAsync(id)).Status);
        using (var approved = await PublishFixture.StepAsync(lead, id, "Approve"))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        Assert.Equal(PostStatus.Approved, (await f.PostAsync(id)).Status);
        Assert.Contains("id=\"publish-now\"", await editor.GetStringAsync($"/Publish/Posts/Details?id={PublishFixture.S(id)}"), StringComparison.Ordinal);

        // An editor of another province cannot see the post, let alone publish it.
        var stranger = await f.SignInAsync(PublishFixture.OtherEditor);
        using (var foreign = await PublishFixture.StepAsync(stranger, id, "PublishNow", version: (await f.PostAsync(id)).Version))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        using (var now = await PublishFixture.StepAsync(editor, id, "PublishNow"))
        {
            Assert.Equal(HttpStatusCode.Redirect, now.StatusCode);
        }

        var due = await f.PostAsync(id);
        Assert.Equal(PostStatus.Scheduled, due.Status);
        Assert.True(due.NextAttemptAt <= f.Clock.GetUtcNow().UtcDateTime);
        await f.RunJobAsync();
        Assert.Equal(PostStatus.Published, (await f.PostAsync(id)).Status);

        var page = WebUtility.HtmlDecode(await editor.GetStringAsync($"/Publish/Posts/Details?id={PublishFixture.S(id)}"));
        var approvals = page[page.IndexOf("id=\"approvals\"", StringComparison.Ordinal)..];
        Assert.Contains("Trần Thị Duyệt", approvals[..approvals.IndexOf("</ul>", StringComparison.Ordinal)], StringComparison.Ordinal);
        var history = page[page.IndexOf("id=\"history\"", StringComparison.Ordinal)..];
        Assert.Contains("Yêu cầu đăng ngay — Lê Văn Biên", history, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Duyệt", history, StringComparison.Ordinal);
        Assert.Contains("cấp duyệt 1/1", history, StringComparison.Ordinal);
        Assert.DoesNotContain("@48.vn", page, StringComparison.Ordinal);
        Assert.DoesNotContain("publish.post-", history, StringComparison.Ordinal);
        Assert.DoesNotContain("tier 1/1", history, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task The_editor_sees_no_link_to_pages_only_approvers_or_admins_open(DatabaseProvider provider)
    {
        await using var f = await PublishFixture.StartAsync(provider);
        var editor = await f.SignInAsync(PublishFixture.Editor);
        var home = await editor.GetStringAsync("/Home");
        Assert.Contains("href=\"/Publish\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Audit\"", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/Audit")).StatusCode);
        Assert.DoesNotContain("href=\"/Publish/Settings\"", await editor.GetStringAsync("/Publish"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/Publish/Settings")).StatusCode);
        Assert.DoesNotContain("href=\"/Cases/Holidays\"", await editor.GetStringAsync("/Cases"), StringComparison.Ordinal);

        var lead = await f.SignInAsync(PublishFixture.Lead1);
        Assert.Contains("href=\"/Publish/Settings\"", await lead.GetStringAsync("/Publish"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/Publish/Settings")).StatusCode);
        Assert.DoesNotContain("href=\"/Audit\"", await lead.GetStringAsync("/Home"), StringComparison.Ordinal);
    }
}
