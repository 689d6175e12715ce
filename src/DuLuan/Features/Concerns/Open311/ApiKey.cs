using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Concerns.Open311;

/// <summary>A key that lets an Open311 client post requests. Only its SHA-256 hash is stored; the key is shown once.</summary>
public sealed class ApiKey
{
    public long Id { get; set; }

    /// <summary>The root or province that issued it: requests it posts must be about a place in that subtree. Null for keys issued before keys had an owner (the whole tree).</summary>
    public long? UnitId { get; set; }

    /// <summary>Who uses it (an app, a partner), for the admin.</summary>
    public required string Name { get; set; }

    /// <summary>First characters of the key, so the admin can tell keys apart without storing them.</summary>
    public required string Prefix { get; set; }

    public required string KeyHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("open311_keys");
        builder.Property(k => k.Name).HasMaxLength(200);
        builder.Property(k => k.Prefix).HasMaxLength(12);
        builder.Property(k => k.KeyHash).HasMaxLength(64);
        builder.HasIndex(k => k.KeyHash).IsUnique();
        builder.HasOne<Unit>().WithMany().HasForeignKey(k => k.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
