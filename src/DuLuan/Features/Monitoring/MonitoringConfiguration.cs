using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Monitoring;

internal sealed class FeedConfiguration : IEntityTypeConfiguration<Feed>
{
    public void Configure(EntityTypeBuilder<Feed> builder)
    {
        builder.ToTable("feeds");
        builder.Property(f => f.Url).HasMaxLength(2000);
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.Outlet).HasMaxLength(200);
        builder.Property(f => f.Language).HasMaxLength(20);
        builder.Property(f => f.LeaseOwner).HasMaxLength(100);
        builder.Property(f => f.ETag).HasMaxLength(500);
        builder.Property(f => f.LastError).HasMaxLength(1000);
        builder.HasOne<Unit>().WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.UnitId, f.Url }).IsUnique();
        builder.HasIndex(f => new { f.Active, f.NextPollAt });
    }
}

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.ToTable("articles");
        builder.Property(a => a.Key).HasMaxLength(64);
        builder.Property(a => a.Url).HasMaxLength(2000);
        builder.Property(a => a.Title).HasMaxLength(500);
        builder.Property(a => a.Text).HasMaxLength(4000);
        builder.Property(a => a.Outlet).HasMaxLength(200);
        builder.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Feed>().WithMany().HasForeignKey(a => a.FeedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Story>().WithMany().HasForeignKey(a => a.StoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.UnitId, a.Key }).IsUnique();
        builder.HasIndex(a => new { a.UnitId, a.PublishedAt });
        builder.HasIndex(a => new { a.StoryId, a.PublishedAt });
        builder.HasIndex(a => new { a.FeedId, a.FetchedAt });
    }
}

internal sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> builder)
    {
        builder.ToTable("stories");
        builder.Property(s => s.Title).HasMaxLength(500);
        builder.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.UnitId, s.LastSeenAt });
    }
}

internal sealed class WatchTopicConfiguration : IEntityTypeConfiguration<WatchTopic>
{
    public void Configure(EntityTypeBuilder<WatchTopic> builder)
    {
        builder.ToTable("watch_topics");
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Rule).HasMaxLength(4000);
        builder.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.UnitId);
    }
}

internal sealed class TopicHitConfiguration : IEntityTypeConfiguration<TopicHit>
{
    public void Configure(EntityTypeBuilder<TopicHit> builder)
    {
        builder.ToTable("topic_hits");
        builder.HasOne<WatchTopic>().WithMany().HasForeignKey(h => h.TopicId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Article>().WithMany().HasForeignKey(h => h.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.TopicId, h.ArticleId }).IsUnique();
        builder.HasIndex(h => new { h.TopicId, h.At });
        builder.HasIndex(h => h.ArticleId);
    }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("alerts");
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ReasonVi).HasMaxLength(1000);
        builder.Property(a => a.ReasonEn).HasMaxLength(1000);
        builder.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.UnitId, a.Kind, a.SubjectId, a.WindowStart }).IsUnique();
        builder.HasIndex(a => new { a.UnitId, a.CreatedAt });
        builder.HasIndex(a => a.MailedAt);
    }
}

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> builder)
    {
        builder.ToTable("saved_searches");
        builder.Property(s => s.MemberId).HasMaxLength(450);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Query).HasMaxLength(2000);
        builder.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.MemberId, s.UnitId });
    }
}
