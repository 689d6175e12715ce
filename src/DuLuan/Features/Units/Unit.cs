namespace DuLuan.Features.Units;

public enum UnitKind
{
    Province,
    Commune,
    Agency,
    Committee,
    Team,
    Other,
}

/// <summary>A node of the organisation tree (đơn vị).</summary>
public sealed class Unit
{
    public long Id { get; set; }

    /// <summary>Official administrative code for provinces and communes; null for agencies and teams.</summary>
    public string? Code { get; set; }

    public required string Name { get; set; }

    /// <summary>Diacritic-free, lower-case key used by search.</summary>
    public required string NameFolded { get; set; }

    public UnitKind Kind { get; set; }

    public long? ParentId { get; set; }

    public Unit? Parent { get; set; }

    /// <summary>Materialised path of ids, e.g. "/1/45/": a subtree is one prefix query.</summary>
    public string Path { get; set; } = "/";

    public int Depth { get; set; }

    public DateOnly ActiveFrom { get; set; }

    /// <summary>Set when a re-organisation retires the unit; history keeps pointing at it.</summary>
    public DateOnly? ActiveTo { get; set; }
}
