using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Surveys;

/// <summary>A question the office marks for cross-tabs and filters: its totals by every other question are kept.</summary>
public sealed class SurveyCrossMark
{
    public long SurveyId { get; set; }

    public required string QuestionKey { get; set; }
}

/// <summary>
/// A running total like <see cref="SurveyTally"/>, restricted to the respondents who picked
/// <see cref="ByOption"/> of the marked question <see cref="ByQuestion"/> (an empty option: who answered it at all).
/// Kept in the response's own transaction; rebuilt from the rows when the marks change.
/// </summary>
public sealed class SurveyCrossTally
{
    public long SurveyId { get; set; }

    public int Version { get; set; }

    public long UnitId { get; set; }

    public required string ByQuestion { get; set; }

    public required string ByOption { get; set; }

    public required string QuestionKey { get; set; }

    public required string OptionKey { get; set; }

    public long Count { get; set; }

    public double Sum { get; set; }

    public double SumSquares { get; set; }
}

internal sealed class SurveyCrossMarkConfiguration : IEntityTypeConfiguration<SurveyCrossMark>
{
    public void Configure(EntityTypeBuilder<SurveyCrossMark> builder)
    {
        builder.ToTable("survey_cross_marks");
        builder.HasKey(m => new { m.SurveyId, m.QuestionKey });
        builder.Property(m => m.QuestionKey).HasMaxLength(40);
        builder.HasOne<Survey>().WithMany().HasForeignKey(m => m.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyCrossTallyConfiguration : IEntityTypeConfiguration<SurveyCrossTally>
{
    public void Configure(EntityTypeBuilder<SurveyCrossTally> builder)
    {
        builder.ToTable("survey_cross_tallies");
        builder.HasKey(t => new { t.SurveyId, t.ByQuestion, t.Version, t.UnitId, t.ByOption, t.QuestionKey, t.OptionKey });
        builder.Property(t => t.ByQuestion).HasMaxLength(40);
        builder.Property(t => t.ByOption).HasMaxLength(40);
        builder.Property(t => t.QuestionKey).HasMaxLength(40);
        builder.Property(t => t.OptionKey).HasMaxLength(40);
        builder.HasOne<Survey>().WithMany().HasForeignKey(t => t.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}
