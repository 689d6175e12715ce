using DuLuan.Infrastructure.Portal;

namespace DuLuan.Features.PublicSite;

/// <summary>The place's contact page.</summary>
public sealed class ContactPortalPages() : FixedPortalPages("/lien-he");
