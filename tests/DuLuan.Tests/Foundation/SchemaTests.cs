using System.Data.Common;
using DuLuan.Data;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Foundation;

/// <summary>The hand-written migration scripts must create exactly the schema the EF model describes.</summary>
public sealed class SchemaTests
{
    [Theory, Providers]
    public async Task Migrated_schema_matches_the_model(DatabaseProvider provider)
    {
        await using var migrated = await TestApp.StartAsync(provider);
        var fromMigrations = await migrated.WithDbAsync(db => DescribeAsync(db));

        await using var fresh = await TestDatabase.CreateAsync(provider);
        var fromModel = await WithContextAsync(fresh.Options, async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using (var command = db.Database.GetDbConnection().CreateCommand())
            {
                command.CommandText = db.Database.GenerateCreateScript();
                await command.ExecuteNonQueryAsync();
            }

            return await DescribeAsync(db);
        });

        fromMigrations.RemoveAll(line => line.StartsWith("schema_migrations", StringComparison.Ordinal));
        // Full-text search lives outside the EF model: SQLite's FTS5 table (and its shadow tables), PostgreSQL's stored
        // tsvector column and its GIN index.
        fromMigrations.RemoveAll(line => line.StartsWith("article_fts", StringComparison.Ordinal)
            || line.StartsWith("articles.search_vector", StringComparison.Ordinal)
            || line.Contains("IX_articles_fts", StringComparison.Ordinal));
        Assert.Equal(fromModel, fromMigrations);
    }

    [Theory, Providers]
    public async Task Migrating_twice_applies_nothing_the_second_time(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var applied = await app.WithScopeAsync(s => s.GetRequiredService<Migrator>().MigrateAsync());
        Assert.Empty(applied);
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<Migrator>().IsUpToDateAsync()));
    }

    private static async Task<T> WithContextAsync<T>(DatabaseOptions options, Func<AppDbContext, Task<T>> action)
    {
        var services = new ServiceCollection().AddLogging().AddDuLuanData(options).BuildServiceProvider();
        await using (services)
        {
            await using var scope = services.CreateAsyncScope();
            return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        }
    }

    /// <summary>One line per column and index: table.column type null|notnull, index name unique (columns).</summary>
    private static async Task<List<string>> DescribeAsync(AppDbContext db)
    {
        var sql = db.Provider == DatabaseProvider.Sqlite
            ? """
              SELECT m.name || '.' || p.name || ' ' || lower(p.type) || ' ' || CASE p."notnull" WHEN 1 THEN 'notnull' ELSE 'null' END
              FROM sqlite_master m JOIN pragma_table_info(m.name) p
              WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
              UNION ALL
              SELECT m.name || ' index ' || il.name || ' ' || il."unique" || ' (' || (SELECT group_concat(ii.name, ',') FROM pragma_index_info(il.name) ii) || ')'
              FROM sqlite_master m JOIN pragma_index_list(m.name) il
              WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND il.origin = 'c'
              """
            : """
              SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || CASE is_nullable WHEN 'NO' THEN 'notnull' ELSE 'null' END
              FROM information_schema.columns WHERE table_schema = 'public'
              UNION ALL
              SELECT tablename || ' index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
              """;
        var lines = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
