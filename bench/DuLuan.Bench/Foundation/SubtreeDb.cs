using DuLuan.Cli;
using DuLuan.Data;
using DuLuan.Features.Units;
using DuLuan.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DuLuan.Bench.Foundation;

/// <summary>A unit-owned row, the shape every later feature table has: an id and the owning unit.</summary>
internal sealed class BenchRow
{
    public long Id { get; set; }

    public long UnitId { get; set; }
}

/// <summary>The app's Unit mapping (its own configuration class) plus the benchmark's row table.</summary>
internal sealed class SubtreeDb(DbContextOptions<SubtreeDb> options) : DbContext(options)
{
    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<BenchRow> Rows => Set<BenchRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        new UnitConfiguration().Configure(modelBuilder.Entity<Unit>());
        modelBuilder.Entity<BenchRow>().ToTable("bench_rows");
    }
}

/// <summary>Builds the database: the app's migrations and importer for the tree, raw SQL for a million rows.</summary>
internal static class SubtreeDbBuilder
{
    public const int Provinces = 34;
    public const int CommunesPerProvince = 100;

    public static async Task<string> CreateAsync(string dataDirectory, int rows)
    {
        var database = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = dataDirectory };
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddDuLuanCore(new ConfigurationBuilder().Build(), database);
        await using (var provider = services.BuildServiceProvider())
        await using (var scope = provider.CreateAsyncScope())
        {
            await MigrateCommand.MigrateAsync(scope.ServiceProvider, CancellationToken.None);
            var import = new List<UnitImportRow>();
            for (var p = 1; p <= Provinces; p++)
            {
                var province = $"P{p:00}";
                import.Add(new UnitImportRow(import.Count + 1, province, $"Province {p:00}", UnitKind.Province, null));
                for (var c = 1; c <= CommunesPerProvince; c++)
                {
                    import.Add(new UnitImportRow(import.Count + 1, $"{province}-C{c:000}", $"Commune {p:00}-{c:000}", UnitKind.Commune, province));
                }
            }

            await scope.ServiceProvider.GetRequiredService<UnitImporter>().ImportAsync(import);
        }

        var connectionString = database.ResolveConnectionString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "CREATE TABLE bench_rows (\"Id\" INTEGER NOT NULL PRIMARY KEY, \"UnitId\" INTEGER NOT NULL REFERENCES units (\"Id\"))");
        var unitIds = new List<long>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT \"Id\" FROM units WHERE \"Code\" IS NOT NULL ORDER BY \"Id\"";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                unitIds.Add(reader.GetInt64(0));
            }
        }

        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO bench_rows (\"UnitId\") VALUES ($unit)";
            var unit = insert.Parameters.Add("$unit", SqliteType.Integer);
            var random = new Random(20260725);
            for (var i = 0; i < rows; i++)
            {
                unit.Value = unitIds[random.Next(unitIds.Count)];
                insert.ExecuteNonQuery();
            }

            await transaction.CommitAsync();
        }

        await ExecuteAsync(connection, "CREATE INDEX IX_bench_rows_UnitId ON bench_rows (\"UnitId\"); ANALYZE;");
        return connectionString;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
