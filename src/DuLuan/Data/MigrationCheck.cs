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
    public static IReadOnlyList<string> Versions(DatabaseProvider provider)
    {
        var prefix = $"DuLuan.Data.Migrations.{provider}.";
        return typeof(Migrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n[prefix.Length..^4])
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static async Task<MigrationStatus> StatusAsync(DatabaseOptions options, CancellationToken cancellationToken)
    {
        await using DbConnection connection = options.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(options.ResolveConnectionString())
            : new NpgsqlConnection(options.ResolveConnectionString());
        await connection.OpenAsync(cancellationToken);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT version FROM schema_migrations";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }
        catch (DbException)
        {
            // No schema_migrations table yet: an empty database, everything pending.
        }

        var known = Versions(options.Provider);
        var knownSet = known.ToHashSet(StringComparer.Ordinal);
        return new MigrationStatus(
            known.Where(v => !applied.Contains(v)).ToList(),
            applied.Where(v => !knownSet.Contains(v)).Order(StringComparer.Ordinal).ToList());
    }
}
