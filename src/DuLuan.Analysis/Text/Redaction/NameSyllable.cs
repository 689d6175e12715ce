namespace DuLuan.Analysis.Text;

/// <summary>
/// The shape of a word as a syllable, for the learned span model's names that no list holds: is the folded word a Vietnamese
/// syllable (an onset, one to three vowels, a final consonant that Vietnamese allows: "Phúc", "Nguyễn", "Niê"), or not
/// ("Ksor", "Mlô", "Rmah", "Smith", "Ji", "pinang"); its rhyme and tone; and, when it is not one, its first two and last three letters.
/// </summary>
internal static class NameSyllable
{
    /// <summary>Onsets, longer first so that "ngh" wins over "ng" and "n".</summary>
    private static readonly string[] Onsets = ["ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch", "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"];

    private static readonly string[] Codas = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

    private const string Sac = "áắấéếíóốớúứý";
    private const string Huyen = "àằầèềìòồờùừỳ";
    private const string Hoi = "ảẳẩẻểỉỏổởủửỷ";
    private const string Nga = "ãẵẫẽễĩõỗỡũữỹ";
    private const string Nang = "ạặậẹệịọộợụựỵ";

    /// <summary>Where the rhyme of <paramref name="fold"/> starts, or -1 when the folded word is no Vietnamese syllable.</summary>
    internal static int RhymeStart(ReadOnlySpan<char> fold)
    {
        foreach (var c in fold)
        {
            if (c is < 'a' or > 'z')
            {
                return -1;
            }
        }
        var onset = 0;
        foreach (var o in Onsets)
        {
            if (fold.Length > o.Length && fold.StartsWith(o, StringComparison.Ordinal))
            {
                onset = o.Length;
                break;
            }
        }
        var at = Rhyme(fold, onset);
        // "gì", "gìn": the "i" of "gi" is the vowel.
        return at < 0 && onset == 2 && fold[0] == 'g' && fold[1] == 'i' ? Rhyme(fold, 1) : at;
    }

    private static int Rhyme(ReadOnlySpan<char> fold, int onset)
    {
        var v = onset;
        while (v < fold.Length && fold[v] is 'a' or 'e' or 'i' or 'o' or 'u' or 'y')
        {
            v++;
        }
        if (v == onset || v - onset > 3)
        {
            return -1;
        }
        var coda = fold[v..];
        foreach (var c in Codas)
        {
            if (coda.SequenceEqual(c))
            {
                return onset;
            }
        }
        return -1;
    }

    /// <summary>The tone of a word written with marks (0 level or none, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng).</summary>
    internal static int Tone(ReadOnlySpan<char> lower)
    {
        foreach (var c in lower)
        {
            if (c < 0xC0)
            {
                continue;
            }
            var tone = Sac.Contains(c, StringComparison.Ordinal) ? 1 : Huyen.Contains(c, StringComparison.Ordinal) ? 2 : Hoi.Contains(c, StringComparison.Ordinal) ? 3 : Nga.Contains(c, StringComparison.Ordinal) ? 4 : Nang.Contains(c, StringComparison.Ordinal) ? 5 : 0;
            if (tone != 0)
            {
                return tone;
            }
        }
        return 0;
    }
}
