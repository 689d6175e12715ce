using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Files;
using DuLuan.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Publish.Posts;

/// <summary>Drafts a post; other features prefill it with ?linkKind=&amp;linkId=&amp;title=&amp;body=.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentFiles.MaxBytes + 256 * 1024)]
public sealed class CreateModel(AppDbContext db, UnitScope access, AuditLog audit, TimeProvider clock, OfficeTime office, UnitActivity activity, IStringLocalizer<SharedResource> localizer)
    : PostFormModel(db, access, clock, office, activity, localizer)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (Units.Count == 0)
        {
            return NotFound();
        }

        UnitId = Units[0].Id;
        Title = Title is null ? null : Title[..Math.Min(Title.Length, PostContent.MaxTitle)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (Units.Count == 0)
        {
            return NotFound();
        }

        var valid = await ValidateAsync(ModelState, ct);
        if (valid is null)
        {
            return Page();
        }

        var member = Access.MemberId!;
        var content = valid.Content;
        await using var transaction = await Db.Database.BeginTransactionAsync(ct);
        var post = new Post
        {
            UnitId = UnitId,
            Title = content.Title,
            BodyHtml = content.BodyHtml,
            BodyText = content.BodyText,
            Tags = content.Tags,
            LinkUrl = content.LinkUrl,
            LinkKind = valid.LinkKind,
            LinkId = valid.LinkId,
            Status = PostStatus.Draft,
            ContentHash = PostContent.Hash(content.Title, content.BodyHtml, content.Tags, content.LinkUrl, valid.Image?.Sha256, valid.ChannelIds),
            AuthorId = member,
            AuthorName = User.FindFirst("name")?.Value ?? User.Identity?.Name,
            LastEditorId = member,
            CreatedAt = Now,
            UpdatedAt = Now,
            ScheduledAt = valid.ScheduledAt,
        };
        Db.Posts.Add(post);
        await Db.SaveChangesAsync(ct);
        await SaveTargetsAndImageAsync(post, valid, ct);
        audit.Add(PostWorkflow.Actions.Created, post.UnitId, PostWorkflow.Target(post.Id), post.Title);
        await Db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Redirect($"/Publish/Posts/Details?id={post.Id}");
    }
}
