using System.Globalization;
using DuLuan.Data;
using DuLuan.Infrastructure.Portal;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Dialogue;

/// <summary>The place's dialogues list and each dialogue announced for it or a unit under it.</summary>
public sealed class DialoguePortalPages(AppDbContext db) : IPortalPages
{
    public async Task<IReadOnlyList<PortalPage>> PagesAsync(PortalPlace place, CancellationToken ct)
    {
        var sessions = await DialogueQueries.SessionsOf(db, new DialoguePlace(place.Id, place.Code, string.Empty, place.Path))
            .OrderByDescending(s => s.StartsAt).ThenByDescending(s => s.Id).Take(IPortalPages.Limit)
            .Select(s => s.Id).ToListAsync(ct);
        return [new PortalPage("/doi-thoai"), .. sessions.Select(id => new PortalPage("/doi-thoai/" + id.ToString(CultureInfo.InvariantCulture)))];
    }
}
