using System.Data.Common;
using DuLuan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DuLuan.Features.Monitoring;

/// <summary>
/// Prepared INSERT/UPDATE commands for one ingest transaction. Ingest writes thousands of rows a minute; EF Core's
/// per-row change tracking cost more than the database itself, so this one hot path uses plain parameterised SQL
/// on the context's own connection and transaction (same tables, same columns as the EF model).
/// </summary>
internal sealed class ArticleWriter : IAsyncDisposable
{
    private readonly DbCommand insertStory;
    private readonly DbCommand updateStory;
    private readonly DbCommand insertArticle;
    private readonly DbCommand insertHit;

    public ArticleWriter(AppDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("ArticleWriter needs an open transaction.");
        insertStory = Command(connection, transaction,
            "INSERT INTO stories (\"UnitId\", \"Title\", \"FirstSeenAt\", \"LastSeenAt\", \"ArticleCount\") VALUES (@unit, @title, @first, @last, 0) RETURNING \"Id\"",
            "@unit", "@title", "@first", "@last");
        updateStory = Command(connection, transaction,
            "UPDATE stories SET \"ArticleCount\" = @count, \"FirstSeenAt\" = @first, \"LastSeenAt\" = @last WHERE \"Id\" = @id",
            "@count", "@first", "@last", "@id");
        insertArticle = Command(connection, transaction,
            "INSERT INTO articles (\"UnitId\", \"FeedId\", \"StoryId\", \"Key\", \"Url\", \"Title\", \"Text\", \"Outlet\", \"PublishedAt\", \"FetchedAt\", \"Folded\", \"Signature\") " +
            "VALUES (@unit, @feed, @story, @key, @url, @title, @text, @outlet, @published, @fetched, @folded, @signature) RETURNING \"Id\"",
            "@unit", "@feed", "@story", "@key", "@url", "@title", "@text", "@outlet", "@published", "@fetched", "@folded", "@signature");
        insertHit = Command(connection, transaction,
            "INSERT INTO topic_hits (\"TopicId\", \"ArticleId\", \"At\") VALUES (@topic, @article, @at)",
            "@topic", "@article", "@at");
    }

    public async Task InsertStoryAsync(Story story, CancellationToken ct) =>
        story.Id = await ScalarAsync(insertStory, ct, story.UnitId, story.Title, story.FirstSeenAt, story.LastSeenAt);

    public Task UpdateStoryAsync(Story story, CancellationToken ct) =>
        ExecuteAsync(updateStory, ct, story.ArticleCount, story.FirstSeenAt, story.LastSeenAt, story.Id);

    public async Task InsertArticleAsync(Article a, CancellationToken ct) =>
        a.Id = await ScalarAsync(insertArticle, ct, a.UnitId, a.FeedId, a.StoryId, a.Key, a.Url, a.Title, a.Text, a.Outlet, a.PublishedAt, a.FetchedAt, a.Folded, a.Signature);

    public Task InsertHitAsync(long topicId, long articleId, DateTime at, CancellationToken ct) =>
        ExecuteAsync(insertHit, ct, topicId, articleId, at);

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { insertStory, updateStory, insertArticle, insertHit })
        {
            await command.DisposeAsync();
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static void Bind(DbCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static async Task<long> ScalarAsync(DbCommand command, CancellationToken ct, params object?[] values)
    {
        Bind(command, values);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbCommand command, CancellationToken ct, params object?[] values)
    {
        Bind(command, values);
        await command.ExecuteNonQueryAsync(ct);
    }
}
