using System.Text;
using System.Text.RegularExpressions;
using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Search;

public partial class SearchQueryHostileTests
{
    private static readonly string[] Pieces =
    [
        "\"", "\"", "'", "-", "|", "OR", "AND", "NOT", "NEAR", "NEAR(", "*", "^", ":", "body:", "{body}", "(", ")", "\0",
        "'); drop table docs; --", "\\", "<->", "&", "!", ":*", "đà", "Nẵng", "a\u0300", "\u200B", "\uD800", "😀", "covid-19",
        "tp.hcm", "50%", "x", " ", " ", " ", "\t", "\n", "@", "+", "$", "%", ";", "`", "\u00A0",
    ];

    [GeneratedRegex("""^(?:[() ]|AND|OR|NOT|"[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*")+$""")]
    private static partial Regex Fts5Shape();

    [GeneratedRegex("""^(?:[() &|!]|<->|'[\p{L}\p{N}]+')+$""")]
    private static partial Regex TsQueryShape();

    internal static string HostileString(Random random)
    {
        var sb = new StringBuilder();
        var count = random.Next(1, 12);
        for (var i = 0; i < count; i++)
        {
            sb.Append(Pieces[random.Next(Pieces.Length)]);
            if (random.Next(3) == 0)
            {
                sb.Append(' ');
            }
        }
        return sb.ToString();
    }

    [Fact]
    public void Hostile_input_gives_a_friendly_error_or_only_quoted_tokens_and_operators()
    {
        var random = new Random(20261123);
        var parsed = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var input = HostileString(random);
            SearchQuery query;
            try
            {
                query = SearchQuery.Parse(input);
            }
            catch (TextSyntaxException error)
            {
                Assert.InRange(error.Position, 0, input.Length);
                Assert.False(string.IsNullOrWhiteSpace(error.ReasonVi));
                continue;
            }
            parsed++;
            Assert.Matches(Fts5Shape(), query.ToFts5Match());
            Assert.Matches(TsQueryShape(), query.ToPostgresTsQuery());
            Assert.NotEmpty(query.Highlights);
        }
        Assert.InRange(parsed, 5_000, 20_000);
    }
}
