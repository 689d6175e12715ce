using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DuLuan.Data;

/// <summary>
/// WAL, busy timeout and foreign keys on every SQLite connection, in one place. case_sensitive_like
/// makes LIKE match .NET's ordinal StartsWith and lets SQLite seek the Path index for a subtree
/// instead of scanning it.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA case_sensitive_like=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
