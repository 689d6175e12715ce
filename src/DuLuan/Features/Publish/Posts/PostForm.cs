using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Publish.Channels;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Files;
using DuLuan.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Publish.Posts;

/// <summary>The fields of a post shared by Create and Edit, with the checks that name the field and the reason.</summary>
public abstract class PostFormModel(AppDbContext db, UnitScope access, TimeProvider clock, OfficeTime office, UnitActivity activity, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public long UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Title { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Body { get; set; }

    [BindProperty]
    public string? Tags { get; set; }

    [BindProperty]
    public string? LinkUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? LinkKind { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? LinkId { get; set; }

    [BindProperty]
    public List<long> ChannelIds { get; set; } = [];

    /// <summary>The office's local time (<see cref="OfficeTime"/>), yyyy-MM-ddTHH:mm (datetime-local).</summary>
    [BindProperty]
    public string? ScheduledAt { get; set; }

    [BindProperty]
    public IFormFile? Image { get; set; }

    public List<Unit> Units { get; private set; } = [];

    public List<(PublishChannel Channel, string UnitName)> Channels { get; private set; } = [];

    protected AppDbContext Db => db;

    protected IStringLocalizer<SharedResource> Localizer => l;

    protected UnitScope Access => access;

    protected DateTime Now => clock.GetUtcNow().UtcDateTime;

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        var units = await access.UnitsAsync(PostRoles.Writers, ct);
        Units = await units.Where(u => u.ActiveTo == null).OrderBy(u => u.Path).Take(500).ToListAsync(ct);
        var ids = Units.Select(u => u.Id).ToList();
        var channels = await db.PublishChannels.AsNoTracking().Where(c => ids.Contains(c.UnitId) && c.Active).OrderBy(c => c.Name).ToListAsync(ct);
        Channels = channels.Select(c => (c, Units.First(u => u.Id == c.UnitId).Name)).ToList();
    }

    public sealed record Valid(PostContent.Cleaned Content, LinkKind? LinkKind, long? LinkId, DateTime? ScheduledAt, PostImage? Image, List<long> ChannelIds);

    /// <summary>Validates everything; on failure the model state names each bad field.</summary>
    protected async Task<Valid?> ValidateAsync(ModelStateDictionary state, CancellationToken ct)
    {
        if (Units.All(u => u.Id != UnitId))
        {
            // A unit of the member's scope that was merged or split away names its successor.
            var scoped = await access.UnitsAsync(PostRoles.Writers, ct);
            var retired = await scoped.AnyAsync(u => u.Id == UnitId, ct)
                ? await activity.RefusalAsync(UnitId, ct)
                : null;
            state.AddModelError(nameof(UnitId), retired ?? l["Publish.Error.Unit"]);
        }

        var (content, problem) = PostContent.Clean(Title, Body, Tags, LinkUrl);
        if (problem is not null)
        {
            state.AddModelError(problem.Field, l[problem.Key, problem.Args]);
        }

        LinkKind? kind = null;
        if (!string.IsNullOrEmpty(LinkKind) || LinkId is not null)
        {
            if (!Enum.TryParse<LinkKind>(LinkKind, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed) || LinkId is not > 0)
            {
                state.AddModelError(nameof(LinkKind), l["Publish.Error.LinkKind"]);
            }
            else if (!await LinkExistsAsync(parsed, LinkId.Value, ct))
            {
                state.AddModelError(nameof(LinkId), l["Publish.Error.LinkId"]);
            }
            else
            {
                kind = parsed;
            }
        }

        var channelIds = ChannelIds.Distinct().ToList();
        if (channelIds.Any(id => !Channels.Any(c => c.Channel.Id == id && c.Channel.UnitId == UnitId)))
        {
            state.AddModelError(nameof(ChannelIds), l["Publish.Error.Channel"]);
        }

        DateTime? scheduled = null;
        if (!string.IsNullOrWhiteSpace(ScheduledAt))
        {
            if (DateTime.TryParseExact(ScheduledAt, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                && local.Year is > 2000 and < 2200)
            {
                scheduled = office.ToUtc(local);
            }
            else
            {
                state.AddModelError(nameof(ScheduledAt), l["Publish.Error.Time"]);
            }
        }

        PostImage? image = null;
        if (Image is { Length: > 0 })
        {
            if (Image.Length > AttachmentFiles.MaxBytes)
            {
                state.AddModelError(nameof(Image), l["Respond.Attach.TooLarge"]);
            }
            else
            {
                using var buffer = new MemoryStream();
                await Image.CopyToAsync(buffer, ct);
                var (accepted, error) = PostContent.Image(Image.FileName, buffer.ToArray());
                if (accepted is null)
                {
                    state.AddModelError(nameof(Image), l[error!]);
                }

                image = accepted;
            }
        }

        return state.IsValid && content is not null ? new Valid(content, kind, kind is null ? null : LinkId, scheduled, image, channelIds) : null;
    }

    private async Task<bool> LinkExistsAsync(LinkKind kind, long id, CancellationToken ct) => kind switch
    {
        Publish.LinkKind.Case => await (await access.InScope(db.Cases, c => c.UnitId, RoleTable.Everyone, ct)).AnyAsync(c => c.Id == id, ct),
        Publish.LinkKind.Story => await db.Stories.AnyAsync(s => s.Id == id, ct),
        // The claims register is another feature; its rebuttal pages check their own ids.
        _ => true,
    };

    protected string? LocalInput(DateTime? utc) => office.InputValue(utc);

    protected async Task SaveTargetsAndImageAsync(Post post, Valid valid, CancellationToken ct)
    {
        var existing = await db.PostTargets.Where(t => t.PostId == post.Id).ToListAsync(ct);
        db.PostTargets.RemoveRange(existing.Where(t => !valid.ChannelIds.Contains(t.ChannelId) && t.Status != TargetStatus.Published));
        foreach (var id in valid.ChannelIds.Where(id => existing.All(t => t.ChannelId != id)))
        {
            db.PostTargets.Add(new PostTarget { PostId = post.Id, ChannelId = id, Status = TargetStatus.Pending });
        }

        if (valid.Image is not null)
        {
            await db.PostImages.Where(i => i.PostId == post.Id).ExecuteDeleteAsync(ct);
            valid.Image.PostId = post.Id;
            db.PostImages.Add(valid.Image);
        }
    }
}
