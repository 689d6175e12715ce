namespace DuLuan.Features.Opinions;

/// <summary>
/// A topic residents talk about, listed for a unit (a province's list is offered to all its communes);
/// a collaborator may add one to their commune. Names topics, never people.
/// </summary>
public sealed class OpinionTopic
{
    public long Id { get; set; }

    public long UnitId { get; set; }

    public required string Name { get; set; }

    /// <summary>Diacritic-free, lower-case name: the same topic typed twice is one topic, and briefings group by it.</summary>
    public required string NameFolded { get; set; }

    public DateTime CreatedAt { get; set; }
}
