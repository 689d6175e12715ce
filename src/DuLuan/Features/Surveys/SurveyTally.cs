using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Surveys;

/// <summary>
/// A running total kept in the same transaction as the responses it counts, so results need no scan
/// of the answers. Per (survey, version, unit): the row with an empty question counts responses (the
/// stratum size); the row of a question with an empty option counts the responses that answered it
/// and sums its number (and the number squared); the row of an option counts the responses that
/// picked it (a rating's option is its value). With weights constant within a unit these are the
/// sufficient statistics of the post-stratified estimates (see StratumSumsEstimator).
/// </summary>
public sealed class SurveyTally
{
    public long SurveyId { get; set; }

    public int Version { get; set; }

    public long UnitId { get; set; }

    public required string QuestionKey { get; set; }

    public required string OptionKey { get; set; }

    public long Count { get; set; }

    public double Sum { get; set; }

    public double SumSquares { get; set; }
}

internal sealed class SurveyTallyConfiguration : IEntityTypeConfiguration<SurveyTally>
{
    public void Configure(EntityTypeBuilder<SurveyTally> builder)
    {
        builder.ToTable("survey_tallies");
        builder.HasKey(t => new { t.SurveyId, t.Version, t.UnitId, t.QuestionKey, t.OptionKey });
        builder.Property(t => t.QuestionKey).HasMaxLength(40);
        builder.Property(t => t.OptionKey).HasMaxLength(40);
        builder.HasOne<Survey>().WithMany().HasForeignKey(t => t.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}
