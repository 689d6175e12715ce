using DuLuan.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Surveys;

/// <summary>How a response came in: answered online (link, QR, offline queue) or keyed in from a paper form.</summary>
public static class ResponseSource
{
    public const string Online = "online";
    public const string Paper = "paper";
}

/// <summary>
/// How many paper responses a member keyed in for a survey on a day: the work is accounted for without
/// any link to which responses they were (a response holds no member, and this holds no response).
/// </summary>
public sealed class SurveyPaperTally
{
    public long SurveyId { get; set; }

    public required string MemberId { get; set; }

    public DateOnly Day { get; set; }

    public int Count { get; set; }
}

internal sealed class SurveyResponseSourceConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
        => builder.Property(r => r.Source).HasMaxLength(10).HasDefaultValue(ResponseSource.Online);
}

internal sealed class SurveyPaperTallyConfiguration : IEntityTypeConfiguration<SurveyPaperTally>
{
    public void Configure(EntityTypeBuilder<SurveyPaperTally> builder)
    {
        builder.ToTable("survey_paper_tallies");
        builder.HasKey(t => new { t.SurveyId, t.MemberId, t.Day });
        builder.HasOne<Survey>().WithMany().HasForeignKey(t => t.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
