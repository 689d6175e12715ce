using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Concerns.Cases;

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> builder)
    {
        builder.ToTable("holidays");
        builder.Property(h => h.Name).HasMaxLength(200);
        builder.HasOne<Unit>().WithMany().HasForeignKey(h => h.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => new { h.UnitId, h.Date }).IsUnique();
        // A national date is unique on its own (a unique index lets several NULL units share a date).
        builder.HasIndex(h => h.Date).IsUnique().HasFilter("\"UnitId\" IS NULL");
    }
}
