namespace DuLuan.Analysis.Text;

/// <summary>Reads the search box: words, "phrases", -exclusions, OR and |, into AND-of-OR groups.</summary>
internal static class SearchQueryParser
{
    private readonly record struct Item(int Position, SearchPhrase? Phrase, bool Excluded)
    {
        public bool IsOr => Phrase is null;
    }

    public static SearchQuery Parse(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Length > SearchQuery.MaxLength)
        {
            throw new TextSyntaxException(
                SearchQuery.MaxLength,
                $"câu tìm kiếm dài quá {SearchQuery.MaxLength} ký tự",
                $"the search is longer than {SearchQuery.MaxLength} characters");
        }

        var groups = new List<List<SearchPhrase>>();
        var excluded = new List<SearchPhrase>();
        var tokenCount = 0;
        int? pendingOr = null;
        var lastWasPositive = false;
        foreach (var item in Lex(input))
        {
            if (item.IsOr)
            {
                if (!lastWasPositive || pendingOr is not null)
                {
                    throw DanglingOr(item.Position);
                }

                pendingOr = item.Position;
                lastWasPositive = false;
                continue;
            }

            tokenCount += item.Phrase!.Tokens.Count;
            if (tokenCount > SearchQuery.MaxTerms)
            {
                throw new TextSyntaxException(
                    item.Position,
                    $"câu tìm kiếm có quá {SearchQuery.MaxTerms} từ",
                    $"the search has more than {SearchQuery.MaxTerms} words");
            }

            if (item.Excluded)
            {
                if (pendingOr is { } orPosition)
                {
                    throw DanglingOr(orPosition);
                }

                excluded.Add(item.Phrase);
                lastWasPositive = false;
            }
            else
            {
                if (pendingOr is not null)
                {
                    groups[^1].Add(item.Phrase);
                }
                else
                {
                    groups.Add([item.Phrase]);
                }

                pendingOr = null;
                lastWasPositive = true;
            }
        }

        if (pendingOr is { } dangling)
        {
            throw DanglingOr(dangling);
        }

        if (groups.Count == 0 && excluded.Count == 0)
        {
            throw new TextSyntaxException(0, "chưa có từ nào để tìm", "there is nothing to search for");
        }
        if (groups.Count == 0)
        {
            throw new TextSyntaxException(0, "cần ít nhất một từ cần tìm (không chỉ các từ loại trừ)", "at least one word to find is needed (not only exclusions)");
        }
        return new SearchQuery(groups, excluded);
    }

    private static TextSyntaxException DanglingOr(int position) =>
        new(position, "OR phải nằm giữa hai từ hoặc cụm từ cần tìm", "OR must stand between two words or phrases to find");

    private static IEnumerable<Item> Lex(string input)
    {
        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (c == '|')
            {
                i++;
                yield return new Item(start, null, false);
                continue;
            }

            var excluded = false;
            if (c == '-' && i + 1 < input.Length && !char.IsWhiteSpace(input[i + 1]))
            {
                excluded = true;
                i++;
            }

            string raw;
            if (input[i] == '"')
            {
                var close = input.IndexOf('"', i + 1);
                if (close < 0)
                {
                    throw new TextSyntaxException(i, "thiếu dấu ngoặc kép đóng cụm từ", "a quoted phrase is not closed");
                }
                raw = input[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                while (i < input.Length && !char.IsWhiteSpace(input[i]) && input[i] is not '"' and not '|')
                {
                    i++;
                }

                raw = input[start..i];
                if (!excluded && raw == "OR")
                {
                    yield return new Item(start, null, false);
                    continue;
                }
            }

            // A word made only of punctuation ("%", "-", "()") adds nothing to search for.
            var tokens = SearchText.Tokens(VietnameseFold.Fold(raw));
            if (tokens.Count > 0)
            {
                yield return new Item(start, new SearchPhrase(tokens), excluded);
            }
        }
    }
}
