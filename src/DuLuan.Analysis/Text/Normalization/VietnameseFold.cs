using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace DuLuan.Analysis.Text;

/// <summary>
/// Search key: lower case, no diacritics, đ -> d, in one table-driven pass.
/// Defined as lower(strip-marks(NFD(x))) per character, so canonically equivalent inputs share a key
/// and Fold(Normalize(x)) == Fold(x).
/// </summary>
public static class VietnameseFold
{
    private const char Expand = '\uFFFF';
    private const char Surrogate = '\uFFFE';
    private static readonly char[] Table = new char[65536];
    private static readonly Dictionary<char, string> Expansions = [];

    static VietnameseFold()
    {
        for (var c = 0; c < 65536; c++)
        {
            var ch = (char)c;
            Table[c] = CharTables.Class[c] switch
            {
                CharTables.HighSurrogate or CharTables.LowSurrogate => Surrogate,
                CharTables.Drop or CharTables.Mark => '\0',
                CharTables.Map => FoldOne(CharTables.Mapped[c]),
                _ => FoldOne(ch),
            };
            if (Table[c] == Expand)
            {
                Expansions[ch] = FoldSequence(ch.ToString());
            }
        }
    }

    private static char FoldOne(char c)
    {
        var folded = FoldSequence(c.ToString());
        return folded.Length switch
        {
            0 => '\0',
            1 => folded[0],
            _ => Expand,
        };
    }

    private static string FoldSequence(string s)
    {
        string decomposed;
        try
        {
            decomposed = s.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            return "\uFFFD";
        }
        var sb = new StringBuilder(decomposed.Length);
        foreach (var d in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(d) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(d);
            sb.Append(lower is '\u0111' ? 'd' : lower);
        }
        return sb.ToString();
    }

    /// <summary>The raw table entry: the folded character, '\0' (dropped), U+FFFE (surrogate) or U+FFFF (several characters).</summary>
    internal static char TableEntry(char c) => Table[c];

    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Fold(text.AsSpan());
    }

    public static string Fold(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var written = TryFoldSameLength(text, buffer);
            return written >= 0 ? new string(buffer, 0, written) : FoldSlow(text);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Folds into <paramref name="destination"/> (at least as long as the input); -1 when an expansion or surrogate needs the slow path.</summary>
    internal static int TryFoldSameLength(ReadOnlySpan<char> text, Span<char> destination)
    {
        ref var table = ref MemoryMarshal.GetArrayDataReference(Table);
        var w = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var f = Unsafe.Add(ref table, text[i]);
            if (f >= Surrogate)
            {
                return -1;
            }

            destination[w] = f;
            w += f == '\0' ? 0 : 1;
        }
        return w;
    }

    private static string FoldSlow(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var f = Table[c];
            if (f == Expand)
            {
                sb.Append(Expansions[c]);
            }
            else if (f == Surrogate)
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    var pair = text.Slice(i, 2).ToString();
                    sb.Append(CharTables.IsStableSupplementary(pair[0], pair[1]) ? pair : FoldSequence(pair));
                    i++;
                }
                else
                {
                    sb.Append('\uFFFD');
                }
            }
            else if (f != '\0')
            {
                sb.Append(f);
            }
        }
        return sb.ToString();
    }

    /// <summary>One character's key; '\0' for characters the key drops (marks, invisible characters).</summary>
    public static char FoldChar(char c)
    {
        var f = Table[c];
        return f switch
        {
            Expand => Expansions[c][0],
            Surrogate => c,
            _ => f,
        };
    }
}
