using System.Text;

namespace DuLuan.Analysis.Text;

/// <summary>
/// What a user typed into a search box, read as: words (all must match), "quoted phrases", <c>OR</c> or <c>|</c>
/// between words/phrases (either may match), <c>-word</c> or <c>-"phrase"</c> to exclude. OR binds tighter than the
/// implicit AND, so <c>bão lũ OR sạt lở</c> means bão AND (lũ OR sạt lở); parentheses are not needed and are read as
/// punctuation. Everything is folded (<see cref="VietnameseFold"/>) and split into letter/digit runs, so "Đà Nẵng",
/// "da nang" and "đà nẵng" are the same query, and a word such as "covid-19" is the phrase "covid 19".
/// The full-text column must hold <see cref="SearchText.IndexForm"/> of the document.
/// Both renderings quote every token, so nothing the user types can act as FTS5 or tsquery syntax;
/// pass them as query parameters, never by string concatenation into SQL.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 500;
    public const int MaxTerms = 32;

    internal SearchQuery(List<List<SearchPhrase>> groups, List<SearchPhrase> excluded)
    {
        Groups = groups;
        Excluded = excluded;
        Highlights = groups.SelectMany(g => g).Distinct().ToList();
    }

    /// <summary>All groups must match; within a group, any phrase.</summary>
    public IReadOnlyList<IReadOnlyList<SearchPhrase>> Groups { get; }

    public IReadOnlyList<SearchPhrase> Excluded { get; }

    /// <summary>The distinct positive words and phrases, for <see cref="Snippet"/>.</summary>
    public IReadOnlyList<SearchPhrase> Highlights { get; }

    /// <exception cref="TextSyntaxException">Empty, only exclusions, unclosed quote, dangling OR, too long.</exception>
    public static SearchQuery Parse(string input) => SearchQueryParser.Parse(input);

    /// <summary>An SQLite FTS5 MATCH expression, e.g. <c>("da nang" AND ("bao" OR "lu")) NOT ("sat lo")</c>.</summary>
    public string ToFts5Match()
    {
        var positive = string.Join(" AND ", Groups.Select(g => Either(g, Fts5Phrase, " OR ")));
        if (Excluded.Count == 0)
        {
            return positive;
        }

        return $"({positive}) NOT ({string.Join(" OR ", Excluded.Select(Fts5Phrase))})";
    }

    /// <summary>A <c>to_tsquery('simple', @q)</c> argument, e.g. <c>('da' &lt;-&gt; 'nang') &amp; !'lu'</c>.</summary>
    public string ToPostgresTsQuery()
    {
        var parts = Groups.Select(g => Either(g, TsPhrase, " | "))
            .Concat(Excluded.Select(p => "!" + TsPhrase(p)));
        return string.Join(" & ", parts);
    }

    public override string ToString() => ToFts5Match();

    private static string Either(IReadOnlyList<SearchPhrase> group, Func<SearchPhrase, string> render, string separator) =>
        group.Count == 1 ? render(group[0]) : "(" + string.Join(separator, group.Select(render)) + ")";

    private static string Fts5Phrase(SearchPhrase phrase) =>
        "\"" + string.Join(' ', phrase.Tokens).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string TsPhrase(SearchPhrase phrase)
    {
        var quoted = phrase.Tokens.Select(TsLexeme).ToList();
        return quoted.Count == 1 ? quoted[0] : "(" + string.Join(" <-> ", quoted) + ")";
    }

    private static string TsLexeme(string token)
    {
        var sb = new StringBuilder(token.Length + 2).Append('\'');
        foreach (var c in token)
        {
            if (c is '\'' or '\\')
            {
                sb.Append(c);
            }

            sb.Append(c);
        }
        return sb.Append('\'').ToString();
    }
}
