using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Units;

/// <summary>How residents reach the office of a place (its own public channels, never a person): shown on /cong/{code}/lien-he.</summary>
public sealed class PlaceContact
{
    public const int MaxAddress = 300;
    public const int MaxPhone = 40;
    public const int MaxEmail = 254;
    public const int MaxHours = 200;

    public long UnitId { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>Office hours for residents, as the office writes them ("Thứ Hai – Thứ Sáu, 7:30–11:30, 13:30–17:00").</summary>
    public string? Hours { get; set; }

    public DateTime UpdatedAt { get; set; }

    public bool IsEmpty => Address is null && Phone is null && Email is null && Hours is null;
}

internal sealed class PlaceContactConfiguration : IEntityTypeConfiguration<PlaceContact>
{
    public void Configure(EntityTypeBuilder<PlaceContact> builder)
    {
        builder.ToTable("place_contacts");
        builder.HasKey(c => c.UnitId);
        builder.Property(c => c.UnitId).ValueGeneratedNever();
        builder.Property(c => c.Address).HasMaxLength(PlaceContact.MaxAddress);
        builder.Property(c => c.Phone).HasMaxLength(PlaceContact.MaxPhone);
        builder.Property(c => c.Email).HasMaxLength(PlaceContact.MaxEmail);
        builder.Property(c => c.Hours).HasMaxLength(PlaceContact.MaxHours);
        builder.HasOne<Unit>().WithOne().HasForeignKey<PlaceContact>(c => c.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
