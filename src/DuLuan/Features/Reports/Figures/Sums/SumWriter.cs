using System.Text;
using DuLuan.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports.Figures.Sums;

/// <summary>
/// Adds deltas to the monthly sums with one upsert per batch (the same SQL on SQLite and PostgreSQL), in the
/// context's current transaction. Keys go in a fixed order so two transactions never lock rows in opposite orders.
/// </summary>
public static class SumWriter
{
    private const int Batch = 200;

    public static async Task AddAsync(DbContext db, IReadOnlyDictionary<SumKey, long> deltas, CancellationToken ct)
    {
        var rows = deltas.Where(d => d.Value != 0)
            .OrderBy(d => d.Key.UnitId).ThenBy(d => d.Key.Month).ThenBy(d => d.Key.Measure, StringComparer.Ordinal).ThenBy(d => d.Key.Dim, StringComparer.Ordinal)
            .ToList();
        for (var start = 0; start < rows.Count; start += Batch)
        {
            var batch = rows.Skip(start).Take(Batch).ToList();
            var sql = new StringBuilder("INSERT INTO report_month_sums (\"UnitId\", \"Month\", \"Measure\", \"Dim\", \"Value\") VALUES ");
            var parameters = new List<object>(batch.Count * 5);
            for (var i = 0; i < batch.Count; i++)
            {
                var p = i * 5;
                sql.Append(i == 0 ? string.Empty : ", ").Append(System.Globalization.CultureInfo.InvariantCulture, $"({{{p}}}, {{{p + 1}}}, {{{p + 2}}}, {{{p + 3}}}, {{{p + 4}}})");
                var (key, value) = (batch[i].Key, batch[i].Value);
                parameters.AddRange([key.UnitId, key.Month, key.Measure, key.Dim, value]);
            }

            sql.Append(" ON CONFLICT (\"UnitId\", \"Month\", \"Measure\", \"Dim\") DO UPDATE SET \"Value\" = report_month_sums.\"Value\" + excluded.\"Value\"");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }
    }
}
