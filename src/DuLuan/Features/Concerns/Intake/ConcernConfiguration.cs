using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Concerns.Intake;

internal sealed class ConcernConfiguration : IEntityTypeConfiguration<Concern>
{
    public void Configure(EntityTypeBuilder<Concern> builder)
    {
        builder.ToTable("concerns");
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.Description).HasMaxLength(4000);
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.DedupKey).HasMaxLength(64);
        builder.Property(c => c.ContactProtected).HasMaxLength(4000);
        builder.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.SimilarCaseId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => c.DedupKey).IsUnique();
        builder.Property(c => c.Token).HasMaxLength(32);
        builder.HasIndex(c => c.Token).IsUnique();
        builder.HasIndex(c => new { c.UnitId, c.ReceivedAt });
        builder.Property(c => c.Location).HasMaxLength(ConcernPlace.MaxLocationLength);
        builder.Property(c => c.Category).HasMaxLength(40);
    }
}

internal sealed class ConcernPhotoConfiguration : IEntityTypeConfiguration<ConcernPhoto>
{
    public void Configure(EntityTypeBuilder<ConcernPhoto> builder)
    {
        builder.ToTable("concern_photos");
        builder.Property(p => p.ContentType).HasMaxLength(50);
        builder.HasOne(p => p.Concern).WithMany().HasForeignKey(p => p.ConcernId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.ConcernId).IsUnique();
    }
}

internal sealed class ConcernFollowUpConfiguration : IEntityTypeConfiguration<ConcernFollowUp>
{
    public void Configure(EntityTypeBuilder<ConcernFollowUp> builder)
    {
        builder.ToTable("concern_follow_ups");
        builder.Property(f => f.CodeHash).HasMaxLength(64);
        builder.HasIndex(f => f.CodeHash).IsUnique();
        builder.HasOne(f => f.Concern).WithMany().HasForeignKey(f => f.ConcernId).OnDelete(DeleteBehavior.Cascade);
    }
}
