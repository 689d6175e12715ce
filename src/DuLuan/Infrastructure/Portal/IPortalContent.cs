using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DuLuan.Infrastructure.Portal;

/// <summary>
/// A capability that puts its own records on the public portal (Publish: published posts and their images; Claims:
/// published rebuttals, their evidence and links) says here which saved entries the portal shows, so
/// <see cref="PortalCacheEviction"/> evicts the cache without knowing any capability's entities. Register
/// implementations as singletons.
/// </summary>
public interface IPortalContent
{
    /// <summary>Whether a change to <paramref name="entry"/> (added, modified or deleted) changes what the portal shows.</summary>
    bool Shows(EntityEntry entry);
}
