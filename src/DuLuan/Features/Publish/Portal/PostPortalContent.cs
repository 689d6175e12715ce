using DuLuan.Infrastructure.Portal;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DuLuan.Features.Publish.Portal;

/// <summary>The portal shows a post that is or was published (published, edited, withdrawn) and the posts' images.</summary>
public sealed class PostPortalContent : IPortalContent
{
    public bool Shows(EntityEntry entry) => entry.Entity switch
    {
        Post => PortalCacheEviction.WasOrIsSet(entry, nameof(Post.PublishedAt)),
        PostImage => true,
        _ => false,
    };
}
