using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Files;
using DuLuan.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Publish.Posts;

/// <summary>Changes a post's content; approvals given for the old content stop counting.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentFiles.MaxBytes + 256 * 1024)]
public sealed class EditModel(AppDbContext db, UnitScope access, PostWorkflow workflow, TimeProvider clock, OfficeTime office, UnitActivity activity, IStringLocalizer<SharedResource> localizer)
    : PostFormModel(db, access, clock, office, activity, localizer)
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var post = await FindAsync(ct);
        if (post is null)
        {
            return NotFound();
        }

        UnitId = post.UnitId;
        Title = post.Title;
        Body = post.BodyHtml;
        Tags = post.Tags;
        LinkUrl = post.LinkUrl;
        LinkKind = post.LinkKind?.ToString();
        LinkId = post.LinkId;
        ScheduledAt = LocalInput(post.ScheduledAt);
        Version = post.Version;
        ChannelIds = await Db.PostTargets.Where(t => t.PostId == post.Id).Select(t => t.ChannelId).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var post = await FindAsync(ct);
        if (post is null)
        {
            return NotFound();
        }

        // The unit of a post does not change: a post moved to another subtree would escape its approvers.
        UnitId = post.UnitId;
        var valid = await ValidateAsync(ModelState, ct);
        if (valid is null)
        {
            return Page();
        }

        await using var transaction = await Db.Database.BeginTransactionAsync(ct);
        var imageSha = valid.Image?.Sha256 ?? await Db.PostImages.Where(i => i.PostId == post.Id).Select(i => i.Sha256).FirstOrDefaultAsync(ct);
        post.LinkKind = valid.LinkKind;
        post.LinkId = valid.LinkId;
        post.ScheduledAt = valid.ScheduledAt;
        await SaveTargetsAndImageAsync(post, valid, ct);
        var result = await workflow.EditAsync(post, valid.Content, imageSha, valid.ChannelIds, Access.MemberId!, Version, ct);
        if (!result.Ok)
        {
            await transaction.RollbackAsync(ct);
            ModelState.AddModelError(string.Empty, Localizer[result.ErrorKey!, result.Args ?? []]);
            return Page();
        }

        await transaction.CommitAsync(ct);
        return Redirect($"/Publish/Posts/Details?id={post.Id}");
    }

    private async Task<Post?> FindAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        var posts = await Access.InScope(Db.Posts, p => p.UnitId, PostRoles.Writers, ct);
        return await posts.FirstOrDefaultAsync(p => p.Id == Id && p.Status != PostStatus.Published && p.Status != PostStatus.Failed, ct);
    }
}
