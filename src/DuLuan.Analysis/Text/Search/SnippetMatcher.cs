using System.Text;

namespace DuLuan.Analysis.Text;

/// <summary>A found phrase as a range of the original text; overlapping finds are merged.</summary>
internal readonly record struct SnippetMatch(int Start, int End, int Phrase);

/// <summary>
/// Tokenises the original text the way <see cref="SearchText"/> tokenises its folded form, keeping each token's
/// range in the original (folding may drop combining marks or expand a character, so folded and original indexes
/// differ), then finds the phrases token by token.
/// </summary>
internal static class SnippetMatcher
{
    private readonly record struct OriginalToken(string Folded, int Start, int End);

    public static List<SnippetMatch> Find(string text, IReadOnlyList<SearchPhrase> phrases)
    {
        var tokens = Tokenize(text);
        var found = new List<SnippetMatch>();
        for (var p = 0; p < phrases.Count; p++)
        {
            var wanted = phrases[p].Tokens;
            if (wanted.Count == 0)
            {
                continue;
            }

            for (var i = 0; i + wanted.Count <= tokens.Count; i++)
            {
                var all = true;
                for (var k = 0; k < wanted.Count && all; k++)
                {
                    all = string.Equals(tokens[i + k].Folded, wanted[k], StringComparison.Ordinal);
                }

                if (all)
                {
                    found.Add(new SnippetMatch(tokens[i].Start, tokens[i + wanted.Count - 1].End, p));
                }
            }
        }
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<SnippetMatch>();
        foreach (var m in found)
        {
            if (merged.Count > 0 && m.Start < merged[^1].End)
            {
                if (m.End > merged[^1].End)
                {
                    merged[^1] = merged[^1] with { End = m.End };
                }

                continue;
            }
            merged.Add(m);
        }
        return merged;
    }

    public static bool FoldsToNothing(char c) => VietnameseFold.FoldChar(c) == '\0';

    private static List<OriginalToken> Tokenize(string text)
    {
        var tokens = new List<OriginalToken>();
        var folded = new StringBuilder();
        var start = -1;
        var end = -1;
        var i = 0;
        while (i < text.Length)
        {
            var unit = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var f = VietnameseFold.Fold(text.AsSpan(i, unit));
            if (f.Length == 0)
            {
                if (start >= 0)
                {
                    end = i + unit; // a combining mark or invisible character stays inside its word
                }
            }
            else
            {
                foreach (var piece in SplitRunes(f))
                {
                    if (piece.IsToken)
                    {
                        if (start < 0)
                        {
                            start = i;
                        }

                        folded.Append(piece.Text);
                        end = i + unit;
                    }
                    else if (start >= 0)
                    {
                        tokens.Add(new OriginalToken(folded.ToString(), start, end));
                        folded.Clear();
                        start = -1;
                    }
                }
            }
            i += unit;
        }
        if (start >= 0)
        {
            tokens.Add(new OriginalToken(folded.ToString(), start, end));
        }

        return tokens;
    }

    private static IEnumerable<(string Text, bool IsToken)> SplitRunes(string folded)
    {
        var i = 0;
        while (i < folded.Length)
        {
            var ok = Rune.DecodeFromUtf16(folded.AsSpan(i), out var rune, out var used) == System.Buffers.OperationStatus.Done;
            yield return (folded.Substring(i, used), ok && SearchText.IsTokenRune(rune));
            i += used;
        }
    }
}
