using DuLuan.Features.Publish.Channels;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Publish;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.ToTable("posts");
        builder.Property(p => p.Title).HasMaxLength(PostContent.MaxTitle);
        builder.Property(p => p.BodyHtml).HasMaxLength(PostContent.MaxBodyHtml);
        builder.Property(p => p.BodyText).HasMaxLength(PostContent.MaxBodyHtml);
        builder.Property(p => p.Tags).HasMaxLength(500);
        builder.Property(p => p.LinkKind).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.LinkUrl).HasMaxLength(2000);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.ContentHash).HasMaxLength(64);
        builder.Property(p => p.AuthorId).HasMaxLength(450);
        builder.Property(p => p.AuthorName).HasMaxLength(200);
        builder.Property(p => p.LastEditorId).HasMaxLength(450);
        builder.Property(p => p.LastError).HasMaxLength(1000);
        builder.Property(p => p.LeaseOwner).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.UnitId, p.Status, p.PublishedAt });
        builder.HasIndex(p => new { p.Status, p.NextAttemptAt });
        builder.HasIndex(p => new { p.UnitId, p.ScheduledAt });
    }
}

internal sealed class PostImageConfiguration : IEntityTypeConfiguration<PostImage>
{
    public void Configure(EntityTypeBuilder<PostImage> builder)
    {
        builder.ToTable("post_images");
        builder.Property(i => i.ContentType).HasMaxLength(50);
        builder.Property(i => i.FileName).HasMaxLength(120);
        builder.Property(i => i.Sha256).HasMaxLength(64);
        builder.HasOne<Post>().WithMany().HasForeignKey(i => i.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.PostId).IsUnique();
    }
}

internal sealed class PostTargetConfiguration : IEntityTypeConfiguration<PostTarget>
{
    public void Configure(EntityTypeBuilder<PostTarget> builder)
    {
        builder.ToTable("post_targets");
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.ExternalId).HasMaxLength(200);
        builder.Property(t => t.LastError).HasMaxLength(1000);
        builder.HasOne<Post>().WithMany().HasForeignKey(t => t.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PublishChannel>().WithMany().HasForeignKey(t => t.ChannelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.PostId, t.ChannelId }).IsUnique();
        builder.HasIndex(t => t.ChannelId);
    }
}

internal sealed class PostApprovalConfiguration : IEntityTypeConfiguration<PostApproval>
{
    public void Configure(EntityTypeBuilder<PostApproval> builder)
    {
        builder.ToTable("post_approvals");
        builder.Property(a => a.ApproverId).HasMaxLength(450);
        builder.Property(a => a.ApproverName).HasMaxLength(200);
        builder.Property(a => a.ContentHash).HasMaxLength(64);
        builder.HasOne<Post>().WithMany().HasForeignKey(a => a.PostId).OnDelete(DeleteBehavior.Cascade);
        // One approval per tier for one content: the loser of two concurrent approvals hits this index.
        builder.HasIndex(a => new { a.PostId, a.ContentHash, a.Tier }).IsUnique();
    }
}

internal sealed class PostCommentConfiguration : IEntityTypeConfiguration<PostComment>
{
    public void Configure(EntityTypeBuilder<PostComment> builder)
    {
        builder.ToTable("post_comments");
        builder.Property(c => c.AuthorId).HasMaxLength(450);
        builder.Property(c => c.AuthorName).HasMaxLength(200);
        builder.Property(c => c.Text).HasMaxLength(2000);
        builder.HasOne<Post>().WithMany().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.PostId, c.At });
    }
}

internal sealed class PublishSettingsConfiguration : IEntityTypeConfiguration<PublishSettings>
{
    public void Configure(EntityTypeBuilder<PublishSettings> builder)
    {
        builder.ToTable("publish_settings");
        builder.HasKey(s => s.UnitId);
        builder.Property(s => s.UnitId).ValueGeneratedNever();
        builder.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PublishChannelConfiguration : IEntityTypeConfiguration<PublishChannel>
{
    public void Configure(EntityTypeBuilder<PublishChannel> builder)
    {
        builder.ToTable("publish_channels");
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.ExternalId).HasMaxLength(100);
        builder.Property(c => c.TokenProtected).HasMaxLength(4000);
        builder.Property(c => c.HealthMessage).HasMaxLength(1000);
        builder.Property(c => c.MetricsLeaseOwner).HasMaxLength(200);
        builder.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.UnitId, c.Kind, c.ExternalId }).IsUnique();
    }
}

internal sealed class PostMetricConfiguration : IEntityTypeConfiguration<PostMetric>
{
    public void Configure(EntityTypeBuilder<PostMetric> builder)
    {
        builder.ToTable("post_metrics");
        builder.Property(m => m.Channel).HasMaxLength(20);
        builder.HasOne<Post>().WithMany().HasForeignKey(m => m.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.PostId, m.Channel, m.Day }).IsUnique();
        builder.HasIndex(m => new { m.UnitId, m.Day });
    }
}
