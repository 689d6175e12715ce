namespace DuLuan.Infrastructure.Reporting;

/// <summary>
/// Counts kept with the monthly sums (same table, same transaction, same rebuild) under <see cref="Month"/> instead of a
/// real month: how many records of a unit have some current value (a case's status), whatever their dates. A
/// capability adds them through its <see cref="IMonthlySumSource"/> (keys with <see cref="Month"/>) and reads them here.
/// </summary>
public interface IRunningTotals
{
    /// <summary>The month of a running total's keys: no window of the reports reaches it.</summary>
    public static readonly DateOnly Month = DateOnly.MinValue;

    /// <summary>The totals of <paramref name="measure"/> per dimension summed over <paramref name="unitIds"/>, or null while the sums are rebuilt (count from the records then).</summary>
    Task<Dictionary<string, long>?> ReadAsync(IQueryable<long> unitIds, string measure, CancellationToken ct);
}
