namespace DuLuan.Analysis.Text;

/// <summary>TCVN 5712:1993 VN3 ("ABC", .VnTime fonts): precomposed lower case in 0xA1..0xFE.</summary>
internal static class Tcvn3Codec
{
    // Each vowel row lists grave, hook, tilde, acute, dot below: the order TCVN3 stores them in.
    private static readonly (int Code, string Chars)[] Rows =
    [
        (0xA1, "\u0102\u00C2\u00CA\u00D4\u01A0\u01AF\u0110"),
        (0xA8, "\u0103\u00E2\u00EA\u00F4\u01A1\u01B0\u0111"),
        (0xB5, "\u00E0\u1EA3\u00E3\u00E1\u1EA1"),
        (0xBB, "\u1EB1\u1EB3\u1EB5\u1EAF"),
        (0xC6, "\u1EB7\u1EA7\u1EA9\u1EAB\u1EA5\u1EAD\u00E8"),
        (0xCE, "\u1EBB\u1EBD\u00E9\u1EB9\u1EC1\u1EC3\u1EC5\u1EBF\u1EC7\u00EC\u1EC9"),
        (0xDC, "\u0129\u00ED\u1ECB\u00F2"),
        (0xE1, "\u1ECF\u00F5\u00F3\u1ECD\u1ED3\u1ED5\u1ED7\u1ED1\u1ED9\u1EDD\u1EDF\u1EE1\u1EDB\u1EE3\u00F9"),
        (0xF1, "\u1EE7\u0169\u00FA\u1EE5\u1EEB\u1EED\u1EEF\u1EE9\u1EF1\u1EF3\u1EF7\u1EF9\u00FD\u1EF5"),
    ];

    private static readonly char[] ToUnicode = BuildTable();

    private static char[] BuildTable()
    {
        var table = new char[256];
        for (var b = 0; b < 256; b++)
        {
            table[b] = (char)b;
        }

        foreach (var (code, chars) in Rows)
        {
            for (var i = 0; i < chars.Length; i++)
            {
                table[code + i] = chars[i];
            }
        }
        return table;
    }

    internal static string Decode(ReadOnlySpan<byte> bytes) =>
        string.Create(bytes.Length, bytes.ToArray(), static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = ToUnicode[source[i]];
            }
        });

    /// <summary>Text that was TCVN3 bytes read as Latin-1/Windows-1252 (common in old feeds and pasted documents).</summary>
    internal static string FromLatin1View(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c <= '\u00FF' ? ToUnicode[c] : c;
            }
        });
}
