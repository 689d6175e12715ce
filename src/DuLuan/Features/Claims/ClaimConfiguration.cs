using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Claims;

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> builder)
    {
        builder.ToTable("claims");
        builder.Property(c => c.Text).HasMaxLength(Claim.TextLimit);
        builder.Property(c => c.Reasoning).HasMaxLength(Claim.LongTextLimit);
        builder.Property(c => c.Answer).HasMaxLength(Claim.LongTextLimit);
        builder.Property(c => c.OwnerId).HasMaxLength(450);
        builder.Property(c => c.ReviewRequestedBy).HasMaxLength(450);
        builder.Property(c => c.LastEditorId).HasMaxLength(450);
        builder.Property(c => c.Verdict).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.UnitId, c.Status });
        builder.HasIndex(c => new { c.UnitId, c.PublishedAt });
    }
}

internal sealed class ClaimApprovalConfiguration : IEntityTypeConfiguration<ClaimApproval>
{
    public void Configure(EntityTypeBuilder<ClaimApproval> builder)
    {
        builder.ToTable("claim_approvals");
        builder.Property(a => a.ApproverId).HasMaxLength(450);
        builder.Property(a => a.ApproverName).HasMaxLength(200);
        builder.Property(a => a.ContentHash).HasMaxLength(64);
        builder.HasOne<Claim>().WithMany().HasForeignKey(a => a.ClaimId).OnDelete(DeleteBehavior.Cascade);
        // One approval per tier for one content, as for posts: the loser of two concurrent approvals hits this index.
        builder.HasIndex(a => new { a.ClaimId, a.ContentHash, a.Tier }).IsUnique();
    }
}

internal sealed class ClaimLinkConfiguration : IEntityTypeConfiguration<ClaimLink>
{
    public void Configure(EntityTypeBuilder<ClaimLink> builder)
    {
        builder.ToTable("claim_links");
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Url).HasMaxLength(2000);
        builder.Property(l => l.Outlet).HasMaxLength(200);
        builder.HasOne<Claim>().WithMany().HasForeignKey(l => l.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.ClaimId);
        builder.HasIndex(l => new { l.Kind, l.TargetId });
    }
}

internal sealed class ClaimEvidenceConfiguration : IEntityTypeConfiguration<ClaimEvidence>
{
    public void Configure(EntityTypeBuilder<ClaimEvidence> builder)
    {
        builder.ToTable("claim_evidence");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Title).HasMaxLength(300);
        builder.Property(e => e.Url).HasMaxLength(2000);
        builder.Property(e => e.Note).HasMaxLength(4000);
        builder.Property(e => e.FileName).HasMaxLength(120);
        builder.Property(e => e.ContentType).HasMaxLength(50);
        builder.HasOne<Claim>().WithMany().HasForeignKey(e => e.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.ClaimId);
    }
}

internal sealed class ClaimMatchConfiguration : IEntityTypeConfiguration<ClaimMatch>
{
    public void Configure(EntityTypeBuilder<ClaimMatch> builder)
    {
        builder.ToTable("claim_matches");
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Claim>().WithMany().HasForeignKey(m => m.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.ClaimId, m.Kind, m.TargetId }).IsUnique();
        builder.HasIndex(m => new { m.Kind, m.TargetId });
    }
}
