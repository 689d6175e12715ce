using DuLuan.Analysis.Text;
using DuLuan.Cli;
using DuLuan.Data;
using DuLuan.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace DuLuan.Bench.Monitoring;

/// <summary>
/// A throwaway PostgreSQL database with the app's schema (search_vector kept inline, migration 0031) and N articles,
/// loaded with COPY, GIN index built after. No command timeout: a 1,000,000-row COPY on a loaded machine takes minutes.
/// </summary>
internal sealed class PostgresSearchDb : IAsyncDisposable
{
    private readonly string server;
    private readonly string name;
    private readonly bool keep;

    private PostgresSearchDb(string server, string name, ServiceProvider services, bool keep)
    {
        this.server = server;
        this.name = name;
        this.keep = keep;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public static async Task<PostgresSearchDb> CreateAsync(string server, int articles, Func<int, (string Title, string Text)> make)
    {
        // DULUAN_BENCH_PG_NAME: a database kept between runs, filled only when it does not hold the archive yet.
        var kept = Environment.GetEnvironmentVariable("DULUAN_BENCH_PG_NAME");
        var name = kept ?? "duluan_bench_" + Environment.ProcessId;
        var exists = false;
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var check = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = @n", admin);
            check.Parameters.AddWithValue("@n", name);
            exists = (long)(await check.ExecuteScalarAsync())! > 0;
            if (!exists)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                await create.ExecuteNonQueryAsync();
            }
        }
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 0 }.ConnectionString;
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddDuLuanCore(new ConfigurationBuilder().Build(), new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connection });
        var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await MigrateCommand.MigrateAsync(scope.ServiceProvider, CancellationToken.None);
        }
        if (exists)
        {
            await using var db = new NpgsqlConnection(connection);
            await db.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM articles", db);
            if ((long)(await count.ExecuteScalarAsync())! == articles)
            {
                return new PostgresSearchDb(server, name, provider, kept is not null);
            }
            throw new InvalidOperationException($"database {name} exists but does not hold {articles:N0} articles; drop it first");
        }
        Console.WriteLine($"loading {articles:N0} articles into PostgreSQL with COPY...");
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            await using (var setup = new NpgsqlCommand(
                "DROP INDEX \"IX_articles_fts\"; INSERT INTO units (\"Code\", \"Name\", \"NameFolded\", \"Kind\", \"Path\", \"Depth\", \"ActiveFrom\") VALUES ('B01', 'Bench', 'bench', 'Province', '/1/', 0, '2025-01-01'); " +
                "INSERT INTO feeds (\"UnitId\", \"Url\", \"Name\", \"Outlet\", \"Language\", \"PollMinutes\", \"Active\", \"CreatedAt\", \"NextPollAt\", \"ConsecutiveFailures\", \"LastItemCount\") VALUES (1, 'https://b.vn/rss', 'b', 'Báo Bench', 'vi', 30, true, now(), now(), 0, 0); " +
                "INSERT INTO stories (\"UnitId\", \"Title\", \"FirstSeenAt\", \"LastSeenAt\", \"ArticleCount\") VALUES (1, 's', now(), now(), 1);", db))
            {
                await setup.ExecuteNonQueryAsync();
            }
            var at = DateTime.UtcNow.AddDays(-30);
            await using (var copy = await db.BeginBinaryImportAsync(
                "COPY articles (\"UnitId\", \"FeedId\", \"StoryId\", \"Key\", \"Title\", \"Text\", \"Outlet\", \"PublishedAt\", \"FetchedAt\", \"Folded\", \"Signature\") FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < articles; i++)
                {
                    var (title, text) = make(i);
                    var when = at.AddSeconds(i * 2.5);
                    await copy.StartRowAsync();
                    await copy.WriteAsync(1L, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(1L, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(1L, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                    await copy.WriteAsync(title, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(text, NpgsqlDbType.Varchar);
                    await copy.WriteAsync("Báo Bench", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(when, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(when, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(SearchText.IndexForm(title + "\n" + text), NpgsqlDbType.Text);
                    await copy.WriteAsync(new byte[] { 0 }, NpgsqlDbType.Bytea);
                }
                await copy.CompleteAsync();
            }
            await using var index = new NpgsqlCommand("CREATE INDEX \"IX_articles_fts\" ON articles USING GIN (search_vector); ANALYZE articles;", db) { CommandTimeout = 0 };
            await index.ExecuteNonQueryAsync();
        }
        return new PostgresSearchDb(server, name, provider, kept is not null);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (keep)
        {
            return;
        }
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
