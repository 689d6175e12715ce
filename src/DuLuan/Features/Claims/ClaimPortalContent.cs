using DuLuan.Infrastructure.Portal;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DuLuan.Features.Claims;

/// <summary>The portal shows a claim that is or was published, and its evidence and links.</summary>
public sealed class ClaimPortalContent : IPortalContent
{
    public bool Shows(EntityEntry entry) => entry.Entity switch
    {
        Claim => PortalCacheEviction.WasOrIsSet(entry, nameof(Claim.PublishedAt)),
        ClaimEvidence or ClaimLink => true,
        _ => false,
    };
}
