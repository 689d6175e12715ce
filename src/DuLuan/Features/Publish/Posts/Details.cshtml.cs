using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Features.Publish.Channels;
using DuLuan.Infrastructure.Text;
using DuLuan.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Publish.Posts;

/// <summary>One post: content, per-channel preview with limits, approvals, comments, history, and the workflow steps.</summary>
public sealed class DetailsModel(AppDbContext db, UnitScope access, PostWorkflow workflow, ChannelLimits limits, OfficeTime office, MemberNames names, IStringLocalizer<SharedResource> l) : PageModel
{
    public Post Post { get; private set; } = null!;

    public string UnitName { get; private set; } = string.Empty;

    public int Tiers { get; private set; }

    public List<PostApproval> Approvals { get; private set; } = [];

    public List<PostComment> Comments { get; private set; } = [];

    public List<AuditEntry> History { get; private set; } = [];

    public List<ChannelLimits.Preview> Previews { get; private set; } = [];

    public List<(PostTarget Target, PublishChannel Channel)> Targets { get; private set; } = [];

    public bool HasImage { get; private set; }

    public bool CanWrite { get; private set; }

    public bool CanApprove { get; private set; }

    public bool IsAuthor { get; private set; }

    /// <summary>Display names of everyone on the page (approvers, commenters, actors of the history) by member id.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    private string? DisplayName => User.FindFirst("name")?.Value ?? User.Identity?.Name;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetImageAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var image = await db.PostImages.AsNoTracking().FirstOrDefaultAsync(i => i.PostId == id, ct);
        return image is null ? NotFound() : File(image.Content, image.ContentType);
    }

    public Task<IActionResult> OnPostSubmitAsync(long id, int version, CancellationToken ct)
        => StepAsync(id, writer: true, (post, c) => workflow.SubmitAsync(post, version, c), ct);

    public Task<IActionResult> OnPostApproveAsync(long id, int version, CancellationToken ct)
        => StepAsync(id, writer: false, (post, c) => workflow.ApproveAsync(post, access.MemberId!, DisplayName, version, c), ct);

    public Task<IActionResult> OnPostPublishNowAsync(long id, int version, CancellationToken ct)
        => StepAsync(id, writer: true, (post, c) => workflow.PublishNowAsync(post, version, c), ct);

    public Task<IActionResult> OnPostReturnAsync(long id, int version, CancellationToken ct)
        => StepAsync(id, writer: false, (post, c) => workflow.ReturnAsync(post, version, c), ct);

    public Task<IActionResult> OnPostRetryAsync(long id, int version, CancellationToken ct)
        => StepAsync(id, writer: true, (post, c) => workflow.RetryAsync(post, version, c), ct);

    public Task<IActionResult> OnPostScheduleAsync(long id, int version, string? at, CancellationToken ct)
    {
        if (!DateTime.TryParseExact(at, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) || local.Year is < 2000 or > 2200)
        {
            return StepAsync(id, writer: true, (_, _) => Task.FromResult(StepResult.Refused("Publish.Error.Time")), ct);
        }

        var utc = office.ToUtc(local);
        return StepAsync(id, writer: true, (post, c) => workflow.ScheduleAsync(post, utc, version, c), ct);
    }

    public async Task<IActionResult> OnPostCommentAsync(long id, string? text, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !(CanWrite || CanApprove || IsAuthor))
        {
            return NotFound();
        }

        var clean = TypedText.InternalNoteOrNull(text);
        if (clean is null || clean.Length > 2000)
        {
            ModelState.AddModelError("text", l["Publish.Error.Comment", 2000]);
            return Page();
        }

        var post = await db.Posts.SingleAsync(p => p.Id == id, ct);
        await workflow.CommentAsync(post, access.MemberId!, DisplayName, clean, ct);
        return Redirect($"/Publish/Posts/Details?id={id}#comments");
    }

    private async Task<IActionResult> StepAsync(long id, bool writer, Func<Post, CancellationToken, Task<StepResult>> step, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !(writer ? CanWrite : CanApprove))
        {
            return NotFound();
        }

        var post = await db.Posts.SingleAsync(p => p.Id == id, ct);
        var result = await step(post, ct);
        if (!result.Ok)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            ModelState.AddModelError(string.Empty, Message(result));
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return Redirect($"/Publish/Posts/Details?id={id}");
    }

    private string Message(StepResult result)
    {
        var args = result.Args ?? [];
        // A limit names the channel, the limit (itself a string key), the maximum and the post's value.
        if (result.ErrorKey == "Publish.Error.Limit" && args.Length == 4)
        {
            return l["Publish.Error.Limit", args[0], l[(string)args[1]], args[2], args[3]];
        }

        return l[result.ErrorKey!, args];
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var posts = await access.InScope(db.Posts, p => p.UnitId, PostRoles.Readers, ct);
        var post = await posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
        {
            return false;
        }

        Post = post;
        UnitName = await db.Units.Where(u => u.Id == post.UnitId).Select(u => u.Name).SingleAsync(ct);
        Tiers = await ApprovalTiers.TiersAsync(db, post.UnitId, ct);
        Approvals = await db.PostApprovals.AsNoTracking().Where(a => a.PostId == id).OrderBy(a => a.At).ToListAsync(ct);
        Comments = await db.PostComments.AsNoTracking().Where(c => c.PostId == id).OrderBy(c => c.At).ToListAsync(ct);
        var target = PostWorkflow.Target(id);
        History = await db.AuditEntries.AsNoTracking().Where(a => a.Target == target).OrderBy(a => a.Id).ToListAsync(ct);
        Previews = await limits.PreviewsAsync(post, ct);
        Targets = (await db.PostTargets.AsNoTracking().Where(t => t.PostId == id)
            .Join(db.PublishChannels.AsNoTracking(), t => t.ChannelId, c => c.Id, (t, c) => new { t, c }).ToListAsync(ct))
            .Select(x => (x.t, x.c)).ToList();
        Names = await names.OfAsync(Approvals.Select(a => (string?)a.ApproverId).Concat(Comments.Select(c => (string?)c.AuthorId)).Concat(History.Select(h => h.ActorId)), ct);
        HasImage = await db.PostImages.AnyAsync(i => i.PostId == id, ct);
        CanWrite = await access.HoldsAsync(post.UnitId, PostRoles.Writers, ct);
        CanApprove = await access.HoldsAsync(post.UnitId, PostRoles.Approvers, ct);
        IsAuthor = post.AuthorId == access.MemberId;
        return true;
    }
}
