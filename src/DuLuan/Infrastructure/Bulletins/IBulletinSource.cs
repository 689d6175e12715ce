namespace DuLuan.Infrastructure.Bulletins;

/// <summary>
/// Something already public that a loudspeaker bulletin may read out: a published post, an answered case, a published
/// rebuttal, a dialogue answer. Each contributing feature implements <see cref="IBulletinSource"/> in its own folder,
/// so the bulletins feature depends only on the kernel.
/// </summary>
/// <param name="Kind">The source's short name ("post", "case", "rebuttal"): with <paramref name="Id"/> the item's key.</param>
/// <param name="Link">The item's public address on the place's site (a path starting with "/").</param>
public sealed record BulletinSourceItem(string Kind, long Id, string Title, string Text, string Link, DateTime At);

public interface IBulletinSource
{
    /// <summary>The short name of this source's items.</summary>
    string Kind { get; }

    /// <summary>The resource key of this source's name, shown to staff when they pick items.</summary>
    string LabelKey { get; }

    /// <summary>Public items of the unit and the units under it since <paramref name="sinceUtc"/>, newest first.</summary>
    Task<IReadOnlyList<BulletinSourceItem>> RecentAsync(long unitId, DateTime sinceUtc, int max, CancellationToken ct);
}
