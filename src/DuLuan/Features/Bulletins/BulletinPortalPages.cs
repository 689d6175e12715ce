using System.Globalization;
using DuLuan.Infrastructure.Portal;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Bulletins;

/// <summary>The place's bulletins list and each bulletin published on it with its audio.</summary>
public sealed class BulletinPortalPages(PublicBulletins bulletins) : IPortalPages
{
    public async Task<IReadOnlyList<PortalPage>> PagesAsync(PortalPlace place, CancellationToken ct)
    {
        var published = await bulletins.Published(new PublicBulletins.Place(place.Id, place.Code, string.Empty))
            .Take(IPortalPages.Limit).Select(b => new { b.Id, b.PublishedAt }).ToListAsync(ct);
        return [new PortalPage("/ban-tin"), .. published.Select(b => new PortalPage("/ban-tin/" + b.Id.ToString(CultureInfo.InvariantCulture), b.PublishedAt))];
    }
}
