using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Concerns.Cases;

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> builder)
    {
        builder.ToTable("case_notes");
        builder.Property(n => n.AuthorId).HasMaxLength(450);
        builder.Property(n => n.Text).HasMaxLength(2000);
        builder.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.CaseId, n.At });
    }
}

internal sealed class RerouteRequestConfiguration : IEntityTypeConfiguration<RerouteRequest>
{
    public void Configure(EntityTypeBuilder<RerouteRequest> builder)
    {
        builder.ToTable("case_reroutes");
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.RequestedBy).HasMaxLength(450);
        builder.Property(r => r.DecidedBy).HasMaxLength(450);
        builder.Property(r => r.DecisionNote).HasMaxLength(2000);
        builder.Property(r => r.Decision).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(r => r.FromAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(r => r.ToAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.CaseId, r.Decision });
    }
}

internal sealed class AnswerTemplateConfiguration : IEntityTypeConfiguration<AnswerTemplate>
{
    public void Configure(EntityTypeBuilder<AnswerTemplate> builder)
    {
        builder.ToTable("answer_templates");
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.Body).HasMaxLength(4000);
        builder.HasOne<Unit>().WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.AgencyId);
    }
}
