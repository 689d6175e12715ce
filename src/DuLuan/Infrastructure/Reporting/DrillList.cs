namespace DuLuan.Infrastructure.Reporting;

/// <summary>One record behind a figure. <see cref="Value"/> is its share of a sum (reach, interactions), else null.</summary>
public sealed record DrillRow(string Kind, long LinkId, string Title, DateTime? At, DateOnly? Day, long UnitId, long? Value);

/// <summary>A drill-down list: what it is, and the query of its rows (newest first).</summary>
public sealed record DrillList(string Key, string Title, IQueryable<DrillRow> Rows, bool Sums)
{
    /// <summary>The sum of the rows' values, for lists that have them (computed over the records, not the rows).</summary>
    public Func<CancellationToken, Task<long>>? SumAsync { get; init; }
}
