using DuLuan.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

[assembly: AssemblyFixture(typeof(DuLuan.Tests.Infrastructure.MigratedTemplates))]

namespace DuLuan.Tests.Infrastructure;

/// <summary>
/// The migrations run once per test run and provider, into a template every test database is copied from:
/// a self-contained SQLite file (VACUUM INTO, so no write-ahead log is left behind) and a PostgreSQL database
/// used with CREATE DATABASE … TEMPLATE. The app's own Migrator then finds every script applied and skips it.
/// The PostgreSQL template is named per run, so runs from several worktrees on one cluster never share it, and is
/// dropped when the run ends (this class is the assembly fixture that xunit disposes last).
/// </summary>
public sealed class MigratedTemplates : IAsyncDisposable
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "duluan-tests", "template-" + Guid.NewGuid().ToString("N"));
    private static readonly Lazy<Task<string>> Sqlite = new(CreateSqliteAsync);
    private static readonly Lock PostgresGate = new();
    private static Task<string>? postgres;
    private static string? postgresAdmin;

    public static Task<string> SqliteFileAsync() => Sqlite.Value;

    public static Task<string> PostgresDatabaseAsync(string admin)
    {
        lock (PostgresGate)
        {
            postgresAdmin = admin;
            return postgres ??= CreatePostgresAsync(admin);
        }
    }

    private static async Task<string> CreateSqliteAsync()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = Path.Combine(Folder, "migrated") };
        await MigrateAsync(options);
        var file = Path.Combine(Folder, "template.db");
        await using (var connection = new SqliteConnection(options.ResolveConnectionString() + ";Pooling=False"))
        {
            await connection.OpenAsync();
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $file";
            vacuum.Parameters.AddWithValue("$file", file);
            await vacuum.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        return file;
    }

    private static async Task<string> CreatePostgresAsync(string admin)
    {
        var name = "duluan_tmpl_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'", connection);
            await command.ExecuteNonQueryAsync();
        }

        // Unpooled: CREATE DATABASE … TEMPLATE refuses a template anyone is still connected to.
        await MigrateAsync(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = TestDatabase.ConnectionTo(admin, name, pooling: false) });
        return name;
    }

    private static async Task MigrateAsync(DatabaseOptions options)
    {
        await using var services = new ServiceCollection().AddLogging().AddDuLuanData(options).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Task<string>? created;
        lock (PostgresGate)
        {
            created = postgres;
        }

        if (created is { IsCompletedSuccessfully: true })
        {
            await using var connection = new NpgsqlConnection(postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {created.Result} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // No test asked for a SQLite database.
        }
    }
}
