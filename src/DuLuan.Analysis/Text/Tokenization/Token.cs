namespace DuLuan.Analysis.Text;

public enum TokenKind : byte
{
    /// <summary>A run of letters (possibly with digits: "A5", "m3"); in Vietnamese, one syllable.</summary>
    Syllable = 0,
    /// <summary>Digits, with inner separators when a digit follows ("25.000", "3,5", "30-4-1975").</summary>
    Number = 1,
    Punctuation = 2,
    /// <summary>Anything else that is not white space (symbols, emoji, unpaired surrogates).</summary>
    Symbol = 3,
}

/// <summary>A token as offsets into the text it came from, so callers slice without allocating.</summary>
public readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    public int End => Start + Length;

    public ReadOnlySpan<char> Span(string text) => text.AsSpan(Start, Length);

    public string Text(string text) => text.Substring(Start, Length);
}
