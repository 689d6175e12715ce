using DuLuan.Analysis.Text;
using DuLuan.Data;
using DuLuan.Features.Monitoring;
using DuLuan.Features.Monitoring.Ingest;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Monitoring;

/// <summary>
/// Search storage of migration 0031 (SQLite: the FTS join reads the unit from a covering index; PostgreSQL: the search
/// vector kept in the row) changes where the engines read, never what they answer: every query shape is checked
/// against an oracle that reads the stored folded text word by word. Relevance (issue #21) orders exactly those matches
/// by <see cref="SearchRelevance"/>, the same on both engines.
/// </summary>
public sealed class SearchIndexTests
{
    private static readonly string[] Fragments =
    [
        "Giá xăng tăng mạnh từ chiều nay.",
        "Xăng dầu và giá cả thị trường ổn định.",
        "Người dân địa phương đã được di dời an toàn.",
        "Dân người ta kể lại câu chuyện cũ.",
        "Mưa lớn khiến nhiều tuyến đường ngập sâu.",
        "Sạt lở đất ở vùng núi, giá trị thiệt hại chưa rõ.",
        "Xăng xăng xăng là tiếng gọi của người bán.",
        "Thành phố triển khai kế hoạch năm nay.",
    ];

    private static readonly string[] Queries =
    [
        "\"giá xăng\"", "gia xang", "xăng -\"giá xăng\"", "\"người dân\" OR \"dân địa\"", "nguoi dan dia phuong",
        "\"dân người\"", "ngập", "\"xăng xăng xăng\"", "\"giá\" -ngập -\"thành phố\"", "người",
    ];

    [Theory, Providers]
    public async Task Every_query_shape_finds_exactly_the_articles_its_words_and_phrases_say(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var unit = app.Tree.CommuneA1;
        var random = new Random(31);
        var entries = Enumerable.Range(0, 60).Select(i => new ParsedEntry
        {
            Id = "tin-" + i,
            Title = "Tin số " + i,
            Link = $"https://tin.example.vn/{i}.html",
            ContentText = string.Join(' ', Enumerable.Range(0, 3).Select(_ => Fragments[random.Next(Fragments.Length)])),
            Published = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero).AddMinutes(i),
        }).ToList();
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var feed = new Feed { UnitId = unit.Id, Url = "https://tin.example.vn/rss", Name = "Tin", Outlet = "Báo Tin", CreatedAt = DateTime.UtcNow, NextPollAt = DateTime.UtcNow };
            db.Feeds.Add(feed);
            await db.SaveChangesAsync();
            return await s.GetRequiredService<ArticleIngest>().IngestAsync(feed, entries);
        });
        var stored = await app.WithDbAsync(db => db.Articles.AsNoTracking().Select(a => new { a.Id, a.Folded }).ToListAsync());
        var folded = stored.ToDictionary(a => a.Id, a => a.Folded);
        Assert.Equal(60, stored.Count);

        foreach (var text in Queries)
        {
            var query = SearchQuery.Parse(text);
            var expected = stored.Where(a => Matches(query, a.Folded.Split(' '))).Select(a => a.Id).OrderByDescending(id => id).ToList();
            Assert.True(expected.Count is > 0 and < 60, $"{text} should match some articles, not all: {expected.Count}");
            foreach (var sort in new[] { SearchSort.Newest, SearchSort.Relevance })
            {
                var page = await app.WithScopeAsync(s => s.GetRequiredService<ArticleSearch>()
                    .SearchAsync(new ArticleSearchRequest(query, [unit.Id], Sort: sort, Take: 100)));
                var found = page.Articles.Select(a => a.Id).ToList();
                Assert.Equal(expected.Count, page.Total);
                Assert.Equal(sort == SearchSort.Newest ? expected : SearchRelevance.Order(query, expected.Select(id => (id, folded[id])).ToList()), found);
            }
            // PostgreSQL past its first walk: a few articles by key, then the GIN bitmap over widening id ranges or the
            // walk onwards (matches sparse or common there): same matches, same order.
            var walked = await app.WithScopeAsync(s => new ArticleSearch(s.GetRequiredService<AppDbContext>()) { DenseRows = 7 }
                .SearchAsync(new ArticleSearchRequest(query, [unit.Id], Sort: SearchSort.Newest, Take: 100)));
            Assert.Equal(expected, walked.Articles.Select(a => a.Id).ToList());
            // A date or outlet filter reads the row instead of the covering index: same answer.
            var filtered = await app.WithScopeAsync(s => s.GetRequiredService<ArticleSearch>().SearchAsync(new ArticleSearchRequest(
                query, [unit.Id], From: new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), Outlet: "Báo Tin", Sort: SearchSort.Newest, Take: 100)));
            Assert.Equal(expected, filtered.Articles.Select(a => a.Id).ToList());
            var otherOutlet = await app.WithScopeAsync(s => s.GetRequiredService<ArticleSearch>()
                .SearchAsync(new ArticleSearchRequest(query, [unit.Id], Outlet: "Báo Khác")));
            Assert.Empty(otherOutlet.Articles);
            var foreign = await app.WithScopeAsync(s => s.GetRequiredService<ArticleSearch>()
                .SearchAsync(new ArticleSearchRequest(query, [app.Tree.CommuneA2.Id])));
            Assert.Empty(foreign.Articles);
        }
    }

    [Theory, Providers]
    public async Task The_search_reads_unit_and_vector_from_the_compact_place(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var plan = await app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = db.Provider == DatabaseProvider.Sqlite
                ? "EXPLAIN QUERY PLAN SELECT a.\"Id\" FROM article_fts f JOIN articles a INDEXED BY \"IX_articles_fts_unit\" ON a.\"Id\" = f.rowid WHERE article_fts MATCH 'gia' AND a.\"UnitId\" IN (1, 2) ORDER BY f.rowid DESC LIMIT 20000"
                : "SELECT attstorage::text FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attname = 'search_vector'";
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetValue(reader.FieldCount - 1).ToString()!);
            }
            return string.Join('\n', lines);
        });
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.Contains("COVERING INDEX IX_articles_fts_unit", plan, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("m", plan);
        }
    }

    private static bool Matches(SearchQuery query, string[] tokens) =>
        query.Groups.All(group => group.Any(phrase => Contains(tokens, phrase))) && !query.Excluded.Any(phrase => Contains(tokens, phrase));

    private static bool Contains(string[] tokens, SearchPhrase phrase)
    {
        for (var i = 0; i + phrase.Tokens.Count <= tokens.Length; i++)
        {
            if (phrase.Tokens.Select((t, k) => string.Equals(tokens[i + k], t, StringComparison.Ordinal)).All(x => x))
            {
                return true;
            }
        }
        return false;
    }
}
