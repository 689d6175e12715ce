using System.Globalization;
using DuLuan.Infrastructure.Portal;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Claims;

/// <summary>The place's rebuttals list and each rebuttal published for it or a unit under it.</summary>
public sealed class ClaimPortalPages(ClaimPortal portal) : IPortalPages
{
    public async Task<IReadOnlyList<PortalPage>> PagesAsync(PortalPlace place, CancellationToken ct)
    {
        var published = await portal.Published(new ClaimPortal.Portal(place.Id, place.Code, string.Empty, place.Path))
            .OrderByDescending(c => c.PublishedAt).Take(IPortalPages.Limit)
            .Select(c => new { c.Id, c.PublishedAt }).ToListAsync(ct);
        return [new PortalPage("/kiem-chung"), .. published.Select(c => new PortalPage("/kiem-chung/" + c.Id.ToString(CultureInfo.InvariantCulture), c.PublishedAt))];
    }
}
