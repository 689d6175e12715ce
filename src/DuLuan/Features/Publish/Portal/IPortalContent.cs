using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DuLuan.Features.Publish.Portal;

/// <summary>
/// A capability that puts its own records on the portal (Claims: published rebuttals) says here which saved entries
/// the portal shows, so <see cref="PortalCacheEviction"/> evicts the cache without knowing that capability's entities.
/// Register implementations as singletons.
/// </summary>
public interface IPortalContent
{
    /// <summary>Whether a change to <paramref name="entry"/> (added, modified or deleted) changes what the portal shows.</summary>
    bool Shows(EntityEntry entry);
}
