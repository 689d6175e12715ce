using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DuLuan.Data;

/// <summary>
/// The start-up check of `serve`: one query of schema_migrations over a plain ADO.NET connection, compared with the names
/// of the embedded scripts. It needs neither EF's internal services nor the model (built on first use, about a second on a
/// busy machine), so `serve` can build the model beside it instead of before it; the scripts' text is not read.
/// <see cref="Migrator.StatusAsync"/> stays the answer for `migrate` and `status`.
/// </summary>
public static class MigrationCheck
{
    public static async Task<MigrationStatus> StatusAsync(DatabaseOptions options, CancellationToken cancellationToken)
    {
        await using DbConnection connection = options.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(options.ResolveConnectionString())
            : new NpgsqlConnection(options.ResolveConnectionString());
        await connection.OpenAsync(cancellationToken);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            applied = await Migrator.AppliedAsync(connection, cancellationToken);
        }
        catch (DbException)
        {
            // No schema_migrations table yet: an empty database, everything pending.
        }

        var known = Migrator.Versions(options.Provider);
        var knownSet = known.ToHashSet(StringComparer.Ordinal);
        return new MigrationStatus(
            known.Where(v => !applied.Contains(v)).ToList(),
            applied.Where(v => !knownSet.Contains(v)).Order(StringComparer.Ordinal).ToList());
    }
}
