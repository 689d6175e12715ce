using DuLuan.Data;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Publish;

/// <summary>Posts of the member's subtrees, newest first, filtered by status; red channels are shown on top.</summary>
public sealed class IndexModel(AppDbContext db, UnitScope access) : PageModel
{
    public sealed record Row(long Id, string Title, string Unit, PostStatus Status, DateTime? ScheduledAt, DateTime? PublishedAt, DateTime UpdatedAt);

    [BindProperty(SupportsGet = true)]
    public PostStatus? Status { get; set; }

    public List<Row> Posts { get; private set; } = [];

    public List<Channels.PublishChannel> RedChannels { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public bool CanApprove { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var posts = await access.InScope(db.Posts, p => p.UnitId, PostRoles.Readers, ct);
        if (Status is { } s && Enum.IsDefined(s))
        {
            posts = posts.Where(p => p.Status == s);
        }

        Posts = await posts.AsNoTracking().OrderByDescending(p => p.UpdatedAt).Take(200)
            .Join(db.Units, p => p.UnitId, u => u.Id, (p, u) => new Row(p.Id, p.Title, u.Name, p.Status, p.ScheduledAt, p.PublishedAt, p.UpdatedAt))
            .ToListAsync(ct);
        var units = (await access.UnitsAsync(PostRoles.Writers, ct)).Select(u => u.Id);
        RedChannels = await db.PublishChannels.AsNoTracking().Where(c => !c.Healthy && units.Contains(c.UnitId)).ToListAsync(ct);
        CanWrite = await units.AnyAsync(ct);
        CanApprove = await access.HasAnyAsync(PostRoles.Approvers, ct);
    }
}
