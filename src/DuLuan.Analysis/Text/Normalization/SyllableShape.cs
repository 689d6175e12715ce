namespace DuLuan.Analysis.Text;

/// <summary>Onset / nucleus / coda split of one toneless, lower-case syllable ("nghiêm" = ngh + iê + m).</summary>
internal readonly record struct SyllableShape(int NucleusStart, int NucleusLength, int CodaLength)
{
    private static readonly string[] Codas = ["ng", "nh", "ch", "c", "m", "n", "p", "t"];

    private static readonly HashSet<string> Nuclei = new(StringComparer.Ordinal)
    {
        "a", "\u0103", "\u00E2", "e", "\u00EA", "i", "o", "\u00F4", "\u01A1", "u", "\u01B0", "y",
        "ai", "ao", "au", "ay", "\u00E2u", "\u00E2y", "eo", "\u00EAu", "ia", "i\u00EA", "y\u00EA", "iu",
        "oa", "o\u0103", "oe", "oi", "\u00F4i", "\u01A1i", "oo", "ua", "u\u00E2", "u\u00EA", "ui", "u\u00F4",
        "u\u01A1", "uy", "\u01B0a", "\u01B0i", "\u01B0\u01A1", "\u01B0u", "i\u00EAu", "y\u00EAu", "oai", "oay",
        "oeo", "u\u00E2y", "u\u00F4i", "uya", "uy\u00EA", "uyu", "\u01B0\u01A1i", "\u01B0\u01A1u",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NucleusLookup = Nuclei.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Splits a plain syllable; false when it is not shaped like a Vietnamese syllable.</summary>
    internal static bool TryParse(ReadOnlySpan<char> plain, bool strict, out SyllableShape shape)
    {
        shape = default;
        if (plain.Length is 0 or > 7)
        {
            return false;
        }

        var onset = OnsetLength(plain);
        // "gi" and "qu" own their vowel only when another vowel follows ("gìn", "gì" keep i as nucleus).
        if (onset == 2 && plain[0] is 'g' or 'q' && (plain.Length == 2 || VietnameseLetters.VowelOf(plain[2]) < 0))
        {
            onset = 1;
        }
        var end = onset;
        while (end < plain.Length && VietnameseLetters.VowelOf(plain[end]) >= 0)
        {
            end++;
        }

        var nucleus = end - onset;
        if (nucleus is 0 or > 3)
        {
            return false;
        }

        var coda = plain[end..];
        if (coda.Length > 0)
        {
            var known = false;
            foreach (var c in Codas)
            {
                if (coda.SequenceEqual(c))
                {
                    known = true;
                    break;
                }
            }
            if (!known)
            {
                return false;
            }
        }
        if (strict && !NucleusLookup.Contains(plain.Slice(onset, nucleus)))
        {
            return false;
        }

        shape = new SyllableShape(onset, nucleus, coda.Length);
        return true;
    }

    private static int OnsetLength(ReadOnlySpan<char> p)
    {
        var second = p.Length > 1 ? p[1] : '\0';
        switch (p[0])
        {
            case 'n':
                if (second == 'g')
                {
                    return p.Length > 2 && p[2] == 'h' ? 3 : 2;
                }

                return second == 'h' ? 2 : 1;
            case 'c' or 'k' or 'p' or 't':
                return second == 'h' || (p[0] == 't' && second == 'r') ? 2 : 1;
            case 'g':
                return second is 'h' or 'i' ? 2 : 1;
            case 'q':
                return second == 'u' ? 2 : 1;
            case 'b' or 'd' or '\u0111' or 'h' or 'l' or 'm' or 'r' or 's' or 'v' or 'x' or 'f' or 'j' or 'w' or 'z':
                return 1;
            default:
                return 0;
        }
    }

    /// <summary>Index (into the whole syllable) of the vowel that carries the tone.</summary>
    internal int TonePosition(ReadOnlySpan<char> plain, ToneMarkStyle style)
    {
        var nucleus = plain.Slice(NucleusStart, NucleusLength);
        var modified = -1;
        for (var i = 0; i < nucleus.Length; i++)
        {
            var c = nucleus[i];
            if (c == '\u01A1')
            {
                return NucleusStart + i;
            }

            if (c is '\u0103' or '\u00E2' or '\u00EA' or '\u00F4' or '\u01B0')
            {
                modified = i;
            }
        }
        if (modified >= 0)
        {
            return NucleusStart + modified;
        }

        if (CodaLength > 0)
        {
            return NucleusStart + NucleusLength - 1;
        }

        return NucleusLength switch
        {
            1 => NucleusStart,
            3 => NucleusStart + 1,
            _ => style == ToneMarkStyle.Old && IsOaOeUy(nucleus) ? NucleusStart + 1 : NucleusStart,
        };
    }

    private static bool IsOaOeUy(ReadOnlySpan<char> n) =>
        (n[0] == 'o' && n[1] is 'a' or 'e') || (n[0] == 'u' && n[1] == 'y');
}
