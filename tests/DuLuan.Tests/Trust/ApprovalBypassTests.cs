using System.Net;
using DuLuan.Data;
using DuLuan.Features.Publish;
using DuLuan.Features.Publish.Channels;
using DuLuan.Tests.Infrastructure;
using DuLuan.Tests.Publish;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace DuLuan.Tests.Trust;

/// <summary>
/// The approval step of publishing cannot be skipped by editing after approval: an approver approves what goes out and
/// where. An editor who adds a Facebook page or a Zalo account to an approved post (same text) sends it back to review;
/// nothing goes to the added channel until a lead approves again. Editing an approved post without changing anything
/// keeps it approved (the legitimate path).
/// </summary>
public sealed class ApprovalBypassTests
{
    private const string Body = "<p>Thành phố tổ chức lấy ý kiến người dân về quy hoạch công viên ven sông.</p>";

    [Theory, Providers]
    public async Task Adding_a_channel_to_an_approved_post_sends_it_back_to_review(DatabaseProvider provider)
    {
        await using var f = await PublishFixture.StartAsync(provider);
        var facebook = await f.AddChannelAsync(ChannelKind.Facebook, f.App.Tree.ProvinceA.Id);
        var zalo = await f.AddChannelAsync(ChannelKind.Zalo, f.App.Tree.ProvinceA.Id);
        var editor = await f.SignInAsync(PublishFixture.Editor);
        var lead = await f.SignInAsync(PublishFixture.Lead1);
        var id = await PublishFixture.CreateAsync(editor, f.App.Tree.ProvinceA.Id, "Lấy ý kiến quy hoạch công viên", Body, [zalo.Id], Jpeg());
        Assert.Equal(HttpStatusCode.Redirect, (await PublishFixture.StepAsync(editor, id, "Submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishFixture.StepAsync(lead, id, "Approve")).StatusCode);
        Assert.Equal(PostStatus.Approved, (await f.PostAsync(id)).Status);

        // The legitimate path: saving the approved post unchanged keeps it approved.
        using (var same = await EditAsync(f, editor, id, [zalo.Id]))
        {
            Assert.Equal(HttpStatusCode.Redirect, same.StatusCode);
        }

        Assert.Equal(PostStatus.Approved, (await f.PostAsync(id)).Status);

        // The attack: the same text, one more channel. The approval no longer covers it.
        using (var widened = await EditAsync(f, editor, id, [zalo.Id, facebook.Id]))
        {
            Assert.Equal(HttpStatusCode.Redirect, widened.StatusCode);
        }

        var post = await f.PostAsync(id);
        Assert.Equal(PostStatus.InReview, post.Status);
        Assert.Equal(0, await f.App.WithDbAsync(db => db.PostApprovals.CountAsync(a => a.PostId == id && a.ContentHash == post.ContentHash)));
        Assert.Equal(HttpStatusCode.Conflict, (await PublishFixture.StepAsync(editor, id, "PublishNow")).StatusCode);
        f.Clock.Advance(TimeSpan.FromMinutes(5));
        await f.RunJobAsync();
        Assert.Empty(f.Fakes.Published);
        Assert.Null((await f.PostAsync(id)).PublishedAt);

        // A lead approves the post with its new channel: it goes out to both.
        Assert.Equal(HttpStatusCode.Redirect, (await PublishFixture.StepAsync(lead, id, "Approve")).StatusCode);
        Assert.Equal(PostStatus.Approved, (await f.PostAsync(id)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishFixture.StepAsync(editor, id, "PublishNow")).StatusCode);
        await f.RunJobAsync();
        Assert.Equal(2, f.Fakes.Published.Count);
        Assert.NotNull((await f.PostAsync(id)).PublishedAt);
    }

    private static byte[] Jpeg()
    {
        using var bitmap = new SKBitmap(16, 16);
        bitmap.Erase(SKColors.SteelBlue);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 80).ToArray();
    }

    private static async Task<HttpResponseMessage> EditAsync(PublishFixture f, TestClient editor, long id, long[] channels)
        => await PublishFixture.PostMultipartAsync(editor, $"/Publish/Posts/Edit?id={PublishFixture.S(id)}", f.App.Tree.ProvinceA.Id, "Lấy ý kiến quy hoạch công viên", Body, channels,
            extra: new Dictionary<string, string> { ["Id"] = PublishFixture.S(id), ["Version"] = PublishFixture.S((await f.PostAsync(id)).Version) });
}
