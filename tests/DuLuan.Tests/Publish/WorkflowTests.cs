using System.Net;
using DuLuan.Data;
using DuLuan.Features.Publish;
using DuLuan.Infrastructure.Files;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Publish;

public sealed class WorkflowTests
{
    private const string Body = "<p>Từ ngày 1/12, tuyến đường <b>Nguyễn Lương Bằng</b> được phân luồng.</p><script>alert(1)</script><p onclick=\"x()\">Người dân lưu ý <a href=\"javascript:alert(1)\">biển báo</a>.</p><img src=x onerror=alert(2)><svg><script>alert(3)</script></svg>";

    [Theory, Providers]
    public async Task Drafting_review_tiers_self_approval_and_expiry_on_edit(DatabaseProvider provider)
    {
        await using var f = await PublishFixture.StartAsync(provider);
        var province = f.App.Tree.ProvinceA;
        await f.App.WithDbAsync(async db => { db.PublishSettings.Add(new PublishSettings { UnitId = province.Id, ApprovalTiers = 2 }); return await db.SaveChangesAsync(); });
        var editor = await f.SignInAsync(PublishFixture.Editor);
        var id = await PublishFixture.CreateAsync(editor, f.App.Tree.CommuneA1.Id, "Phân luồng giao thông <script>x</script>", Body);
        var post = await f.PostAsync(id);
        Assert.Equal(PostStatus.Draft, post.Status);
        Assert.DoesNotContain("<script", post.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", post.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", post.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", post.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<b>Nguyễn Lương Bằng</b>", post.BodyHtml, StringComparison.Ordinal);
        var page = await editor.GetStringAsync($"/Publish/Posts/Details?id={id}");
        Assert.DoesNotContain("<script>x</script>", page, StringComparison.Ordinal);

        using (var submitted = await PublishFixture.StepAsync(editor, id, "Submit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        // An editor cannot approve (not found: the action is outside the role), a lead of another province sees nothing.
        using (var editorApproves = await PublishFixture.StepAsync(editor, id, "Approve"))
        {
            Assert.Equal(HttpStatusCode.NotFound, editorApproves.StatusCode);
        }

        var other = await f.SignInAsync(PublishFixture.OtherEditor);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Publish/Posts/Details?id={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Publish/Posts/Edit?id={id}")).StatusCode);

        var lead1 = await f.SignInAsync(PublishFixture.Lead1);
        var lead2 = await f.SignInAsync(PublishFixture.Lead2);
        using (var first = await PublishFixture.StepAsync(lead1, id, "Approve"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        Assert.Equal(PostStatus.InReview, (await f.PostAsync(id)).Status);
        using (var again = await PublishFixture.StepAsync(lead1, id, "Approve"))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains("mỗi cấp phải do một người khác duyệt", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The editor changes the text: the tier-1 approval no longer counts.
        using (var edited = await PublishFixture.PostMultipartAsync(editor, $"/Publish/Posts/Edit?id={id}", f.App.Tree.CommuneA1.Id, "Phân luồng giao thông từ 1/12", Body + "<p>Thêm một đoạn.</p>",
            extra: new Dictionary<string, string> { ["Id"] = PublishFixture.S(id), ["Version"] = PublishFixture.S((await f.PostAsync(id)).Version) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        var afterEdit = await f.PostAsync(id);
        Assert.Equal(PostStatus.InReview, afterEdit.Status);
        Assert.Equal(0, await f.App.WithDbAsync(db => db.PostApprovals.CountAsync(a => a.PostId == id && a.ContentHash == afterEdit.ContentHash)));
        Assert.Contains("hết hiệu lực", await lead1.GetStringAsync($"/Publish/Posts/Details?id={id}"), StringComparison.Ordinal);

        // A lead who edits cannot approve their own change.
        using (var leadEdit = await PublishFixture.PostMultipartAsync(lead2, $"/Publish/Posts/Edit?id={id}", f.App.Tree.CommuneA1.Id, "Phân luồng giao thông từ ngày 1/12", Body,
            extra: new Dictionary<string, string> { ["Id"] = PublishFixture.S(id), ["Version"] = PublishFixture.S(afterEdit.Version) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, leadEdit.StatusCode);
        }

        using (var self = await PublishFixture.StepAsync(lead2, id, "Approve"))
        {
            Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
            Assert.Contains("không được tự phê duyệt", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A stale version (the page seen before another change) is refused with a clear message.
        using (var stale = await PublishFixture.StepAsync(lead1, id, "Approve", version: afterEdit.Version))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Contains("vừa được người khác thay đổi", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var ok = await PublishFixture.StepAsync(lead1, id, "Approve"))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        Assert.Equal(PostStatus.InReview, (await f.PostAsync(id)).Status);
        // Tier 2 needs someone who neither wrote nor edited: the editor wrote, lead2 edited, lead1 approved tier 1.
        await f.App.AddMemberAsync("lanhdao3@48.vn", province, DuLuan.Features.Members.Role.Lead);
        var lead3 = await f.SignInAsync("lanhdao3@48.vn");
        using (var tier2 = await PublishFixture.StepAsync(lead3, id, "Approve"))
        {
            Assert.Equal(HttpStatusCode.Redirect, tier2.StatusCode);
        }

        Assert.Equal(PostStatus.Approved, (await f.PostAsync(id)).Status);
        using (var comment = await editor.PostFormAsync($"/Publish/Posts/Details?id={id}", new Dictionary<string, string> { ["id"] = PublishFixture.S(id), ["text"] = "<b>Cảm ơn</b> anh chị" }, $"/Publish/Posts/Details?id={id}&handler=Comment"))
        {
            Assert.Equal(HttpStatusCode.Redirect, comment.StatusCode);
        }

        Assert.Equal("Cảm ơn anh chị", await f.App.WithDbAsync(db => db.PostComments.Select(c => c.Text).SingleAsync()));
        var actions = await f.App.WithDbAsync(db => db.AuditEntries.Where(a => a.Target == "post:" + PublishFixture.S(id)).Select(a => a.Action).ToListAsync());
        Assert.Equal(["publish.post-created", "publish.post-submitted", "publish.post-approved", "publish.post-edited", "publish.post-edited", "publish.post-approved", "publish.post-approved", "publish.post-commented"], actions);
    }

    [Theory, Providers]
    public async Task Concurrent_approvals_of_one_post_one_wins(DatabaseProvider provider)
    {
        await using var f = await PublishFixture.StartAsync(provider);
        var editor = await f.SignInAsync(PublishFixture.Editor);
        var id = await PublishFixture.CreateAsync(editor, f.App.Tree.ProvinceA.Id, "Thông báo lịch tiếp dân", "<p>Lịch tiếp công dân tháng 12 của Ủy ban.</p>");
        (await PublishFixture.StepAsync(editor, id, "Submit")).Dispose();
        var lead1 = await f.SignInAsync(PublishFixture.Lead1);
        var lead2 = await f.SignInAsync(PublishFixture.Lead2);
        var version = (await f.PostAsync(id)).Version;
        var results = await Task.WhenAll(PublishFixture.StepAsync(lead1, id, "Approve", version: version), PublishFixture.StepAsync(lead2, id, "Approve", version: version));
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Redirect);
        var loser = Assert.Single(results, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("vừa được người khác thay đổi", await loser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await f.App.WithDbAsync(db => db.PostApprovals.CountAsync(a => a.PostId == id)));
        Assert.Equal(PostStatus.Approved, (await f.PostAsync(id)).Status);
        foreach (var r in results)
        {
            r.Dispose();
        }
    }

    [Theory, Providers]
    public async Task Hostile_input_is_refused_naming_the_field(DatabaseProvider provider)
    {
        await using var f = await PublishFixture.StartAsync(provider);
        var editor = await f.SignInAsync(PublishFixture.Editor);
        var foreignChannel = await f.AddChannelAsync(DuLuan.Features.Publish.Channels.ChannelKind.Facebook, f.App.Tree.ProvinceB.Id);
        async Task<string> RefusedAsync(long unitId, string title, string body, IEnumerable<long>? channels = null, byte[]? image = null, string name = "a.jpg", IDictionary<string, string>? extra = null)
        {
            using var response = await PublishFixture.PostMultipartAsync(editor, "/Publish/Posts/Create", unitId, title, body, channels, image, name, extra: extra);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("Đơn vị: ngoài phạm vi", await RefusedAsync(f.App.Tree.ProvinceB.Id, "Tiêu đề hợp lệ", "<p>Nội dung đủ dài để lưu.</p>"), StringComparison.Ordinal);
        Assert.Contains("Tiêu đề: cần từ 5", await RefusedAsync(f.App.Tree.ProvinceA.Id, "ab", "<p>Nội dung đủ dài để lưu.</p>"), StringComparison.Ordinal);
        Assert.Contains("Nội dung: cần ít nhất", await RefusedAsync(f.App.Tree.ProvinceA.Id, "Tiêu đề hợp lệ", "<script>alert('một đoạn dài')</script>"), StringComparison.Ordinal);
        Assert.Contains("Kênh đăng: kênh không thuộc", await RefusedAsync(f.App.Tree.ProvinceA.Id, "Tiêu đề hợp lệ", "<p>Nội dung đủ dài để lưu.</p>", [foreignChannel.Id]), StringComparison.Ordinal);
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();
        Assert.Contains("Respond.Attach.BadType".Length > 0 ? "Ảnh" : "", await RefusedAsync(f.App.Tree.ProvinceA.Id, "Tiêu đề hợp lệ", "<p>Nội dung đủ dài để lưu.</p>", image: svg, name: "logo.svg"), StringComparison.Ordinal);
        var pdfAsJpg = "%PDF-1.4 fake"u8.ToArray();
        Assert.Contains("chỉ nhận JPEG hoặc PNG", await RefusedAsync(f.App.Tree.ProvinceA.Id, "Tiêu đề hợp lệ", "<p>Nội dung đủ dài để lưu.</p>", image: pdfAsJpg, name: "anh.jpg"), StringComparison.Ordinal);
        var oversized = new byte[AttachmentFiles.MaxBytes + 1];
        oversized[0] = 0xFF; oversized[1] = 0xD8; oversized[2] = 0xFF;
        await RefusedAsync(f.App.Tree.ProvinceA.Id, "Tiêu đề hợp lệ", "<p>Nội dung đủ dài để lưu.</p>", image: oversized);
        Assert.Contains("Trả lời cho: không tìm thấy", await RefusedAsync(f.App.Tree.ProvinceA.Id, "Tiêu đề hợp lệ", "<p>Nội dung đủ dài để lưu.</p>", extra: new Dictionary<string, string> { ["LinkKind"] = "Case", ["LinkId"] = "999999" }), StringComparison.Ordinal);
        Assert.Contains("Trả lời cho: loại phải là", await RefusedAsync(f.App.Tree.ProvinceA.Id, "Tiêu đề hợp lệ", "<p>Nội dung đủ dài để lưu.</p>", extra: new Dictionary<string, string> { ["LinkKind"] = "Person", ["LinkId"] = "1" }), StringComparison.Ordinal);
        Assert.Equal(0, await f.App.WithDbAsync(db => db.Posts.CountAsync()));
        Assert.Equal(0, await f.App.WithDbAsync(db => db.PostImages.CountAsync()));

        // The prefill from other features (claims, cases) is shown encoded, never as markup.
        var prefill = await editor.GetStringAsync("/Publish/Posts/Create?linkKind=Claim&linkId=7&title=%3Cscript%3Ealert(1)%3C%2Fscript%3E&body=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
        Assert.DoesNotContain("<script>alert(1)</script>", prefill, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", prefill, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", prefill, StringComparison.Ordinal);
        Assert.Contains("value=\"Claim\" selected", prefill, StringComparison.Ordinal);

        // Forged ids answer 404, never another unit's post.
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/Publish/Posts/Details?id=424242")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/Publish/Posts/Details?id=424242&handler=Image")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/Publish/Settings")).StatusCode);
    }
}
