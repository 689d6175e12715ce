using System.Text;

namespace DuLuan.Analysis.Text;

/// <summary>
/// NFC of a Vietnamese vowel followed by one or two of the eight combining marks Vietnamese uses (five tones,
/// circumflex, breve, horn), precomputed with .NET's own NFC so the one-pass normaliser composes by table.
/// A vowel is always a starter, so NFC of the cluster is NFC of that part of the whole text.
/// </summary>
internal static class VietnameseMarks
{
    private const string Marks = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B";
    private const int Codes = 9;
    private static readonly char[] Composed = Build();

    private static char[] Build()
    {
        var table = new char[12 * VietnameseLetters.ToneCount * 2 * Codes * Codes];
        for (var v = 0; v < 12; v++)
        {
            for (var t = 0; t < VietnameseLetters.ToneCount; t++)
            {
                for (var upper = 0; upper < 2; upper++)
                {
                    var baseChar = VietnameseLetters.Compose(v, t, upper == 1);
                    for (var m1 = 1; m1 < Codes; m1++)
                    {
                        for (var m2 = 0; m2 < Codes; m2++)
                        {
                            var cluster = string.Concat(baseChar.ToString(), Marks[m1 - 1].ToString(), m2 == 0 ? "" : Marks[m2 - 1].ToString());
                            var nfc = cluster.Normalize(NormalizationForm.FormC);
                            table[Index(baseChar, m1, m2)] = nfc.Length == 1 ? nfc[0] : '\0';
                        }
                    }
                }
            }
        }
        return table;
    }

    private static int Index(char vowel, int m1, int m2)
    {
        var info = VietnameseLetters.InfoOf(vowel);
        var baseIndex = ((((info & 0xF) - 1) * VietnameseLetters.ToneCount) + ((info >> 4) & 7)) * 2 + ((info >> 7) & 1);
        return ((baseIndex * Codes) + m1) * Codes + m2;
    }

    private static int Code(char mark) => Marks.IndexOf(mark, StringComparison.Ordinal) + 1;

    /// <summary>
    /// <paramref name="vowel"/> is at <paramref name="index"/> and is followed by marks or invisible characters:
    /// consumes them and composes. False when the cluster does not compose to one character by this table.
    /// </summary>
    internal static bool TryComposeFollowing(ReadOnlySpan<char> text, ref int index, ref char vowel, ref bool changed)
    {
        var m1 = 0;
        var m2 = 0;
        var j = index + 1;
        for (; j < text.Length; j++)
        {
            var kind = CharTables.Class[text[j]];
            if (kind == CharTables.Drop)
            {
                changed = true;
                continue;
            }

            if (kind != CharTables.Mark)
            {
                break;
            }

            var code = Code(text[j]);
            if (code == 0 || m2 != 0)
            {
                return false;
            }

            if (m1 == 0)
            {
                m1 = code;
            }
            else
            {
                m2 = code;
            }
        }
        index = j - 1;
        if (m1 == 0)
        {
            return true;
        }

        var composed = Composed[Index(vowel, m1, m2)];
        if (composed == '\0')
        {
            return false;
        }

        vowel = composed;
        changed = true;
        return true;
    }
}
