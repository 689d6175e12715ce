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

/// <summary>How an office weights a survey beyond the unit populations: which questions carry sex and age band, and the trimming cap.</summary>
public sealed class SurveyWeighting
{
    public long SurveyId { get; set; }

    public string? SexQuestion { get; set; }

    public string? AgeQuestion { get; set; }

    /// <summary>Cap on a weight, as a multiple of the mean weight; null: no trimming.</summary>
    public double? TrimCap { get; set; }
}

/// <summary>Population of one category (an option of the sex or age-band question) for raking.</summary>
public sealed class SurveyMargin
{
    public long SurveyId { get; set; }

    /// <summary>"sex" or "age".</summary>
    public required string Variable { get; set; }

    /// <summary>Option key of the question that carries the variable.</summary>
    public required string Category { get; set; }

    public long Population { get; set; }
}

internal sealed class SurveyWeightingConfiguration : IEntityTypeConfiguration<SurveyWeighting>
{
    public void Configure(EntityTypeBuilder<SurveyWeighting> builder)
    {
        builder.ToTable("survey_weightings");
        builder.HasKey(w => w.SurveyId);
        builder.Property(w => w.SexQuestion).HasMaxLength(40);
        builder.Property(w => w.AgeQuestion).HasMaxLength(40);
        builder.HasOne<Survey>().WithOne().HasForeignKey<SurveyWeighting>(w => w.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyMarginConfiguration : IEntityTypeConfiguration<SurveyMargin>
{
    public void Configure(EntityTypeBuilder<SurveyMargin> builder)
    {
        builder.ToTable("survey_margins");
        builder.HasKey(m => new { m.SurveyId, m.Variable, m.Category });
        builder.Property(m => m.Variable).HasMaxLength(10);
        builder.Property(m => m.Category).HasMaxLength(40);
        builder.HasOne<Survey>().WithMany().HasForeignKey(m => m.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}
