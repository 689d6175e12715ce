using DuLuan.Data;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Claims;

/// <summary>One place the claim was seen, as shown publicly: only outlet pages, never concerns or reports.</summary>
public sealed record Appearance(string Url, string? Outlet, DateTime? At);

/// <summary>Queries shared by the staff page and the public rebuttal page: spread over time and public appearances.</summary>
public sealed class ClaimRebuttals(AppDbContext db, OfficeTime office)
{
    public const int MaxAppearances = 20;

    /// <summary>Articles per local day across the stories linked to the claim, with empty days filled in.</summary>
    public async Task<List<(DateOnly Day, int Count)>> SpreadAsync(long claimId, CancellationToken ct)
    {
        var stories = db.ClaimLinks.Where(l => l.ClaimId == claimId && l.Kind == ClaimLinkKind.Story).Select(l => l.TargetId);
        var times = await db.Articles.AsNoTracking()
            .Where(a => stories.Contains(a.StoryId))
            .OrderBy(a => a.PublishedAt)
            .Take(20_000)
            .Select(a => a.PublishedAt)
            .ToListAsync(ct);
        if (times.Count == 0)
        {
            return [];
        }

        var counts = times.GroupBy(office.LocalDay).ToDictionary(g => g.Key, g => g.Count());
        var first = counts.Keys.Min();
        var last = counts.Keys.Max();
        if (last.DayNumber - first.DayNumber > 366)
        {
            first = last.AddDays(-366);
        }

        var days = new List<(DateOnly, int)>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add((day, counts.GetValueOrDefault(day)));
        }

        return days;
    }

    /// <summary>Outlet pages where the claim appeared: web links added by staff and the articles of linked stories, earliest first.</summary>
    public async Task<List<Appearance>> AppearancesAsync(long claimId, CancellationToken ct)
    {
        var links = await db.ClaimLinks.AsNoTracking().Where(l => l.ClaimId == claimId && l.Kind == ClaimLinkKind.Url && l.Url != null)
            .Select(l => new Appearance(l.Url!, l.Outlet, l.AppearedAt)).ToListAsync(ct);
        var stories = db.ClaimLinks.Where(l => l.ClaimId == claimId && l.Kind == ClaimLinkKind.Story).Select(l => l.TargetId);
        var articles = await db.Articles.AsNoTracking().Where(a => stories.Contains(a.StoryId) && a.Url != null)
            .OrderBy(a => a.PublishedAt).Take(MaxAppearances)
            .Select(a => new Appearance(a.Url!, a.Outlet, a.PublishedAt)).ToListAsync(ct);
        return links.Concat(articles)
            .Where(a => ClaimSources.SafeUrl(a.Url) is not null)
            .DistinctBy(a => a.Url)
            .OrderBy(a => a.At ?? DateTime.MaxValue)
            .Take(MaxAppearances)
            .ToList();
    }
}

/// <summary>The public side: published claims of a unit's portal (the unit with that code and its subtree).</summary>
public sealed class ClaimPortal(AppDbContext db)
{
    public sealed record Portal(long UnitId, string Code, string Name, string Path);

    public async Task<Portal?> PortalAsync(string? unitCode, CancellationToken ct)
    {
        // A blank code ("/cong/%20") binds as null (found by the trust fuzzer, it answered 500).
        if (unitCode is null || unitCode.Length is 0 or > 20)
        {
            return null;
        }

        return await db.Units.AsNoTracking().Where(u => u.Code == unitCode)
            .Select(u => new Portal(u.Id, u.Code!, u.Name, u.Path)).FirstOrDefaultAsync(ct);
    }

    public IQueryable<Claim> Published(Portal portal)
    {
        var units = db.Units.Where(u => u.Path.StartsWith(portal.Path)).Select(u => u.Id);
        return db.Claims.AsNoTracking().Where(c => c.PublishedAt != null && c.Verdict != null && units.Contains(c.UnitId));
    }
}
