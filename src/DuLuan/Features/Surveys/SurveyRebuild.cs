using DuLuan.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Surveys;

/// <summary>
/// A rebuild of one kind of a survey's kept totals (<see cref="SurveyRebuilds.Cross"/> or
/// <see cref="SurveyRebuilds.Weights"/>) that the job has not finished: the responses up to <see cref="Cursor"/> (in
/// the database's order of response ids) are counted, the rest not yet. The row is deleted when the last chunk is done.
/// </summary>
public sealed class SurveyRebuild
{
    public long Id { get; set; }

    public long SurveyId { get; set; }

    public required string Kind { get; set; }

    /// <summary>The last response id counted; empty before the first chunk.</summary>
    public string Cursor { get; set; } = string.Empty;

    /// <summary>Responses the job has counted so far.</summary>
    public long Done { get; set; }

    public DateTime StartedAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTime? LeaseUntil { get; set; }

    public static readonly LeaseColumns<SurveyRebuild> Lease = new(r => r.Id, r => r.LeaseOwner, r => r.LeaseUntil);
}

internal sealed class SurveyRebuildConfiguration : IEntityTypeConfiguration<SurveyRebuild>
{
    public void Configure(EntityTypeBuilder<SurveyRebuild> builder)
    {
        builder.ToTable("survey_rebuilds");
        builder.Property(r => r.Kind).HasMaxLength(16);
        builder.Property(r => r.Cursor).HasMaxLength(32);
        builder.Property(r => r.LeaseOwner).HasMaxLength(200);
        builder.HasIndex(r => new { r.SurveyId, r.Kind }).IsUnique();
        builder.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}
