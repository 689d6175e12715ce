namespace DuLuan.Analysis.Text;

/// <summary>A segmented word: character offsets plus the tokens it spans ("mạng xã hội" = 3 syllable tokens).</summary>
public readonly record struct Word(int Start, int Length, int FirstToken, int TokenCount, TokenKind Kind)
{
    public int End => Start + Length;

    public string Text(string text) => text.Substring(Start, Length);
}
