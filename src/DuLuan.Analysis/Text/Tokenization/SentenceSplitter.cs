namespace DuLuan.Analysis.Text;

/// <summary>Sentence boundaries at . ! ? … and line breaks, not after abbreviations, initials or inside numbers.</summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "TP", "Tp", "tp", "TS", "ThS", "PGS", "GS", "BS", "Q", "P", "TT", "KS", "Th", "St", "Mr", "Mrs", "Dr", "v.v", "vv", "No", "Nxb", "NXB",
    };

    /// <summary>Sentence ranges (start, length) over <paramref name="text"/>, trimmed of surrounding white space.</summary>
    public static List<Range> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<Range>();
        var tokens = SyllableTokenizer.Tokenize(text);
        var start = -1;
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (start < 0)
            {
                start = token.Start;
            }

            var end = token.End;
            var lineBreak = t + 1 < tokens.Count && text.AsSpan(end, tokens[t + 1].Start - end).Contains('\n');
            if (IsTerminal(text, tokens, t))
            {
                // Closing quotes and brackets belong to the sentence they close.
                while (t + 1 < tokens.Count && tokens[t + 1].Start == end && text[end] is '"' or '\'' or ')' or ']')
                {
                    t++;
                    end = tokens[t].End;
                }
                sentences.Add(new Range(start, end));
                start = -1;
            }
            else if (lineBreak)
            {
                sentences.Add(new Range(start, end));
                start = -1;
            }
        }
        if (start >= 0)
        {
            sentences.Add(new Range(start, tokens[^1].End));
        }

        return sentences;
    }

    private static bool IsTerminal(string text, List<Token> tokens, int t)
    {
        var token = tokens[t];
        if (token.Kind != TokenKind.Punctuation)
        {
            return false;
        }

        var c = text[token.Start];
        if (c is '!' or '?' or '\u2026')
        {
            return true;
        }

        if (c != '.')
        {
            return false;
        }

        if (token.Length > 1)
        {
            return t + 1 >= tokens.Count || StartsUpper(text, tokens[t + 1]);
        }

        if (t > 0 && tokens[t - 1].End == token.Start && tokens[t - 1].Kind == TokenKind.Syllable)
        {
            var previous = tokens[t - 1].Span(text);
            if (previous.Length == 1 && char.IsUpper(previous[0]))
            {
                return false;
            }

            if (Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(previous))
            {
                return false;
            }
        }
        return t + 1 >= tokens.Count || !char.IsLower(text[tokens[t + 1].Start]);
    }

    private static bool StartsUpper(string text, Token token) => char.IsUpper(text[token.Start]) || token.Kind != TokenKind.Syllable;
}
