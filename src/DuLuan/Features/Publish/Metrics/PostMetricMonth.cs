using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Publish.Metrics;

/// <summary>
/// Monthly sums of <see cref="PostMetric"/> per unit, channel and topic, so a roll-up over a province and a year reads
/// a few thousand rows instead of one per post and day. Topic is the post's tag set as stored (tags are split when
/// rolling up by topic), so sums over topics never count a post twice. Rebuilt from the daily rows for every
/// (unit, channel, month) an import touches, in the import's transaction (<see cref="MetricsMonthly"/>).
/// </summary>
public sealed class PostMetricMonth
{
    public long Id { get; set; }

    public long UnitId { get; set; }

    public required string Channel { get; set; }

    public required string Topic { get; set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public long Views { get; set; }

    public long Reach { get; set; }

    public long Reactions { get; set; }

    public long Comments { get; set; }

    public long Shares { get; set; }

    public long LinkClicks { get; set; }
}

internal sealed class PostMetricMonthConfiguration : IEntityTypeConfiguration<PostMetricMonth>
{
    public void Configure(EntityTypeBuilder<PostMetricMonth> builder)
    {
        builder.ToTable("post_metric_months");
        builder.Property(m => m.Channel).HasMaxLength(20);
        builder.Property(m => m.Topic).HasMaxLength(500);
        builder.HasIndex(m => new { m.UnitId, m.Month, m.Channel, m.Topic }).IsUnique();
    }
}
