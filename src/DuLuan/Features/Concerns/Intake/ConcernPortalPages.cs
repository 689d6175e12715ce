using DuLuan.Infrastructure.Portal;

namespace DuLuan.Features.Concerns.Intake;

/// <summary>The place's concern form and its follow-up page.</summary>
public sealed class ConcernPortalPages() : FixedPortalPages("/phan-anh", "/theo-doi");
