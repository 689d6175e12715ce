namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// A public holiday or compensatory day off (ngày nghỉ lễ, nghỉ bù); deadlines skip it. A national day (no unit) is kept
/// by the admins of the tree's root; a province's own day off by that province's admins and applies to its subtree.
/// </summary>
public sealed class Holiday
{
    public long Id { get; set; }

    /// <summary>The province whose subtree takes the day off; null for a national holiday.</summary>
    public long? UnitId { get; set; }

    public DateOnly Date { get; set; }

    public required string Name { get; set; }
}
