using DuLuan.Analysis.Text;
using DuLuan.Tests.Infrastructure;
using Npgsql;

namespace DuLuan.Tests.Search;

/// <summary>The tsquery rendering of <see cref="SearchQuery"/> on a real PostgreSQL, over <see cref="SearchText.IndexForm"/> documents.</summary>
public class SearchQueryPostgresTests
{
    private static readonly string[] Documents =
    [
        "B\u00E3o s\u1ED1 5 \u0111\u1ED5 b\u1ED9 v\u00E0o \u0110\u00E0 N\u1EB5ng, m\u01B0a l\u1EDBn g\u00E2y ng\u1EADp \u00FAng.",
        "Ho\u00E0 Kh\u00E1nh: ng\u01B0\u1EDDi d\u00E2n ph\u1EA3n \u00E1nh r\u00E1c th\u1EA3i.",
        "S\u1EA1t l\u1EDF \u0111\u1EA5t \u1EDF \u0111\u00E8o H\u1EA3i V\u00E2n sau m\u01B0a l\u1EDBn.",
        "N\u1EB5ng n\u1EAFng, \u0110\u00E0 L\u1EA1t se l\u1EA1nh.",
        "Ca m\u1EAFc COVID-19 t\u1EA1i TP.HCM gi\u1EA3m 50%; li\u00EAn h\u1EC7 email@x.vn.",
        "To\u00E0n d\u00E2n tham gia.",
    ];

    [Theory]
    [InlineData("\u0110\u00E0 N\u1EB5ng", new[] { 0, 3 })]
    [InlineData("\"\u0110\u00E0 N\u1EB5ng\"", new[] { 0 })]
    [InlineData("da nang -m\u01B0a", new[] { 3 })]
    [InlineData("\"\u0111\u00E0 n\u1EB5ng\" OR \"h\u1EA3i v\u00E2n\"", new[] { 0, 2 })]
    [InlineData("h\u00F2a kh\u00E1nh", new[] { 1 })]
    [InlineData("covid-19 tp.hcm 50%", new[] { 4 })]
    [InlineData("email@x.vn", new[] { 4 })]
    [InlineData("an", new int[0])]
    [InlineData("r\u00E1c | s\u1EA1t -\"h\u1EA3i v\u00E2n\"", new[] { 1 })]
    public async Task Matches_and_non_matches(string input, int[] expected)
    {
        await using var connection = await OpenAsync();
        var query = SearchQuery.Parse(input).ToPostgresTsQuery();
        var matched = new List<int>();
        for (var i = 0; i < Documents.Length; i++)
        {
            await using var command = new NpgsqlCommand("SELECT to_tsvector('simple', @doc) @@ to_tsquery('simple', @q)", connection);
            command.Parameters.AddWithValue("doc", SearchText.IndexForm(Documents[i]));
            command.Parameters.AddWithValue("q", query);
            if ((bool)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!)
            {
                matched.Add(i);
            }
        }
        Assert.Equal(expected, matched);
    }

    [Theory]
    [InlineData("covid-19 tp.hcm 50% email@x.vn 25.000\u0111")]
    [InlineData("\u0110\u00E0 N\u1EB5ng \u2014 a_b (x/y) 1e5 m3 3G \u201Cquote\u201D")]
    public async Task Postgres_indexes_exactly_the_tokens_we_emit(string text)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT tsvector_to_array(to_tsvector('simple', @t))", connection);
        command.Parameters.AddWithValue("t", SearchText.IndexForm(text));
        var lexemes = (string[])(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        var ours = SearchText.Tokens(VietnameseFold.Fold(text)).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(ours, lexemes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_hostile_query_that_parses_is_a_valid_tsquery()
    {
        await using var connection = await OpenAsync();
        var random = new Random(9);
        var pieces = new[] { "\"", "'", "-", "|", "OR", "&", "!", "<->", ":*", "\\", "(", ")", "\0", "'); drop table x; --", "\u0111\u00E0", "a", " ", " " };
        for (var n = 0; n < 500; n++)
        {
            var input = string.Concat(Enumerable.Range(0, random.Next(1, 10)).Select(_ => pieces[random.Next(pieces.Length)]));
            string query;
            try
            {
                query = SearchQuery.Parse(input).ToPostgresTsQuery();
            }
            catch (TextSyntaxException)
            {
                continue;
            }
            await using var command = new NpgsqlCommand("SELECT to_tsquery('simple', @q)::text", connection);
            command.Parameters.AddWithValue("q", query);
            Assert.NotNull(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)); // throws PostgresException on a syntax error
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(TestDatabase.PostgresAdmin());
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}
