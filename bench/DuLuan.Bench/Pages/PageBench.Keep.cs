using System.Diagnostics;
using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DuLuan.Bench.Pages;

/// <summary>
/// A seeded database kept between runs (`--keep`), so a large seed is loaded once under the machine's CPU slot
/// (`--seed-only`) and measured later, and the same data serves the runs before and after a change: a SQLite folder,
/// or a PostgreSQL database name on the DULUAN_TEST_POSTGRES server (created when missing). Never dropped.
/// </summary>
public static partial class PageBench
{
    private sealed record RunSettings(bool Kept, bool SeedOnly, bool Sums, bool FiguresPass, bool NoJobs);

    /// <summary>
    /// `--figures-pass`: one pass of the public agency figures over the whole database (what AgencyFiguresJob runs soon
    /// after start and every 10 minutes), timed, with the CPU it used in this process and, on PostgreSQL, in the server
    /// process that ran its queries (/proc of the backend: the cluster runs on this machine).
    /// </summary>
    private static async Task FiguresPassAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        var backend = db.Provider == DatabaseProvider.Postgres ? await db.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync() : 0;
        var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var server = BackendCpu(backend);
        var clock = Stopwatch.StartNew();
        var places = await scope.ServiceProvider.GetRequiredService<AgencyFiguresPass>().RunOnceAsync(CancellationToken.None, "bench");
        var wall = clock.Elapsed;
        self.Refresh();
        var rows = await db.StoredAgencyFigures.CountAsync();
        Console.WriteLine($"Agency figures pass: {places?.ToString("N0", CultureInfo.InvariantCulture) ?? "not run (lease held or fresh)"} places, {rows:N0} rows, "
            + $"{wall.TotalSeconds:0.00} s wall; CPU {(self.TotalProcessorTime - cpu).TotalSeconds:0.00} s in this process"
            + (backend != 0 ? $", {(BackendCpu(backend) - server).TotalSeconds:0.00} s in the PostgreSQL backend" : string.Empty)
            + $"; load average {LoadDrillAverage()}");
    }

    private static TimeSpan BackendCpu(int pid)
    {
        if (pid == 0 || !File.Exists($"/proc/{pid}/stat"))
        {
            return TimeSpan.Zero;
        }

        // Fields 14 and 15 (after the parenthesised name): user and system time in clock ticks (100 per second).
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return TimeSpan.FromSeconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0);
    }

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
