using System.Globalization;
using System.Text;
using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

/// <summary>
/// Adds counts, sums and sums of squares to one of the survey tally tables with INSERT … ON CONFLICT DO UPDATE (the
/// same text on SQLite and PostgreSQL): atomic per row, so concurrent batches never lose a count. Rows go in key order,
/// as the callers sort them, so two batches never wait on each other's rows in opposite orders.
/// </summary>
internal static class TallyUpsert
{
    private const int Chunk = 300;

    public static async Task ApplyAsync(AppDbContext db, string table, IReadOnlyList<string> keyColumns, IReadOnlyList<(object[] Key, SurveyTallies.Delta Delta)> rows, CancellationToken ct)
    {
        var keys = string.Join(", ", keyColumns.Select(c => $"\"{c}\""));
        var width = keyColumns.Count + 3;
        for (var start = 0; start < rows.Count; start += Chunk)
        {
            var count = Math.Min(Chunk, rows.Count - start);
            var sql = new StringBuilder($"INSERT INTO {table} ({keys}, \"Count\", \"Sum\", \"SumSquares\") VALUES ");
            var parameters = new List<object>(count * width);
            for (var i = 0; i < count; i++)
            {
                sql.Append(i == 0 ? "(" : ", (");
                for (var j = 0; j < width; j++)
                {
                    sql.Append(j == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"{{{(i * width) + j}}}");
                }

                sql.Append(')');
                var (key, delta) = rows[start + i];
                parameters.AddRange(key);
                parameters.AddRange([delta.Count, delta.Sum, delta.SumSquares]);
            }

            sql.Append(CultureInfo.InvariantCulture, $" ON CONFLICT ({keys}) DO UPDATE SET ")
                .Append(CultureInfo.InvariantCulture, $"\"Count\" = {table}.\"Count\" + excluded.\"Count\", ")
                .Append(CultureInfo.InvariantCulture, $"\"Sum\" = {table}.\"Sum\" + excluded.\"Sum\", ")
                .Append(CultureInfo.InvariantCulture, $"\"SumSquares\" = {table}.\"SumSquares\" + excluded.\"SumSquares\"");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }
    }
}
