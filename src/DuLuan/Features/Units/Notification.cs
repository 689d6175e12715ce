namespace DuLuan.Features.Units;

/// <summary>An in-app message to the members of a unit (a digest, not one per case).</summary>
public sealed class Notification
{
    public long Id { get; set; }

    public long UnitId { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAt { get; set; }
}
