using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DuLuan.Bench.Foundation;

/// <summary>What EF sends to SQLite and how SQLite plans it, to explain a ratio rather than just report it.</summary>
internal static class SqlDiagnostics
{
    public static async Task<string> CapturedCountSqlAsync(SqliteConnection connection, Func<SubtreeDb, IQueryable<BenchRow>> query)
    {
        var capture = new CommandCapture();
        var options = new DbContextOptionsBuilder<SubtreeDb>().UseSqlite(connection).AddInterceptors(capture).Options;
        await using var db = new SubtreeDb(options);
        await query(db).LongCountAsync();
        return capture.Sql ?? throw new InvalidOperationException("EF sent no command.");
    }

    public static async Task<string> PlanAsync(SqliteConnection connection, string sql, params (string Name, string Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return string.Join(" / ", steps);
    }

    private sealed class CommandCapture : DbCommandInterceptor
    {
        public string? Sql { get; private set; }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Sql = command.CommandText;
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Sql = command.CommandText;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
