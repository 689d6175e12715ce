using DuLuan.Data;
using DuLuan.Features.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Bench.Monitoring;

/// <summary>
/// The search as it was before issue #21's window change, kept for the bench's same-run comparison: the engine's own
/// ranking (FTS5 bm25, PostgreSQL ts_rank) over the newest 20,000 matches, then a count to 1,000. Unit filter only.
/// </summary>
internal static class PreviousSearch
{
    private const int RankWindow = 20000;

    public static async Task<ArticleSearchPage> SearchAsync(AppDbContext db, ArticleSearchRequest request)
    {
        var sqlite = db.Provider == DatabaseProvider.Sqlite;
        var from = sqlite ? "article_fts f JOIN articles a INDEXED BY \"IX_articles_fts_unit\" ON a.\"Id\" = f.rowid" : "articles a";
        var match = sqlite ? "article_fts MATCH @q" : "a.search_vector @@ to_tsquery('simple', @q)";
        var rank = sqlite ? "bm25(article_fts)" : "-ts_rank(a.search_vector, to_tsquery('simple', @q))";
        var arrival = sqlite ? "f.rowid" : "a.\"Id\"";
        var condition = match + " AND a.\"UnitId\" IN (" + string.Join(", ", request.UnitIds) + ")";
        var query = sqlite ? request.Query.ToFts5Match() : request.Query.ToPostgresTsQuery();
        var sql = request.Sort == SearchSort.Newest
            ? $"SELECT a.\"Id\" FROM {from} WHERE {condition} ORDER BY {arrival} DESC LIMIT {request.Take}"
            : $"SELECT m.\"Id\" FROM (SELECT a.\"Id\", {rank} AS score FROM {from} WHERE {condition} ORDER BY {arrival} DESC LIMIT {RankWindow}) m ORDER BY m.score, m.\"Id\" DESC LIMIT {request.Take}";
        var ids = await ReadAsync(db, sql, query);
        var count = (await ReadAsync(db, $"SELECT COUNT(*) FROM (SELECT 1 FROM {from} WHERE {condition} LIMIT {ArticleSearch.CountCap + 1}) x", query))[0];
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync();
        return new ArticleSearchPage(ids.Select(id => articles.First(a => a.Id == id)).ToList(), (int)Math.Min(count, ArticleSearch.CountCap), count > ArticleSearch.CountCap);
    }

    private static async Task<List<long>> ReadAsync(AppDbContext db, string sql, string query)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@q";
            parameter.Value = query;
            command.Parameters.Add(parameter);
            var ids = new List<long>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt64(0));
            }
            return ids;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
