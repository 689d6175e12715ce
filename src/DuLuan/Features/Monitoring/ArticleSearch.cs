using System.Data.Common;
using DuLuan.Analysis.Text;
using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Monitoring;

public enum SearchSort
{
    Relevance,
    Newest,
}

public sealed record ArticleSearchRequest(
    SearchQuery Query,
    IReadOnlyCollection<long> UnitIds,
    DateTime? From = null,
    DateTime? To = null,
    string? Outlet = null,
    long? TopicId = null,
    SearchSort Sort = SearchSort.Relevance,
    int Skip = 0,
    int Take = 20);

public sealed record ArticleSearchPage(IReadOnlyList<Article> Articles, int Total, bool TotalIsLowerBound);

/// <summary>
/// Full-text search over <see cref="Article.Folded"/>: SQLite FTS5 (bm25) in the embedded default, a GIN index on
/// the stored column search_vector = to_tsvector('simple', Folded) (ts_rank) on PostgreSQL. Queries arrive parsed (<see cref="SearchQuery"/>), so every term
/// is quoted and no user text reaches the engine's syntax.
/// </summary>
public sealed class ArticleSearch(AppDbContext db)
{
    public const int CountCap = 1000;

    /// <summary>Relevance is ranked among this many newest matches.</summary>
    public const int RankWindow = 20000;

    /// <summary>SQLite: read the unit from IX_articles_fts_unit (migration 0031). Off only for the bench's "before" pass.</summary>
    internal bool CoveringJoin { get; init; } = true;

    public async Task<ArticleSearchPage> SearchAsync(ArticleSearchRequest request, CancellationToken ct = default)
    {
        if (request.UnitIds.Count == 0)
        {
            return new ArticleSearchPage([], 0, false);
        }

        var sqlite = db.Provider == DatabaseProvider.Sqlite;
        var parameters = new List<(string Name, object Value)>();
        var where = new List<string>();
        string from;
        string rank;
        if (sqlite)
        {
            // The join only checks the unit (and orders by id) unless a date or outlet filter needs the row: then read
            // both from the narrow (Id, UnitId) index of migration 0031, not from the wide row beside title and text.
            var covered = CoveringJoin && request.From is null && request.To is null && string.IsNullOrWhiteSpace(request.Outlet);
            from = "article_fts f JOIN articles a " + (covered ? "INDEXED BY \"IX_articles_fts_unit\" " : "") + "ON a.\"Id\" = f.rowid";
            where.Add("article_fts MATCH @q");
            parameters.Add(("@q", request.Query.ToFts5Match()));
            rank = "bm25(article_fts)";
        }
        else
        {
            from = "articles a";
            where.Add("a.search_vector @@ to_tsquery('simple', @q)");
            parameters.Add(("@q", request.Query.ToPostgresTsQuery()));
            rank = "-ts_rank(a.search_vector, to_tsquery('simple', @q))";
        }
        where.Add("a.\"UnitId\" IN (" + string.Join(", ", request.UnitIds.Select((_, i) => "@u" + i)) + ")");
        parameters.AddRange(request.UnitIds.Select((id, i) => ("@u" + i, (object)id)));
        if (request.From is { } f)
        {
            where.Add("a.\"PublishedAt\" >= @from");
            parameters.Add(("@from", f));
        }
        if (request.To is { } t)
        {
            where.Add("a.\"PublishedAt\" < @to");
            parameters.Add(("@to", t));
        }
        if (!string.IsNullOrWhiteSpace(request.Outlet))
        {
            where.Add("a.\"Outlet\" = @outlet");
            parameters.Add(("@outlet", request.Outlet));
        }
        if (request.TopicId is { } topic)
        {
            where.Add("EXISTS (SELECT 1 FROM topic_hits h WHERE h.\"ArticleId\" = a.\"Id\" AND h.\"TopicId\" = @topic)");
            parameters.Add(("@topic", topic));
        }
        var condition = string.Join(" AND ", where);
        var take = Math.Clamp(request.Take, 1, 100);
        var skip = Math.Clamp(request.Skip, 0, CountCap);
        // Newest first walks the index in id (arrival) order and stops at the page. Relevance ranks only the newest
        // RankWindow matches: a word found in half a million articles would otherwise be scored half a million times.
        var arrival = sqlite ? "f.rowid" : "a.\"Id\"";
        var sql = request.Sort == SearchSort.Newest
            ? $"SELECT a.\"Id\" FROM {from} WHERE {condition} ORDER BY {arrival} DESC LIMIT {take} OFFSET {skip}"
            : $"SELECT m.\"Id\" FROM (SELECT a.\"Id\", {rank} AS score FROM {from} WHERE {condition} ORDER BY {arrival} DESC LIMIT {RankWindow}) m ORDER BY m.score, m.\"Id\" DESC LIMIT {take} OFFSET {skip}";
        var ids = await ReadIdsAsync(sql, parameters, ct);
        var total = await ReadIdsAsync($"SELECT COUNT(*) FROM (SELECT 1 FROM {from} WHERE {condition} LIMIT {CountCap + 1}) x", parameters, ct);
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        var ordered = ids.Select(id => articles.First(a => a.Id == id)).ToList();
        var count = (int)total[0];
        return new ArticleSearchPage(ordered, Math.Min(count, CountCap), count > CountCap);
    }

    private async Task<List<long>> ReadIdsAsync(string sql, List<(string Name, object Value)> parameters, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            var ids = new List<long>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
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
