using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Units;

/// <summary>
/// A re-organisation step: from <see cref="EffectiveOn"/> the unit's area belongs to the successor (a merge lists
/// every merged unit with the same successor; a split lists one unit with several). The retired unit keeps its
/// records and its place in the tree, so figures count them where they belonged at the time; reports name the
/// successor in their notes.
/// </summary>
public sealed class UnitSuccession
{
    public long UnitId { get; set; }

    public Unit? Unit { get; set; }

    public long SuccessorId { get; set; }

    public Unit? Successor { get; set; }

    public DateOnly EffectiveOn { get; set; }
}

internal sealed class UnitSuccessionConfiguration : IEntityTypeConfiguration<UnitSuccession>
{
    public void Configure(EntityTypeBuilder<UnitSuccession> builder)
    {
        builder.ToTable("unit_successions");
        builder.HasKey(s => new { s.UnitId, s.SuccessorId });
        builder.HasIndex(s => s.SuccessorId);
        builder.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Successor).WithMany().HasForeignKey(s => s.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}
