namespace DuLuan.Infrastructure.Portal;

/// <summary>A place with a public site (a province or commune with an official code), as the sitemap asks for its pages.</summary>
public sealed record PortalPlace(long Id, string Code, string Path);

/// <summary>One public page of a place: its path under the place's home ("/ban-tin/12") and, when known, when it last changed.</summary>
public sealed record PortalPage(string Path, DateTime? LastModified = null);

/// <summary>
/// A capability says which public pages it shows for a place, so the place's sitemap lists every page without the
/// portal knowing any capability's records. Implementations are scoped (they may read the database).
/// </summary>
public interface IPortalPages
{
    /// <summary>Most pages one capability lists for a place; the newest first when there are more.</summary>
    public const int Limit = 2000;

    Task<IReadOnlyList<PortalPage>> PagesAsync(PortalPlace place, CancellationToken ct);
}

/// <summary>Pages that exist for every place (a form, a list): no database read.</summary>
public abstract class FixedPortalPages(params string[] paths) : IPortalPages
{
    public Task<IReadOnlyList<PortalPage>> PagesAsync(PortalPlace place, CancellationToken ct)
        => Task.FromResult<IReadOnlyList<PortalPage>>(paths.Select(p => new PortalPage(p)).ToList());
}
