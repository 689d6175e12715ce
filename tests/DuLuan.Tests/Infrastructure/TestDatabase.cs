using DuLuan.Data;
using Npgsql;

namespace DuLuan.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database per fixture: a temp folder for SQLite, a new database on the test
/// PostgreSQL cluster (DULUAN_TEST_POSTGRES, set by scripts/test.sh) for PostgreSQL.
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

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "duluan-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return new TestDatabase(new DatabaseOptions { Provider = provider, DataDirectory = folder }, null, null);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests through scripts/test.sh, which starts a PostgreSQL cluster.");
        var name = "duluan_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
        return new TestDatabase(new DatabaseOptions { Provider = provider, ConnectionString = builder.ToString() }, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Options.Provider == DatabaseProvider.Sqlite)
        {
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

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(postgresAdmin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
