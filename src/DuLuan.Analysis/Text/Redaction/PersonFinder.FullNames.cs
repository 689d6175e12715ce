namespace DuLuan.Analysis.Text;

/// <summary>Full names written without a title: led by a family name, in capitals or in lower case.</summary>
internal static partial class PersonFinder
{
    /// <summary>A full name without a title: a family name and at least two more names ("Nguyễn Văn Nam", "tran van hung").</summary>
    private static int SurnameLed(RedactionText view, bool[] inPlace, int i)
    {
        var words = view.Words;
        var w = words[i];
        if (i + 2 >= words.Count || !(RedactionLexicon.Surnames.Contains(w.Fold) || RareFamilyAndMiddle(view, inPlace, i))
            || (w.LineHasMarks && NotFamilyWritten.Contains(w.Lower)))
        {
            return -1;
        }

        int last;
        if (!w.Caseless && w.Capitalised)
        {
            last = i;
            while (last + 1 < words.Count && last + 1 - i < 4 && view.JoinedToNext(last) && IsCapitalisedName(words[last + 1]) && !inPlace[last + 1])
            {
                last++;
            }
        }
        else
        {
            // Without a title, a lower-case full name is trusted in lines that do not capitalise names at all, and in a line
            // that does only when every part after the family name is a middle or given name ("con tôi phạm minh đức").
            if (RedactionLexicon.AmbiguousSurnames.Contains(w.Fold) || !RedactionLexicon.MiddleNames.Contains(words[i + 1].Fold) || !view.JoinedToNext(i)
                || RedactionLexicon.NotNamePairs.Contains(w.Fold + "_" + words[i + 1].Fold))
            {
                return -1;
            }
            // Typed without marks or in capitals, the word lists decide; with marks, the family name must be written as one
            // that is no everyday word ("lương hưu", "đoàn thanh niên" are not names).
            if (w.Caseless && w.HasMarks && !(w.Capitalised && words[i + 1].Capitalised) && !MarkedFamilyNames.Contains(w.Lower))
            {
                return -1;
            }
            last = w.Caseless ? LowerRun(view, inPlace, i, 4) : LowerCaseFullName(view, inPlace, i);
        }
        if ((last - i < 2 && !(last - i == 1 && FamilyAndGivenName(view, i))) || RedactionLexicon.NamedPlaces.Contains(FoldedRun(view, i, last)))
        {
            return -1;
        }
        return last;
    }

    /// <summary>Words that fold to a family name but, written with their marks, are not one ("Vụ Đông Xuân", "Lễ Giáng sinh", "Hộ ông …", "Tổ dân phố", "Trưởng Ban Dân tộc", "Trường Mầm non").</summary>
    private static readonly HashSet<string> NotFamilyWritten = new(StringComparer.Ordinal) { "vụ", "lễ", "lệ", "đồ", "trấn", "hộ", "tổ", "tộ", "trưởng", "trường" };

    /// <summary>Middle names that say a full name follows a rarer family name ("Vi Văn Thắng", "Sầm Thị Mai", "Vàng A Sử", "Thào Mí Sểnh").</summary>
    private static readonly HashSet<string> MarkingMiddleNames = new(StringComparer.Ordinal) { "văn", "thị", "a", "mí", "seo" };

    /// <summary>
    /// A family name of the wider list (minorities, rare Kinh names) in a line that capitalises names, then "Văn"/"Thị"/"A"/"Mí"
    /// and a third capitalised name, none of them inside a place: "Hầu A Chư xin …", "Chu Văn Phát lấn chiếm …".
    /// </summary>
    private static bool RareFamilyAndMiddle(RedactionText view, bool[] inPlace, int i)
    {
        var words = view.Words;
        var (family, middle, given) = (words[i], words[i + 1], words[i + 2]);
        return family.Capitalised && !family.Caseless && NameLists.FamilyNames.Contains(family.Fold) && !RedactionLexicon.NotNameStarts.Contains(family.Lower)
            && middle.Capitalised && MarkingMiddleNames.Contains(middle.Lower) && given.Capitalised && !given.IsNumber
            && view.JoinedToNext(i) && view.JoinedToNext(i + 1) && !inPlace[i] && !inPlace[i + 1] && !inPlace[i + 2]
            && !(i > 0 && view.JoinedToNext(i - 1) && (words[i - 1].IsNumber || words[i - 1].Capitalised));
    }

    /// <summary>Family names, as written with their marks, that are no everyday word ("lại", "lương", "đoàn" are; "ngõ" is not "ngô").</summary>
    private static readonly HashSet<string> MarkedFamilyNames = new(StringComparer.Ordinal)
    {
        "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "ngô", "dương", "đinh", "trương", "trịnh", "quách", "phùng",
    };

    /// <summary>Last word of a lower-case full name in a line that capitalises names ("con tôi phạm minh đức"): family, middle, then given names only.</summary>
    private static int LowerCaseFullName(RedactionText view, bool[] inPlace, int i)
    {
        var words = view.Words;
        if (words[i].Capitalised || !(words[i].LineHasMarks ? MarkedFamilyNames.Contains(words[i].Lower) : !RedactionLexicon.AmbiguousSurnames.Contains(words[i].Fold)))
        {
            return -1;
        }
        var k = i + 1;
        while (k + 1 < words.Count && k + 1 - i < 4 && view.JoinedToNext(k) && !inPlace[k + 1] && !words[k + 1].Capitalised && !words[k + 1].IsNumber
            && RedactionLexicon.GivenNames.Contains(words[k + 1].Fold) && !NotSecondName.Contains(words[k + 1].Fold) && !RedactionLexicon.NotNameWritten.Contains(words[k + 1].Lower))
        {
            k++;
        }
        return k;
    }

    /// <summary>
    /// "Hôm qua Trần Hùng hàng xóm đổ rác", "gặp Huỳnh Mai ở phường": two capitalised words, a family name that is not an
    /// everyday word and a given name, standing alone (no number or capitalised word before them, as in "45 Trần Phú"); the
    /// streets named after two-syllable names are in <see cref="RedactionLexicon.NamedPlaces"/>.
    /// </summary>
    private static bool FamilyAndGivenName(RedactionText view, int i)
    {
        var words = view.Words;
        var family = words[i];
        var given = words[i + 1];
        if (family.Caseless || RedactionLexicon.AmbiguousSurnames.Contains(family.Fold)
            || !RedactionLexicon.GivenNames.Contains(given.Fold) || RedactionLexicon.NotNameStarts.Contains(given.Lower))
        {
            return false;
        }
        if (i > 0 && view.JoinedToNext(i - 1) && (words[i - 1].IsNumber || words[i - 1].Capitalised || words[i - 1].Fold is "so" or "duong" or "pho" or "d"))
        {
            return false;
        }
        if (i + 2 < words.Count && view.JoinedToNext(i + 1) && words[i + 2].Capitalised)
        {
            return false;
        }
        // "Đoàn Thanh niên", "Ban Dân tộc": the given name begins an everyday word with the lower-case word after it.
        return !(i + 2 < words.Count && view.JoinedToNext(i + 1) && !words[i + 2].Caseless
            && (RedactionWordList.Pair(given, words[i + 2]) & (given.LineHasMarks ? RedactionWordList.Common : RedactionWordList.CommonFolded)) != 0);
    }

    private static string FoldedRun(RedactionText view, int first, int last)
    {
        var sb = new System.Text.StringBuilder();
        for (var k = first; k <= last; k++)
        {
            sb.Append(k == first ? string.Empty : " ").Append(view.Words[k].Fold);
        }
        return sb.ToString();
    }
}
