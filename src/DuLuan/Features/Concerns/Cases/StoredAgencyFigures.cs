using DuLuan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// One agency's public figures at one place (a province or a commune, over its whole subtree), as the last pass of
/// <see cref="AgencyFiguresPass"/> computed them: the same values <see cref="AgencyFigures.Compute"/> gives over the
/// place's last year of cases, the median kept to the tick.
/// </summary>
public sealed class StoredAgencyFigures
{
    public long PlaceId { get; set; }

    public long AgencyId { get; set; }

    public int Counted { get; set; }

    public int OnTime { get; set; }

    public long? MedianTicks { get; set; }

    public AgencyFigures ToFigures() => new(AgencyId, Counted, OnTime, MedianTicks is { } t ? TimeSpan.FromTicks(t) : null);
}

/// <summary>
/// A place the last pass covered (with no row in <see cref="StoredAgencyFigures"/> when no agency owed it an answer);
/// the pass's time is <see cref="AgencyFiguresState.ComputedAt"/>, written in the same transaction.
/// </summary>
public sealed class AgencyFiguresPlace
{
    public long PlaceId { get; set; }
}

/// <summary>The one row that says when the last pass ran and which instance holds the pass's lease (one runner at a time).</summary>
public sealed class AgencyFiguresState
{
    public long Id { get; set; }

    public DateTime? ComputedAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTime? LeaseUntil { get; set; }
}

internal sealed class StoredAgencyFiguresConfiguration : IEntityTypeConfiguration<StoredAgencyFigures>, IEntityTypeConfiguration<AgencyFiguresPlace>, IEntityTypeConfiguration<AgencyFiguresState>
{
    public void Configure(EntityTypeBuilder<StoredAgencyFigures> builder)
    {
        builder.ToTable("agency_figures");
        builder.HasKey(f => new { f.PlaceId, f.AgencyId });
    }

    public void Configure(EntityTypeBuilder<AgencyFiguresPlace> builder)
    {
        builder.ToTable("agency_figures_places");
        builder.HasKey(p => p.PlaceId);
        builder.Property(p => p.PlaceId).ValueGeneratedNever();
    }

    public void Configure(EntityTypeBuilder<AgencyFiguresState> builder)
    {
        builder.ToTable("agency_figures_state");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.LeaseOwner).HasMaxLength(200);
    }
}
