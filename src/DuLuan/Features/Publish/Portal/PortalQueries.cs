using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Publish.Portal;

/// <summary>What the public portal reads: only posts already out (published on the portal), of one unit with an official code.</summary>
public static class PortalQueries
{
    public const int PageSize = 20;

    public sealed record PortalUnit(long Id, string Code, string Name, string Path);

    public sealed record Item(long Id, string Title, string BodyHtml, string BodyText, string Tags, DateTime PublishedAt, DateTime UpdatedAt, long? ImageId);

    /// <remarks>A blank code ("/cong/%20") binds as null: no unit (found by the trust fuzzer, it answered 500).</remarks>
    public static Task<PortalUnit?> UnitAsync(AppDbContext db, string? unitCode, CancellationToken ct)
        => unitCode?.Length is > 0 and <= 20
            ? db.Units.AsNoTracking().Where(u => u.Code == unitCode).Select(u => new PortalUnit(u.Id, u.Code!, u.Name, u.Path)).FirstOrDefaultAsync(ct)
            : Task.FromResult<PortalUnit?>(null);

    public static IQueryable<Item> Published(AppDbContext db, long unitId, DateTime now, long? postId = null)
        => db.Posts.AsNoTracking()
            .Where(p => p.UnitId == unitId && p.PublishedAt != null && p.PublishedAt <= now && (postId == null || p.Id == postId))
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Select(p => new Item(p.Id, p.Title, p.BodyHtml, p.BodyText, p.Tags, p.PublishedAt!.Value, p.UpdatedAt,
                db.PostImages.Where(i => i.PostId == p.Id).Select(i => (long?)i.Id).FirstOrDefault()));

    public static string Summary(string text, int max = 300)
    {
        var flat = string.Join(' ', text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= max ? flat : flat[..(max - 1)] + "\u2026";
    }
}
