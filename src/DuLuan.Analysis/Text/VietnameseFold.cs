namespace DuLuan.Analysis.Text;

/// <summary>Search key: lower case, no diacritics, đ -> d.</summary>
public static class VietnameseFold
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = FoldChar(source[i]);
            }
        });
    }

    public static char FoldChar(char c) => c < 128 ? (char)(c is >= 'A' and <= 'Z' ? c | 0x20 : c) : FoldSlow(c);

    private static char FoldSlow(char c)
    {
        if (c is '\u0111' or '\u0110') return 'd';
        var decomposed = c.ToString().Normalize(System.Text.NormalizationForm.FormD);
        return char.ToLowerInvariant(decomposed[0]);
    }
}
