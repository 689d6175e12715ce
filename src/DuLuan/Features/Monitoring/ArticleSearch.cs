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
/// Full-text search over <see cref="Article.Folded"/>: SQLite FTS5 in the embedded default, a GIN index on the stored
/// column search_vector = to_tsvector('simple', Folded) on PostgreSQL. The engines only find matches, newest first;
/// relevance is <see cref="SearchRelevance"/> over the newest <see cref="RankWindow"/> of them, the same on both. Queries
/// arrive parsed (<see cref="SearchQuery"/>), so every term is quoted and no user text reaches the engine's syntax.
/// </summary>
public sealed class ArticleSearch(AppDbContext db)
{
    public const int CountCap = 1000;

    /// <summary>
    /// Relevance orders the newest this many matches: the same matches the count and the pages reach (a date filter
    /// reaches older ones). Reading the window stops at it, however many articles match.
    /// </summary>
    public const int RankWindow = CountCap;

    /// <summary>PostgreSQL: the newest articles walked in key order before the GIN bitmap is used (see PostgresNewestAsync). Tests lower it.</summary>
    internal int DenseRows { get; init; } = 10_000;

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
        if (sqlite)
        {
            // The join only checks the unit (and orders by id) unless a date or outlet filter needs the row: then read
            // both from the narrow (Id, UnitId) index of migration 0031, not from the wide row beside title and text.
            var covered = request.From is null && request.To is null && string.IsNullOrWhiteSpace(request.Outlet);
            from = "article_fts f JOIN articles a " + (covered ? "INDEXED BY \"IX_articles_fts_unit\" " : "") + "ON a.\"Id\" = f.rowid";
            where.Add("article_fts MATCH @q");
            parameters.Add(("@q", request.Query.ToFts5Match()));
        }
        else
        {
            from = "articles a";
            where.Add("a.search_vector @@ to_tsquery('simple', @q)");
            parameters.Add(("@q", request.Query.ToPostgresTsQuery()));
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
        // Both orders read only the newest matches and stop early: newest first at the page (SQLite) or the window
        // (PostgreSQL), relevance at the window, which SearchRelevance then orders.
        List<long> ids;
        int count;
        if (sqlite && request.Sort == SearchSort.Newest)
        {
            ids = await ReadIdsAsync($"SELECT a.\"Id\" FROM {from} WHERE {condition} ORDER BY f.rowid DESC LIMIT {take} OFFSET {skip}", parameters, ct);
            count = (int)(await ReadIdsAsync($"SELECT COUNT(*) FROM (SELECT 1 FROM {from} WHERE {condition} LIMIT {CountCap + 1}) x", parameters, ct))[0];
        }
        else if (sqlite)
        {
            var window = await ReadWindowAsync(
                $"SELECT a.\"Id\", a.\"Folded\" FROM (SELECT f.rowid AS id FROM {from} WHERE {condition} ORDER BY f.rowid DESC LIMIT {RankWindow + 1}) w " +
                "JOIN articles a ON a.\"Id\" = w.id", parameters, ct);
            count = window.Count;
            window = window.OrderByDescending(r => r.Id).Take(RankWindow).ToList();
            ids = SearchRelevance.Order(request.Query, window).Skip(skip).Take(take).ToList();
        }
        else
        {
            var newest = await PostgresNewestAsync(condition, parameters, RankWindow + 1, ct);
            count = newest.Count;
            newest = newest.Take(RankWindow).ToList();
            if (request.Sort == SearchSort.Relevance)
            {
                var window = await ReadWindowAsync("SELECT \"Id\", \"Folded\" FROM articles WHERE \"Id\" = ANY(@ids)", [.. parameters, ("@ids", newest.ToArray())], ct);
                newest = SearchRelevance.Order(request.Query, window);
            }
            ids = newest.Skip(skip).Take(take).ToList();
        }
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        var ordered = ids.Select(id => articles.First(a => a.Id == id)).ToList();
        return new ArticleSearchPage(ordered, Math.Min(count, CountCap), count > CountCap);
    }

    /// <summary>
    /// The newest <paramref name="limit"/> matches on PostgreSQL. GIN finds matches in no particular order; walking the
    /// primary key backwards finds them newest first but reads every article on the way. So: walk the newest
    /// <see cref="DenseRows"/> articles; when that is not enough and matches were sparse there (under 5 %), take older
    /// ones from the GIN bitmap limited to an id range sized from the density just seen (twice what it predicts),
    /// widening until enough are found or the archive ends; when they were common, keep walking backwards.
    /// </summary>
    private async Task<List<long>> PostgresNewestAsync(string condition, List<(string Name, object Value)> parameters, int limit, CancellationToken ct)
    {
        var top = (await ReadIdsAsync("SELECT COALESCE(MAX(\"Id\"), 0) FROM articles", [], ct))[0];
        var floor = top - DenseRows;
        var ids = await ReadIdsAsync($"SELECT a.\"Id\" FROM articles a WHERE {condition} AND a.\"Id\" > {floor} ORDER BY a.\"Id\" DESC LIMIT {limit}", parameters, ct);
        while (ids.Count < limit && floor > 0)
        {
            var density = ids.Count / (double)(top - floor);
            var wanted = limit - ids.Count;
            var sparse = density < 0.05;
            var next = !sparse || ids.Count == 0 ? 0 : Math.Max(0, floor - (long)Math.Ceiling(2 * wanted / density));
            var sql = $"SELECT a.\"Id\" FROM articles a WHERE {condition} AND a.\"Id\" <= {floor} AND a.\"Id\" > {next} ORDER BY a.\"Id\" DESC LIMIT {wanted}";
            ids.AddRange(await ReadIdsAsync(sparse ? "SET LOCAL enable_indexscan = off; SET LOCAL enable_seqscan = off; " + sql : sql, parameters, ct, transaction: sparse));
            floor = next;
        }
        return ids;
    }

    private async Task<List<(long Id, string Folded)>> ReadWindowAsync(string sql, List<(string Name, object Value)> parameters, CancellationToken ct)
    {
        var rows = new List<(long, string)>();
        await ReadAsync(sql, parameters, reader => rows.Add((reader.GetInt64(0), reader.GetString(1))), ct);
        return rows;
    }

    private async Task<List<long>> ReadIdsAsync(string sql, List<(string Name, object Value)> parameters, CancellationToken ct, bool transaction = false)
    {
        var ids = new List<long>();
        await ReadAsync(sql, parameters, reader => ids.Add(reader.GetInt64(0)), ct, transaction);
        return ids;
    }

    /// <param name="transaction">In a transaction of its own, so SET LOCAL planner settings end with it.</param>
    private async Task ReadAsync(string sql, List<(string Name, object Value)> parameters, Action<DbDataReader> row, CancellationToken ct, bool transaction = false)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var scope = transaction ? await connection.BeginTransactionAsync(ct) : null;
            await using DbCommand command = connection.CreateCommand();
            command.Transaction = scope;
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                row(reader);
            }
            await reader.DisposeAsync();
            if (scope is not null)
            {
                await scope.CommitAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
