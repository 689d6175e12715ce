using DuLuan.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Surveys;

/// <summary>What the status endpoint answers and the pages show: responses counted by the rebuild job out of those stored.</summary>
public sealed record RebuildProgress(bool Rebuilding, long Done, long Total, int Percent, IReadOnlyList<string> Kinds, string Text)
{
    /// <summary>"12.000 / 200.000 phiếu (6%)" while running, the done message after.</summary>
    public static string Describe(IStringLocalizer l, SurveyRebuilds.Status s)
        => s.Rebuilding ? l["SurveyResults.RebuildShare", VietnameseFormat.Number(s.Done), VietnameseFormat.Number(s.Total), s.Percent]
            : l["SurveyResults.RebuildDone"];
}

/// <summary>The progress box of a survey's pages; <see cref="Live"/> (editors only) shows the bar and polls the status endpoint.</summary>
public sealed record RebuildView(long SurveyId, SurveyRebuilds.Status Status, bool Live);
