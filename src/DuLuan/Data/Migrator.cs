using System.Data;
using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Data;

/// <summary>
/// Applies the versioned SQL scripts embedded under Data/Migrations/{Sqlite,Postgres} in order,
/// each in its own transaction, recording them in schema_migrations. EF design-time tooling is not
/// available here, so every schema change adds one script per provider (see docs/architecture.md).
/// </summary>
public sealed class Migrator(AppDbContext db, ILogger<Migrator> logger, TimeProvider clock)
{
    private const long PostgresLockKey = 0x44754C75616E; // "DuLuan"

    public static IReadOnlyList<(string Version, string Sql)> Scripts(DatabaseProvider provider)
    {
        var assembly = typeof(Migrator).Assembly;
        return Versions(provider).Select(v => (v, Read(assembly, $"DuLuan.Data.Migrations.{provider}.{v}.sql"))).ToList();
    }

    /// <summary>The versions of the embedded scripts, in order, without reading them.</summary>
    public static IReadOnlyList<string> Versions(DatabaseProvider provider)
    {
        var prefix = $"DuLuan.Data.Migrations.{provider}.";
        return typeof(Migrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n[prefix.Length..^4])
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default) => MigrateAsync(upTo: null, cancellationToken);

    /// <summary>Applies the scripts not yet applied, up to and including <paramref name="upTo"/> (all when null; tests make older schemas with it).</summary>
    /// <exception cref="DatabaseNewerException">The database has migrations this binary does not know.</exception>
    internal async Task<IReadOnlyList<string>> MigrateAsync(string? upTo, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Provider == DatabaseProvider.Postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({PostgresLockKey})", cancellationToken);
            }

            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (version VARCHAR(100) NOT NULL PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)",
                cancellationToken);
            var applied = await AppliedAsync(connection, cancellationToken);
            RefuseNewer(applied);
            var done = new List<string>();
            foreach (var (version, sql) in Scripts(db.Provider))
            {
                if (upTo is not null && string.CompareOrdinal(version, upTo) > 0)
                {
                    break;
                }

                if (applied.Contains(version))
                {
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = transaction;
                    record.CommandText = "INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @a)";
                    AddParameter(record, "@v", version);
                    AddParameter(record, "@a", clock.GetUtcNow().UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Version}", version);
                done.Add(version);
            }

            return done;
        }
        finally
        {
            if (db.Provider == DatabaseProvider.Postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({PostgresLockKey})", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Every script applied and nothing unknown (a database migrated by a newer release is not up to date for this binary).</summary>
    public async Task<bool> IsUpToDateAsync(CancellationToken cancellationToken = default)
    {
        var status = await StatusAsync(cancellationToken);
        return status.Pending.Count == 0 && !status.DatabaseIsNewer;
    }

    /// <summary>
    /// What a `migrate` would do, changing nothing: the scripts this binary would apply, and the versions the database
    /// has that this binary does not know (the database was migrated by a newer release).
    /// </summary>
    public async Task<MigrationStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            HashSet<string> applied;
            try
            {
                applied = await AppliedAsync(connection, cancellationToken);
            }
            catch (DbException)
            {
                applied = []; // no schema_migrations table yet: an empty database
            }

            var known = Versions(db.Provider);
            return new MigrationStatus(
                known.Where(v => !applied.Contains(v)).ToList(),
                applied.Where(v => !known.Contains(v)).Order(StringComparer.Ordinal).ToList());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private void RefuseNewer(HashSet<string> applied)
    {
        var known = Versions(db.Provider).ToHashSet(StringComparer.Ordinal);
        var unknown = applied.Where(v => !known.Contains(v)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new DatabaseNewerException(unknown);
        }
    }

    internal static async Task<HashSet<string>> AppliedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_migrations";
        var result = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        parameter.DbType = DbType.String;
        command.Parameters.Add(parameter);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
