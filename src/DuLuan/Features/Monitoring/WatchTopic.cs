namespace DuLuan.Features.Monitoring;

/// <summary>A subject a unit follows, written as a text-core rule ("ngập" AND ("Hòa Khánh" OR "Liên Chiểu")).</summary>
public sealed class WatchTopic
{
    public long Id { get; set; }

    public long UnitId { get; set; }

    public required string Name { get; set; }

    public required string Rule { get; set; }

    public bool Active { get; set; } = true;

    public DateTime CreatedAt { get; set; }
}

/// <summary>An article a topic matched; hour counts for trends and spikes come from these rows.</summary>
public sealed class TopicHit
{
    public long Id { get; set; }

    public long TopicId { get; set; }

    public long ArticleId { get; set; }

    public DateTime At { get; set; }
}
