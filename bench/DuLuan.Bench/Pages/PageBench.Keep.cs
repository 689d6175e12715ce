using DuLuan.Data;
using Npgsql;

namespace DuLuan.Bench.Pages;

/// <summary>
/// A seeded database kept between runs (`--keep`), so a large seed is loaded once under the machine's CPU slot
/// (`--seed-only`) and measured later, and the same data serves the runs before and after a change: a SQLite folder,
/// or a PostgreSQL database name on the DULUAN_TEST_POSTGRES server (created when missing). Never dropped.
/// </summary>
public static partial class PageBench
{
    private sealed record RunSettings(bool Kept, bool SeedOnly, bool Sums);

    private static async Task<DatabaseOptions> KeptDatabaseAsync(DatabaseProvider provider, string keep)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(keep);
            return new DatabaseOptions { Provider = provider, DataDirectory = keep };
        }

        var admin = Environment.GetEnvironmentVariable("DULUAN_TEST_POSTGRES") ?? throw new InvalidOperationException("DULUAN_TEST_POSTGRES is not set.");
        if (!System.Text.RegularExpressions.Regex.IsMatch(keep, "^[a-z][a-z0-9_]{0,40}$"))
        {
            throw new ArgumentException("--keep on PostgreSQL is a database name: lower-case letters, digits and _.");
        }

        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
            exists.Parameters.AddWithValue("n", keep);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {keep} TEMPLATE template0 ENCODING 'UTF8'", connection);
                await create.ExecuteNonQueryAsync();
            }
        }

        return new DatabaseOptions { Provider = provider, ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = keep }.ToString() };
    }
}
