using DuLuan.Data;
using DuLuan.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports.Figures.Sums;

/// <summary>Reads the running totals kept in the monthly sums (<see cref="IRunningTotals"/>).</summary>
public sealed class RunningTotals(AppDbContext db, ReportSums sums) : IRunningTotals
{
    public async Task<Dictionary<string, long>?> ReadAsync(IQueryable<long> unitIds, string measure, CancellationToken ct)
    {
        if (!await sums.ValidAsync(ct))
        {
            return null;
        }

        var month = IRunningTotals.Month;
        var rows = await db.ReportMonthSums.AsNoTracking()
            .Where(s => s.Month == month && s.Measure == measure && unitIds.Contains(s.UnitId))
            .GroupBy(s => s.Dim)
            .Select(g => new { Dim = g.Key, Value = g.Sum(s => s.Value) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Dim, r => r.Value, StringComparer.Ordinal);
    }
}
