using DuLuan.Features.Members;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Opinions;

internal sealed class OpinionTopicConfiguration : IEntityTypeConfiguration<OpinionTopic>
{
    public void Configure(EntityTypeBuilder<OpinionTopic> builder)
    {
        builder.ToTable("opinion_topics");
        builder.Property(t => t.Name).HasMaxLength(OpinionLimits.TopicName);
        builder.Property(t => t.NameFolded).HasMaxLength(OpinionLimits.TopicName);
        builder.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.UnitId, t.NameFolded }).IsUnique();
    }
}

internal sealed class OpinionReportConfiguration : IEntityTypeConfiguration<OpinionReport>
{
    public void Configure(EntityTypeBuilder<OpinionReport> builder)
    {
        builder.ToTable("opinion_reports");
        builder.Property(r => r.IdempotencyKey).HasMaxLength(OpinionLimits.IdempotencyKey);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Streams).WithOne().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.MemberId, r.IdempotencyKey }).IsUnique();
        builder.HasIndex(r => new { r.UnitId, r.PeriodStart });
    }
}

internal sealed class OpinionStreamConfiguration : IEntityTypeConfiguration<OpinionStream>
{
    public void Configure(EntityTypeBuilder<OpinionStream> builder)
    {
        builder.ToTable("opinion_streams");
        builder.Property(s => s.Summary).HasMaxLength(OpinionLimits.Summary);
        builder.Property(s => s.Suggestion).HasMaxLength(OpinionLimits.Suggestion);
        builder.Property(s => s.Tendency).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Spread).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Redacted).HasMaxLength(200);
        builder.HasOne(s => s.Topic).WithMany().HasForeignKey(s => s.TopicId).OnDelete(DeleteBehavior.Restrict);
        // The concern a suggestion was filed as (through IConcernFiling). The database keeps the foreign key (ON DELETE
        // SET NULL, migration 0006); the model names no Concerns type, so only the index is declared here.
        builder.HasIndex(s => s.ConcernId);
        builder.ToTable(t => t.HasCheckConstraint("CK_opinion_streams_intensity", "\"Intensity\" BETWEEN 1 AND 5"));
    }
}

internal sealed class OpinionCadenceConfiguration : IEntityTypeConfiguration<OpinionCadence>
{
    public void Configure(EntityTypeBuilder<OpinionCadence> builder)
    {
        builder.ToTable("opinion_cadences");
        builder.Property(c => c.Cadence).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Membership>().WithMany().HasForeignKey(c => c.MembershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.MembershipId).IsUnique();
    }
}
