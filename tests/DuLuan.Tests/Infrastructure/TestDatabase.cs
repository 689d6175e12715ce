using DuLuan.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DuLuan.Tests.Infrastructure;

/// <summary>
/// A database per fixture: a temp folder for SQLite, a new database on the test PostgreSQL cluster
/// (DULUAN_TEST_POSTGRES, set by scripts/test.sh) for PostgreSQL. <see cref="CreateAsync"/> gives an empty one;
/// <see cref="CreateMigratedAsync"/> a copy of a template migrated once per test run (see <see cref="MigratedTemplates"/>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "DULUAN_TEST_POSTGRES";

    private readonly string? postgresAdmin;
    private readonly string? databaseName;

    private TestDatabase(DatabaseOptions options, string? postgresAdmin, string? databaseName)
    {
        Options = options;
        this.postgresAdmin = postgresAdmin;
        this.databaseName = databaseName;
    }

    public DatabaseOptions Options { get; }

    /// <summary>An empty database, for tests of the migrations themselves, restores and imports.</summary>
    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) => CreateAsync(provider, template: null);

    /// <summary>A database with every migration applied, copied from the run's template instead of migrated again.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider)
    {
        var template = provider == DatabaseProvider.Sqlite
            ? await MigratedTemplates.SqliteFileAsync()
            : await MigratedTemplates.PostgresDatabaseAsync(PostgresAdmin());
        return await CreateAsync(provider, template);
    }

    /// <summary>
    /// The admin connection string of the test cluster. Outside CI a missing one skips the PostgreSQL case with the
    /// reason; in CI (CI set) it fails the test, so a misconfigured pipeline can never pass by skipping.
    /// </summary>
    public static string PostgresAdmin()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(admin))
        {
            return admin;
        }

        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("CI")))
        {
            throw new InvalidOperationException($"{PostgresVariable} is not set in CI: scripts/test.sh starts a PostgreSQL cluster and sets it.");
        }

        Assert.Skip($"{PostgresVariable} is not set: the PostgreSQL cases run through scripts/test.sh, which starts a cluster (and always in CI).");
        return null!;
    }

    private static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string? template)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "duluan-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var options = new DatabaseOptions { Provider = provider, DataDirectory = folder };
            if (template is not null)
            {
                File.Copy(template, options.SqlitePath);
            }

            return new TestDatabase(options, null, null);
        }

        var admin = PostgresAdmin();
        var name = "duluan_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            // FILE_COPY copies the template's files in one go; PostgreSQL 15's default (WAL_LOG) writes every block of it
            // through the WAL, three times the work for each of the run's few hundred databases.
            var source = template is null ? "template0 ENCODING 'UTF8'" : template + " STRATEGY FILE_COPY";
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {source}", connection);
            await command.ExecuteNonQueryAsync();
        }

        // Pooled like production: an unpooled app starts a PostgreSQL backend for every query. DisposeAsync clears the pools.
        return new TestDatabase(new DatabaseOptions { Provider = provider, ConnectionString = ConnectionTo(admin, name, pooling: true) }, admin, name);
    }

    internal static string ConnectionTo(string admin, string database, bool pooling)
        => new NpgsqlConnectionStringBuilder(admin) { Database = database, Pooling = pooling }.ToString();

    public async ValueTask DisposeAsync()
    {
        if (Options.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearPool(new SqliteConnection(Options.ResolveConnectionString()));
            try
            {
                Directory.Delete(Options.DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A connection still closing keeps the file open for a moment; the temp folder is cleaned by the OS.
            }

            return;
        }

        // This database's pool only: clearing every pool would make the tests running beside this one reconnect.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(Options.ConnectionString));
        await using var connection = new NpgsqlConnection(postgresAdmin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
