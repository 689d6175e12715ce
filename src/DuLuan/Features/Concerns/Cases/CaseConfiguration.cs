using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Concerns.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.Property(c => c.PublicRef).HasMaxLength(16);
        builder.HasIndex(c => c.PublicRef).IsUnique();
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.Description).HasMaxLength(4000);
        builder.Property(c => c.Answer).HasMaxLength(4000);
        builder.Property(c => c.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.Category).HasMaxLength(Routing.Category.MaxKeyLength);
        builder.HasIndex(c => new { c.UnitId, c.Category });
        builder.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.UnitId, c.Status });
        builder.HasIndex(c => new { c.AgencyId, c.Status });

        // The case list's agency choices: whether an agency has a case in the member's scope is a seek per scope unit.
        builder.HasIndex(c => new { c.AgencyId, c.UnitId });
        builder.HasIndex(c => new { c.Status, c.DueAt });

        // The reports' current month is counted from the records along these (see ConcernsReportSums.CountAsync).
        builder.HasIndex(c => new { c.UnitId, c.CreatedAt });
        builder.HasIndex(c => new { c.UnitId, c.AnsweredAt });
        builder.HasIndex(c => new { c.UnitId, c.DueAt });
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("case_events");
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.CaseId, e.At });
    }
}
