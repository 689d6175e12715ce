using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DuLuan.Data;

/// <summary>
/// Writes many rows of one table on the context's connection and in its current transaction, without EF's change
/// tracking (PostgreSQL: a few multi-row <c>INSERT</c> statements, one round trip each; SQLite: one prepared statement
/// run per row): for the hot path of public intake, where one save of a few hundred
/// tracked entities cost more than the rows themselves (one command per row, snapshots, fix-up). The rows are plain
/// values in column order; each column has a <see cref="DbType"/>, so a null is typed the same on every row (PostgreSQL
/// infers a VALUES list's column type from its rows). A refused row (a unique key, a foreign key) fails the statement
/// with a <see cref="DbUpdateException"/> around the provider's exception, as <c>SaveChangesAsync</c> would.
/// Interceptors of saves do not see these rows: use it only for tables no interceptor keeps figures of.
/// </summary>
public static class BulkInsert
{
    /// <summary>Parameters per statement: well under SQLite's 32,766 and PostgreSQL's 65,535.</summary>
    private const int MaxParameters = 6000;

    public sealed record Column(string Name, DbType Type);

    public static async Task RowsAsync(AppDbContext db, string table, IReadOnlyList<Column> columns, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the caller's transaction.");
        if (db.Database.IsSqlite())
        {
            await RowByRowAsync(transaction, table, columns, rows, ct);
            return;
        }

        var connection = transaction.Connection!;
        var perStatement = Math.Max(1, MaxParameters / columns.Count);
        var head = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ";
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Statement(head, columns.Count, count);
            for (var r = 0; r < count; r++)
            {
                var row = rows[start + r];
                for (var c = 0; c < columns.Count; c++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = Name(r * columns.Count + c);
                    parameter.DbType = columns[c].Type;
                    parameter.Value = row[c] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }
            }

            try
            {
                await command.ExecuteNonQueryAsync(ct);
            }
            catch (DbException e)
            {
                throw new DbUpdateException($"Inserting {count} rows into {table} failed: {e.Message}", e);
            }
        }
    }

    /// <summary>
    /// SQLite: one prepared single-row statement run again for every row. SQLite runs in the process, so a statement costs
    /// no round trip; and it finds a bound parameter by comparing names one by one, so a statement of thousands of
    /// parameters spends its time in that search (measured: a fifth of the writer's time).
    /// </summary>
    private static async Task RowByRowAsync(DbTransaction transaction, string table, IReadOnlyList<Column> columns, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Statement($"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ", columns.Count, 1);
        var parameters = new DbParameter[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            parameters[c] = command.CreateParameter();
            parameters[c].ParameterName = Name(c);
            parameters[c].DbType = columns[c].Type;
            command.Parameters.Add(parameters[c]);
        }

        command.Prepare();
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                parameters[c].Value = row[c] ?? DBNull.Value;
            }

            try
            {
                await command.ExecuteNonQueryAsync(ct);
            }
            catch (DbException e)
            {
                throw new DbUpdateException($"Inserting a row into {table} failed: {e.Message}", e);
            }
        }
    }

    private static string Statement(string head, int columns, int rows)
    {
        var sql = new StringBuilder(head, head.Length + rows * columns * 8);
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
            {
                sql.Append(c == 0 ? string.Empty : ", ").Append(Name(r * columns + c));
            }

            sql.Append(')');
        }

        return sql.ToString();
    }

    private static string Name(int index) => "@p" + index.ToString(CultureInfo.InvariantCulture);
}
