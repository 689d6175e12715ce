namespace DuLuan.Analysis.Text;

/// <summary>
/// Names of the Central Highlands and the South with a clear written shape, read by the rules without a title: Ê Đê and
/// Jrai given names after "Y" (men), "H'" (women), Koho and Mnông "K'", Bahnar and Xơ Đăng "A", kinship "Ama"/"Ami"
/// ("Y Bhiông Niê", "H'Bia Mlô", "K'Brel", "Ama Sen"); Jrai family names first ("Ksor H'Ly", "Rơ Mah Hiên", "Siu Đoan");
/// Khmer and S'tiêng family names that are no everyday word ("Danh Út", "Thạch Sóc", "Điểu Lức").
/// The lists are of names in general, written from general knowledge of these naming customs (not from any person).
/// </summary>
internal static class MinorityNames
{
    /// <summary>Family names of the Ê Đê (written after the given name) and the Jrai (written first), folded.</summary>
    private static readonly HashSet<string> HighlandFamilies = new(StringComparer.Ordinal)
    {
        "nie", "eban", "mlo", "bya", "ksor", "siu", "rmah", "nay", "kpa", "puih", "kpuih", "rcom", "adrong", "ayun", "hwing", "hdok", "kdam", "enuol", "knul", "mdrang", "buon", "ya",
    };

    /// <summary>Jrai family names that open a name ("Ksor Nul", "Rơ Châm Blơi"), folded; "Rơ" needs its second word.</summary>
    private static readonly HashSet<string> JraiFirst = new(StringComparer.Ordinal) { "ksor", "siu", "rmah", "nay", "kpa", "puih", "kpuih", "rcom", "hdok", "ro" };

    /// <summary>Khmer and S'tiêng family names that are no everyday Vietnamese word or place word ("Sơn", "Kim" are), folded.</summary>
    private static readonly HashSet<string> SouthFirst = new(StringComparer.Ordinal) { "danh", "thach", "neang", "dieu" };

    /// <summary>Words before "A" that make it a block, class or flat ("tòa A", "lớp A", "khu A").</summary>
    private static readonly HashSet<string> CodeBefore = new(StringComparer.Ordinal) { "toa", "khu", "day", "lo", "block", "can", "phong", "nha", "so", "lop", "kiot", "ki", "ot", "tang", "cong", "cua", "loai", "hang", "nhom", "doi", "ap", "to" };

    /// <summary>Words before such a shape that make it a language or a place: "tiếng", "Ia", "Ea", "Chư", "thủy điện", "đập".</summary>
    private static readonly HashSet<string> NotBefore = new(StringComparer.Ordinal) { "tieng", "ia", "ea", "chu", "dien", "dap", "xa", "buon", "lang", "thon" };

    /// <summary>Last word of a name of such a shape starting at word <paramref name="i"/>, or -1. Only in a line that capitalises names.</summary>
    internal static int End(RedactionText view, bool[] inPlace, int i)
    {
        var words = view.Words;
        var w = words[i];
        // "tiếng K'Ho" (a language), "Ia H'Drai", "thủy điện A Vương" (places).
        if (w.Caseless || !w.Capitalised || inPlace[i] || i + 1 >= words.Count || inPlace[i + 1]
            || (i > 0 && view.JoinedToNext(i - 1) && NotBefore.Contains(words[i - 1].Fold)))
        {
            return -1;
        }
        int last;
        if (Apostrophe(view, i) && w.Fold is "h" or "k")
        {
            last = i + 1;
        }
        else if ((w.Fold is "y" or "ama" or "ami" || (w.Fold == "a" && Bahnar(view, i))) && view.JoinedToNext(i) && Capital(words[i + 1])
            && !PlaceNames.StartsKnownPlace(view, i))
        {
            last = Apostrophe(view, i + 1) ? i + 2 : i + 1;
        }
        else if (JraiFirst.Contains(w.Fold) && view.JoinedToNext(i) && Capital(words[i + 1]) && (w.Fold != "ro" || words[i + 1].Fold is "mah" or "cham" or "o"))
        {
            last = w.Fold == "ro" ? i + 1 : i;
            if (last + 1 >= words.Count || !view.JoinedToNext(last) || !Capital(words[last + 1]))
            {
                return -1;
            }
            var given = End(view, inPlace, last + 1);
            last = given > last ? given : last + 1;
        }
        else if (SouthFirst.Contains(w.Fold) && (w.Lower is "danh" or "thạch" or "néang" or "neáng" or "điểu" || !w.LineHasMarks) && view.JoinedToNext(i) && Capital(words[i + 1])
            && !RedactionLexicon.NotNameStarts.Contains(words[i + 1].Lower) && !PlaceNames.StartsKnownPlace(view, i))
        {
            last = words[i + 1].Fold is "k" && Apostrophe(view, i + 1) ? i + 2 : i + 1;
            // "Danh Chí Thanh", "Thạch Thị Sa Ly": the given names after the family name.
            while (last + 1 < words.Count && last - i < 3 && view.JoinedToNext(last) && Capital(words[last + 1]) && !inPlace[last + 1]
                && !RedactionLexicon.NotNameParts.Contains(words[last + 1].Lower))
            {
                last++;
            }
        }
        else
        {
            return -1;
        }
        if (last >= words.Count || inPlace[last])
        {
            return -1;
        }
        // The Ê Đê family name, or a second given word, after the given name ("Y Bhiông Niê", "H'Nhi Niê Kdăm", "Y Kim Buôn Yă").
        while (last + 1 < words.Count && last - i < 4 && view.JoinedToNext(last) && Capital(words[last + 1]) && !inPlace[last + 1] && HighlandFamilies.Contains(words[last + 1].Fold))
        {
            last++;
        }
        return last;
    }

    /// <summary>Word <paramref name="i"/> and the next are joined by an apostrophe ("H'Bia", "K'Brel").</summary>
    private static bool Apostrophe(RedactionText view, int i)
        => i + 1 < view.Words.Count && view.GapAfter(i) is ['\'' or '’'] && !view.Words[i + 1].IsNumber;

    /// <summary>"A Thút", "A Páo": a lone capital "A" before a given name, not a block or class letter ("tòa A", "lớp 9A").</summary>
    private static bool Bahnar(RedactionText view, int i)
    {
        var words = view.Words;
        return NameLists.GivenNames.Contains(words[i + 1].Fold) && !(i > 0 && (CodeBefore.Contains(words[i - 1].Fold) || words[i - 1].IsNumber || (words[i - 1].Capitalised && view.JoinedToNext(i - 1))));
    }

    private static bool Capital(RedactionWord w) => w.Capitalised && !w.IsNumber && !w.Caseless;
}
