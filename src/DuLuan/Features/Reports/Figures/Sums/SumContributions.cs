using System.Globalization;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Publish;

namespace DuLuan.Features.Reports.Figures.Sums;

/// <summary>One counter of <see cref="ReportMonthSum"/>.</summary>
public readonly record struct SumKey(long UnitId, DateOnly Month, string Measure, string Dim);

/// <summary>The measures kept as monthly sums, and their dimension values.</summary>
public static class SumMeasures
{
    public const string CasesReceived = "cases.received";
    public const string CasesAnswered = "cases.answered";
    public const string CasesDue = "cases.due";
    public const string CasesOnTime = "cases.on_time";

    /// <summary>Cases answered in the month by their answer time in tenths of a day (for the median).</summary>
    public const string CasesAnswerTenths = "cases.answer_tenths";
    public const string ConcernsReceived = "concerns.received";
    public const string PostsPublished = "posts.published";

    public static readonly string[] All = [CasesReceived, CasesAnswered, CasesDue, CasesOnTime, CasesAnswerTenths, ConcernsReceived, PostsPublished];

    public static string Agency(long? agencyId) => "agency:" + (agencyId ?? 0).ToString(CultureInfo.InvariantCulture);

    public static string Severity(Severity severity) => "severity:" + severity.ToString();

    public static string Source(ConcernSource source) => "source:" + source.ToString();

    public static string Tenths(long tenths) => "tenths:" + tenths.ToString(CultureInfo.InvariantCulture);

    /// <summary>A case's answer time in tenths of a day, rounded: the median is taken over these.</summary>
    public static long AnswerTenths(DateTime createdAt, DateTime answeredAt)
        => (long)Math.Round((answeredAt - createdAt).TotalDays * 10, MidpointRounding.AwayFromZero);
}

/// <summary>What one record adds to the monthly sums: the same predicates as <see cref="FigureQueries"/>.</summary>
public static class SumContributions
{
    public sealed record CaseFacts(long UnitId, long? AgencyId, Severity Severity, CaseStatus Status, DateTime CreatedAt, DateTime? DueAt, DateTime? AnsweredAt);

    public sealed record ConcernFacts(long UnitId, ConcernSource Source, ConcernStatus Status, DateTime ReceivedAt);

    public sealed record PostFacts(long UnitId, PostStatus Status, DateTime? PublishedAt);

    public static DateOnly Month(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return new DateOnly(local.Year, local.Month, 1);
    }

    public static IEnumerable<SumKey> Of(CaseFacts c, TimeZoneInfo zone)
    {
        string[] dims = [SumMeasures.Agency(c.AgencyId), SumMeasures.Severity(c.Severity)];
        var created = Month(c.CreatedAt, zone);
        foreach (var dim in dims)
        {
            yield return new SumKey(c.UnitId, created, SumMeasures.CasesReceived, dim);
        }

        if (c.AnsweredAt is { } answered)
        {
            var month = Month(answered, zone);
            foreach (var dim in dims)
            {
                yield return new SumKey(c.UnitId, month, SumMeasures.CasesAnswered, dim);
            }

            yield return new SumKey(c.UnitId, month, SumMeasures.CasesAnswerTenths, SumMeasures.Tenths(SumMeasures.AnswerTenths(c.CreatedAt, answered)));
        }

        if (c.Status != CaseStatus.Rejected && c.DueAt is { } due)
        {
            var month = Month(due, zone);
            var onTime = c.AnsweredAt is { } a && a <= due;
            foreach (var dim in dims)
            {
                yield return new SumKey(c.UnitId, month, SumMeasures.CasesDue, dim);
                if (onTime)
                {
                    yield return new SumKey(c.UnitId, month, SumMeasures.CasesOnTime, dim);
                }
            }
        }
    }

    public static IEnumerable<SumKey> Of(ConcernFacts c, TimeZoneInfo zone)
    {
        if (c.Status is not (ConcernStatus.Held or ConcernStatus.Dismissed))
        {
            yield return new SumKey(c.UnitId, Month(c.ReceivedAt, zone), SumMeasures.ConcernsReceived, SumMeasures.Source(c.Source));
        }
    }

    public static IEnumerable<SumKey> Of(PostFacts p, TimeZoneInfo zone)
    {
        if (p.Status == PostStatus.Published && p.PublishedAt is { } at)
        {
            yield return new SumKey(p.UnitId, Month(at, zone), SumMeasures.PostsPublished, string.Empty);
        }
    }
}
