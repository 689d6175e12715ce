using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Reports.Drafts;

internal sealed class ReportDraftConfiguration : IEntityTypeConfiguration<ReportDraft>
{
    public void Configure(EntityTypeBuilder<ReportDraft> builder)
    {
        builder.ToTable("report_drafts");
        builder.Property(d => d.PeriodCode).HasMaxLength(10);
        builder.Property(d => d.Layout).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.AuthorId).HasMaxLength(450);
        builder.Property(d => d.EditorId).HasMaxLength(450);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne<Unit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReportTemplate>().WithMany().HasForeignKey(d => d.TemplateId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(d => new { d.UnitId, d.PeriodCode });
    }
}

internal sealed class ReportTemplateConfiguration : IEntityTypeConfiguration<ReportTemplate>
{
    public void Configure(EntityTypeBuilder<ReportTemplate> builder)
    {
        builder.ToTable("report_templates");
        builder.Property(t => t.Name).HasMaxLength(ReportTemplate.NameLimit);
        builder.Property(t => t.UploadedBy).HasMaxLength(450);
        builder.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.UnitId);
    }
}

internal sealed class ReportRunConfiguration : IEntityTypeConfiguration<ReportRun>
{
    public void Configure(EntityTypeBuilder<ReportRun> builder)
    {
        builder.ToTable("report_runs");
        builder.Property(r => r.PeriodCode).HasMaxLength(10);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Error).HasMaxLength(1000);
        builder.Property(r => r.LeaseOwner).HasMaxLength(200);
        builder.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PeriodCode, r.UnitId }).IsUnique();
        builder.HasIndex(r => new { r.Status, r.LeaseUntil });
    }
}
