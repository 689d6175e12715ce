namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// Public figures of one agency over a period. An agency owes an answer for every case routed to it
/// that was answered or is past its deadline: silence counts against it, so not answering cannot raise
/// the on-time share. Rejected cases and cases still within their deadline are not counted.
/// </summary>
public sealed record AgencyFigures(long AgencyId, int Counted, int OnTime, TimeSpan? MedianToAnswer)
{
    /// <summary>Fewer cases than this and the figures say more about chance than about the agency.</summary>
    public const int MinimumCases = 10;

    public sealed record CaseTimes(long AgencyId, CaseStatus Status, DateTime CreatedAt, DateTime? DueAt, DateTime? AnsweredAt);

    public bool Shown => Counted >= MinimumCases;

    public double OnTimeShare => Counted == 0 ? 0 : (double)OnTime / Counted;

    public static List<AgencyFigures> Compute(IEnumerable<CaseTimes> cases, DateTime now)
        => cases
            .Where(c => c.Status != CaseStatus.Rejected && (c.AnsweredAt is not null || c.DueAt < now))
            .GroupBy(c => c.AgencyId)
            .Select(g =>
            {
                var onTime = g.Count(c => c.AnsweredAt is { } at && (c.DueAt is null || at <= c.DueAt));
                var durations = g.Where(c => c.AnsweredAt is not null).Select(c => c.AnsweredAt!.Value - c.CreatedAt).Order().ToList();
                return new AgencyFigures(g.Key, g.Count(), onTime, Median(durations));
            })
            .ToList();

    public static TimeSpan? Median(IReadOnlyList<TimeSpan> sorted)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
