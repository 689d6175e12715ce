using DuLuan.Infrastructure.Portal;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>The place's page of answered cases (each case's own page is reached by its reference, never listed).</summary>
public sealed class AnsweredPortalPages() : FixedPortalPages("/vu-viec");
