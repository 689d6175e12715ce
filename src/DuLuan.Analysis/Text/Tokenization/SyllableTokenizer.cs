using System.Globalization;

namespace DuLuan.Analysis.Text;

/// <summary>Splits text into syllables, numbers, punctuation and symbols with offsets, in one pass and without allocating.</summary>
public static class SyllableTokenizer
{
    public static List<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 4 + 1);
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>Appends tokens to <paramref name="tokens"/> (reuse the list to avoid allocation).</summary>
    public static void Tokenize(ReadOnlySpan<char> text, List<Token> tokens)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var kind = Next(text, ref i);
            if (kind is { } k)
            {
                tokens.Add(new Token(start, i - start, k));
            }
        }
    }

    /// <summary>Counts syllable tokens only (for throughput measurement and sizing).</summary>
    public static int CountSyllables(ReadOnlySpan<char> text)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (Next(text, ref i) == TokenKind.Syllable)
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>Reads the token starting at <paramref name="i"/> and advances past it; null for white space.</summary>
    internal static TokenKind? Next(ReadOnlySpan<char> text, ref int i)
    {
        var c = text[i];
        if (c < 128)
        {
            if (char.IsAsciiLetter(c))
            {
                return ReadWord(text, ref i);
            }

            if (char.IsAsciiDigit(c))
            {
                return ReadNumber(text, ref i);
            }

            if (c is ' ' or '\t' or '\n' or '\r')
            {
                i++;
                return null;
            }
            return ReadPunctuation(text, ref i);
        }
        if (char.IsLetter(c))
        {
            return ReadWord(text, ref i);
        }

        if (char.IsWhiteSpace(c))
        {
            i++;
            return null;
        }
        if (char.IsDigit(c))
        {
            return ReadNumber(text, ref i);
        }

        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            i += 2;
            return TokenKind.Symbol;
        }
        i++;
        return char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
    }

    private static TokenKind ReadWord(ReadOnlySpan<char> text, ref int i)
    {
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c) || IsMark(c))
            {
                i++;
            }
            else
            {
                break;
            }
        }
        return TokenKind.Syllable;
    }

    private static TokenKind ReadNumber(ReadOnlySpan<char> text, ref int i)
    {
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsDigit(c))
            {
                i++;
            }
            else if (c is '.' or ',' or '/' or '-' or ':' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                i += 2;
            }
            else if (char.IsLetter(c))
            {
                // "m3"-style tokens start with a letter; "3G", "5km" keep digits and letters together.
                return ReadWord(text, ref i);
            }
            else
            {
                break;
            }
        }
        return TokenKind.Number;
    }

    private static TokenKind ReadPunctuation(ReadOnlySpan<char> text, ref int i)
    {
        var c = text[i];
        i++;
        if (c == '.')
        {
            while (i < text.Length && text[i] == '.')
            {
                i++;
            }
        }
        return char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
    }

    private static bool IsMark(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }
}
