namespace DuLuan.Analysis.Text;

/// <summary>A piece of a snippet: render <see cref="IsMatch"/> pieces in &lt;mark&gt;, all with normal HTML encoding.</summary>
public readonly record struct SnippetSegment(string Text, bool IsMatch);

/// <summary>
/// Finds searched words and phrases in an original text, whole tokens only and ignoring case and diacritics
/// ("an" never lights up inside "toàn"), and cuts the best window around them.
/// </summary>
public static class Snippet
{
    public const int DefaultLength = 200;
    private const string Ellipsis = "\u2026";

    /// <summary>The window of about <paramref name="maxLength"/> characters with the most distinct phrases, cut at word boundaries, "…" where cut.</summary>
    public static IReadOnlyList<SnippetSegment> Build(string text, IReadOnlyList<SearchPhrase> phrases, int maxLength = DefaultLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(phrases);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 20);
        var matches = SnippetMatcher.Find(text, phrases);
        if (text.Length <= maxLength)
        {
            return Segments(text, matches, 0, text.Length);
        }

        var (start, end) = BestWindow(text, matches, maxLength);
        var segments = new List<SnippetSegment>();
        if (start > 0)
        {
            segments.Add(new SnippetSegment(Ellipsis, false));
        }

        segments.AddRange(Segments(text, matches, start, end));
        if (end < text.Length)
        {
            segments.Add(new SnippetSegment(Ellipsis, false));
        }

        return segments;
    }

    /// <summary>The whole text with matches marked (titles, short fields).</summary>
    public static IReadOnlyList<SnippetSegment> Highlight(string text, IReadOnlyList<SearchPhrase> phrases)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(phrases);
        return Segments(text, SnippetMatcher.Find(text, phrases), 0, text.Length);
    }

    private static (int Start, int End) BestWindow(string text, List<SnippetMatch> matches, int maxLength)
    {
        var anchor = 0;
        if (matches.Count > 0)
        {
            var best = -1;
            var bestScore = (-1, -1);
            for (var i = 0; i < matches.Count; i++)
            {
                var limit = matches[i].Start + maxLength;
                var inside = matches.Skip(i).TakeWhile(m => m.End <= limit).ToList();
                var score = (inside.Select(m => m.Phrase).Distinct().Count(), inside.Count);
                if (score.CompareTo(bestScore) > 0)
                {
                    best = i;
                    bestScore = score;
                }
            }
            // Some context before the first match, when the window has room for it.
            var first = matches[best];
            var used = matches.Skip(best).TakeWhile(m => m.End <= first.Start + maxLength).Last().End - first.Start;
            anchor = Math.Max(0, first.Start - Math.Min(maxLength / 4, (maxLength - used) / 2));
        }

        var start = anchor == 0 ? 0 : WordStartAtOrAfter(text, anchor, matches.Count > 0 ? matches.First(m => m.End > anchor).Start : anchor);
        var end = Math.Min(text.Length, start + maxLength);
        if (end < text.Length)
        {
            end = WordEndAtOrBefore(text, end, start);
        }

        foreach (var m in matches)
        {
            if (m.Start < end && m.End > end)
            {
                end = m.End; // never cut a match in two
            }
        }
        return (start, TrimEnd(text, start, end));
    }

    private static int WordStartAtOrAfter(string text, int position, int notAfter)
    {
        var i = position;
        while (i > 0 && i < notAfter && !char.IsWhiteSpace(text[i - 1]))
        {
            i++;
        }

        if (i >= notAfter)
        {
            i = notAfter;
        }

        while (i < notAfter && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int WordEndAtOrBefore(string text, int position, int notBefore)
    {
        var i = position;
        while (i > notBefore && !char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        if (i > notBefore)
        {
            return i;
        }
        // One long word (a URL): cut inside it, but never between a surrogate pair or before a combining mark.
        i = position;
        while (i > notBefore + 1 && (char.IsLowSurrogate(text[i]) || SnippetMatcher.FoldsToNothing(text[i])))
        {
            i--;
        }

        return i;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static List<SnippetSegment> Segments(string text, List<SnippetMatch> matches, int start, int end)
    {
        var segments = new List<SnippetSegment>();
        var at = start;
        foreach (var m in matches)
        {
            if (m.End <= at || m.Start >= end)
            {
                continue;
            }

            var s = Math.Max(m.Start, at);
            if (s > at)
            {
                segments.Add(new SnippetSegment(text[at..s], false));
            }

            var e = Math.Min(m.End, end);
            segments.Add(new SnippetSegment(text[s..e], true));
            at = e;
        }
        if (at < end)
        {
            segments.Add(new SnippetSegment(text[at..end], false));
        }

        return segments;
    }
}
