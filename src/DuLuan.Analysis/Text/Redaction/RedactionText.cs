namespace DuLuan.Analysis.Text;

/// <summary>A word of the text being redacted: its offsets, folded form and how it was written.</summary>
internal readonly record struct RedactionWord(int Start, int End, string Fold, string Lower, bool Capitalised, bool HasMarks, bool IsNumber, bool Caseless, bool SentenceStart, bool LineHasMarks = true);

/// <summary>
/// The text cut into words, each with its folded form (lower case, no diacritics) and whether its line gives case any
/// meaning: in a line written all in capitals or all in lower case, "Nguyễn" and "nguyen" say nothing about names.
/// </summary>
internal sealed class RedactionText
{
    private RedactionText(string text, string folded, List<RedactionWord> words)
    {
        Text = text;
        Folded = folded;
        Words = words;
    }

    public string Text { get; }

    /// <summary>Same length as <see cref="Text"/>, one folded character per character.</summary>
    public string Folded { get; }

    public List<RedactionWord> Words { get; }

    public static RedactionText Of(string text)
    {
        var folded = string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var f = VietnameseFold.FoldChar(source[i]);
                span[i] = f == '\0' ? source[i] : f;
            }
        });
        var words = new List<RedactionWord>();
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            AddLine(text, folded, lineStart, lineEnd, words);
            lineStart = lineEnd + 1;
        }
        return new RedactionText(text, folded, words);
    }

    /// <summary>The characters between word <paramref name="index"/> and the next one (empty at the end).</summary>
    public ReadOnlySpan<char> GapAfter(int index)
        => index + 1 < Words.Count ? Text.AsSpan(Words[index].End, Words[index + 1].Start - Words[index].End) : Text.AsSpan(Words[index].End);

    /// <summary>True when only spaces separate word <paramref name="index"/> from the next one.</summary>
    public bool JoinedToNext(int index)
    {
        if (index + 1 >= Words.Count)
        {
            return false;
        }

        foreach (var c in GapAfter(index))
        {
            if (c != ' ')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Index of the first word ending after <paramref name="offset"/> (words are in text order), or the word count.</summary>
    public int FirstWordEndingAfter(int offset)
    {
        int lo = 0, hi = Words.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Words[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /// <summary>Does the run of words starting at <paramref name="index"/> spell <paramref name="phrase"/> (folded, spaces between)?</summary>
    public bool Spells(int index, string phrase, out int count)
    {
        count = 0;
        var at = 0;
        var i = index;
        while (at < phrase.Length)
        {
            if (i >= Words.Count)
            {
                return false;
            }

            var next = phrase.IndexOf(' ', at);
            var part = next < 0 ? phrase.AsSpan(at) : phrase.AsSpan(at, next - at);
            if (!Words[i].Fold.AsSpan().SequenceEqual(part) || (next >= 0 && !JoinedToNext(i)))
            {
                return false;
            }

            i++;
            at = next < 0 ? phrase.Length : next + 1;
        }
        count = i - index;
        return true;
    }

    private static void AddLine(string text, string folded, int start, int end, List<RedactionWord> words)
    {
        var first = words.Count;
        int upper = 0, lower = 0, capitalisedWords = 0, letterWords = 0;
        var i = start;
        while (i < end)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var s = i;
            while (i < end && (IsWordChar(text[i]) || (text[i] == '/' && i + 1 < end && i > s && IsWordChar(text[i + 1]) && (char.IsDigit(text[i - 1]) || i - s <= 2))))
            {
                i++;
            }

            var hasMarks = false;
            for (var k = s; k < i; k++)
            {
                var c = text[k];
                if (char.IsLetter(c))
                {
                    if (char.IsUpper(c))
                    {
                        upper++;
                    }
                    else
                    {
                        lower++;
                    }
                }
                if (c > 0x7F && char.IsLetter(c))
                {
                    hasMarks = true;
                }
            }
            var isNumber = char.IsDigit(text[s]);
            var capitalised = char.IsUpper(text[s]);
            if (!isNumber)
            {
                letterWords++;
                if (capitalised)
                {
                    capitalisedWords++;
                }
            }
            words.Add(new RedactionWord(s, i, folded[s..i], text[s..i].ToLowerInvariant(), capitalised, hasMarks, isNumber, false, IsSentenceStart(text, start, s)));
        }

        var letters = upper + lower;
        var caps = letters >= 8 && upper >= 0.7 * letters;
        var noCapitals = letterWords >= 3 && capitalisedWords <= 1;
        var marked = false;
        for (var w = first; w < words.Count; w++)
        {
            marked |= words[w].HasMarks;
        }
        for (var w = first; w < words.Count; w++)
        {
            words[w] = words[w] with { Caseless = caps || noCapitals, LineHasMarks = marked };
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;

    private static bool IsSentenceStart(string text, int lineStart, int index)
    {
        for (var k = index - 1; k >= lineStart; k--)
        {
            var c = text[k];
            if (c == ' ' || c == '"' || c == '\'' || c == '“' || c == '(' || c == '*' || c == '-' || c == '•')
            {
                continue;
            }

            return c is '.' or '!' or '?' or ':' or ';';
        }
        return true;
    }
}
