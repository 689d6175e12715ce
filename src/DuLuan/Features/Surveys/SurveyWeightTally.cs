using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Surveys;

/// <summary>
/// A running total like <see cref="SurveyTally"/>, split by weighting cell: the response's answer to the question the
/// office set for sex (<see cref="SexOption"/>) and for age band (<see cref="AgeOption"/>); empty for no answer or no
/// such question. Raked weights are constant within unit × cell, so these are the sufficient statistics of the raked
/// estimates. Kept in the response's own transaction; rebuilt from the rows when the weighting questions change.
/// </summary>
public sealed class SurveyWeightTally
{
    public long SurveyId { get; set; }

    public int Version { get; set; }

    public long UnitId { get; set; }

    public required string SexOption { get; set; }

    public required string AgeOption { get; set; }

    public required string QuestionKey { get; set; }

    public required string OptionKey { get; set; }

    public long Count { get; set; }

    public double Sum { get; set; }

    public double SumSquares { get; set; }
}

internal sealed class SurveyWeightTallyConfiguration : IEntityTypeConfiguration<SurveyWeightTally>
{
    public void Configure(EntityTypeBuilder<SurveyWeightTally> builder)
    {
        builder.ToTable("survey_weight_tallies");
        builder.HasKey(t => new { t.SurveyId, t.Version, t.UnitId, t.SexOption, t.AgeOption, t.QuestionKey, t.OptionKey });
        builder.Property(t => t.SexOption).HasMaxLength(40);
        builder.Property(t => t.AgeOption).HasMaxLength(40);
        builder.Property(t => t.QuestionKey).HasMaxLength(40);
        builder.Property(t => t.OptionKey).HasMaxLength(40);
        builder.HasOne<Survey>().WithMany().HasForeignKey(t => t.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}
