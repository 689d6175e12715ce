using DuLuan.Analysis.Text;
using Microsoft.Data.Sqlite;

namespace DuLuan.Analysis.Tests.Search;

/// <summary>Runs the FTS5 rendering against a real SQLite FTS5 table whose column holds <see cref="SearchText.IndexForm"/>.</summary>
public sealed class Fts5SearchTests : IDisposable
{
    private static readonly string[] Documents =
    [
        "Bão số 5 đổ bộ vào Đà Nẵng, mưa lớn gây ngập úng nhiều tuyến đường.", // 1
        "Hoà Khánh: người dân phản ánh rác thải chưa được thu gom.", // 2
        "Sạt lở đất ở đèo Hải Vân sau mưa lớn, xe cộ đi lại khó khăn.", // 3
        "Nẵng nắng, Đà Lạt se lạnh: dự báo thời tiết cuối tuần.", // 4
        "Ca mắc COVID-19 mới tại TP.HCM giảm 50% so với tuần trước.", // 5
        "Liên hệ email@x.vn để được hỗ trợ về thủ tục hành chính.", // 6
        "Thành phố toàn dân tham gia dọn vệ sinh môi trường.", // 7
    ];

    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public Fts5SearchTests()
    {
        connection.Open();
        Execute("CREATE VIRTUAL TABLE docs USING fts5(body)");
        for (var i = 0; i < Documents.Length; i++)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO docs(rowid, body) VALUES ($id, $body)";
            insert.Parameters.AddWithValue("$id", i + 1);
            insert.Parameters.AddWithValue("$body", SearchText.IndexForm(Documents[i]));
            insert.ExecuteNonQuery();
        }
    }

    public void Dispose() => connection.Dispose();

    [Theory]
    [InlineData("Đà Nẵng", new long[] { 1, 4 })]
    [InlineData("\"Đà Nẵng\"", new long[] { 1 })]
    [InlineData("da nang -mưa", new long[] { 4 })]
    [InlineData("da nang -bão", new long[] { })] // "báo" in 4 folds like "bão"
    [InlineData("\"đà nẵng\" OR \"hải vân\"", new long[] { 1, 3 })]
    [InlineData("mưa lớn -\"sạt lở\"", new long[] { 1 })]
    [InlineData("hòa khánh", new long[] { 2 })]
    [InlineData("hoa\u0300 kha\u0301nh", new long[] { 2 })]
    [InlineData("covid-19", new long[] { 5 })]
    [InlineData("tp.hcm 50%", new long[] { 5 })]
    [InlineData("email@x.vn", new long[] { 6 })]
    [InlineData("an", new long[] { })]
    [InlineData("toan", new long[] { 7 })]
    [InlineData("NEAR AND NOT", new long[] { })]
    [InlineData("rác | sạt -\"hải vân\"", new long[] { 2 })]
    public void Matches_and_non_matches(string input, long[] expected)
    {
        Assert.Equal(expected, Search(SearchQuery.Parse(input).ToFts5Match()));
    }

    [Theory]
    [InlineData("covid-19")]
    [InlineData("tp.hcm")]
    [InlineData("50%")]
    [InlineData("email@x.vn")]
    [InlineData("Đà Nẵng, 25.000đ; a_b (x/y) \u201Cquote\u201D 😀 k\u200Bm")]
    public void Fts5_indexes_exactly_the_tokens_we_emit(string text)
    {
        // FTS5's unicode61 tokenizer over the plain folded text yields the same tokens as SearchText, so the index
        // form changes nothing for SQLite; it exists for PostgreSQL's parser, which keeps hosts and e-mails whole.
        Execute("CREATE VIRTUAL TABLE probe USING fts5(body)");
        Execute("CREATE VIRTUAL TABLE probe_terms USING fts5vocab(probe, 'instance')");
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO probe(body) VALUES ($body)";
            insert.Parameters.AddWithValue("$body", VietnameseFold.Fold(text));
            insert.ExecuteNonQuery();
        }
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT term FROM probe_terms ORDER BY offset";
        var indexed = new List<string>();
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                indexed.Add(reader.GetString(0));
            }
        }
        Assert.Equal(SearchText.Tokens(VietnameseFold.Fold(text)), indexed);
    }

    [Fact]
    public void Every_hostile_query_that_parses_is_valid_fts5()
    {
        var random = new Random(7);
        for (var n = 0; n < 3_000; n++)
        {
            SearchQuery query;
            try
            {
                query = SearchQuery.Parse(SearchQueryHostileTests.HostileString(random));
            }
            catch (TextSyntaxException)
            {
                continue;
            }
            Search(query.ToFts5Match()); // throws SqliteException on an FTS5 syntax error
        }
    }

    private List<long> Search(string match)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM docs WHERE docs MATCH $q ORDER BY rowid";
        command.Parameters.AddWithValue("$q", match);
        var ids = new List<long>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
