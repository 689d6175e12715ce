namespace DuLuan.Analysis.Text;

/// <summary>
/// Names of people: after a title or kinship word ("ông", "chị", "cháu", "đồng chí"), after "tên là", "tôi là",
/// "chủ tài khoản", and full names led by a family name. A name inside a public place ("trường THPT Nguyễn Huệ") is the
/// place's; a name beside an office ("ông X, Chủ tịch UBND phường") is an official acting in office, kept.
/// </summary>
internal static partial class PersonFinder
{
    private static readonly string[] Leads = [.. RedactionLexicon.NameLeads.OrderByDescending(l => l.Length)];
    private static readonly string[] Roles = [.. RedactionLexicon.RoleLeads.OrderByDescending(l => l.Length)];
    private static readonly string[] Offices = [.. RedactionLexicon.OfficeTitles.OrderByDescending(o => o.Length)];

    /// <summary>Titles as they must be written when the line has diacritics ("cô" is a title, "có" is not).</summary>
    private static readonly Dictionary<string, string[]> TitleForms = new(StringComparer.Ordinal)
    {
        ["ong"] = ["ông"],
        ["ba"] = ["bà"],
        ["anh"] = ["anh"],
        ["chi"] = ["chị"],
        ["em"] = ["em"],
        ["co"] = ["cô"],
        ["chu"] = ["chú"],
        ["bac"] = ["bác"],
        ["chau"] = ["cháu"],
        ["cu"] = ["cụ"],
        ["thim"] = ["thím"],
        ["di"] = ["dì"],
        ["cau"] = ["cậu"],
        ["mo"] = ["mợ"],
        ["thay"] = ["thầy"],
        ["be"] = ["bé"],
        ["ban"] = ["bạn"],
        ["thang"] = ["thằng"],
    };

    /// <summary>Second words of a name written in lower case that are, more often, the next word of the sentence.</summary>
    private static readonly HashSet<string> NotSecondName = new(StringComparer.Ordinal) { "o", "la", "va", "bi", "co", "da", "an", "ba", "bay", "sau", "tu", "nam" };

    public static void Find(RedactionText view, bool[] inPlace, List<RedactionSpan> names, List<(int Start, int End)> officials)
    {
        var words = view.Words;
        for (var i = 0; i < words.Count; i++)
        {
            if (inPlace[i])
            {
                continue;
            }

            int first, last;
            var privateLead = false;
            if (LeadAt(view, i, out var leadWords, out var capitalOnly))
            {
                privateLead = true;
                first = i + leadWords;
                // "MẸ TÔI LÀ BÀ TRẦN THỊ LỘC", "con tôi là bé Na": the title after the lead is not the name ("toi la Chau Thi
                // Thanh": a family name before a middle name is).
                if (TitleAt(view, first, out var titleAfterLead) && first + titleAfterLead < words.Count
                    && !(NameLists.FamilyNames.Contains(words[first].Fold) && RedactionLexicon.MiddleNames.Contains(words[first + 1].Fold)))
                {
                    first += titleAfterLead;
                }
                last = capitalOnly && !(words[first].Capitalised && !words[first].Caseless) && !SurnameAndMiddle(view, first) ? -1 : ReadName(view, inPlace, first);
            }
            else if (TitleAt(view, i, out var titleWords))
            {
                // "Bac Giang", "Chau Doc", "Chu Pah", "Bà Rịa": a title word that begins a place's name — a city's or former
                // province's, or, typed without marks, any unit's after the titles that begin many ("Bắc", "Châu", "Chư"; not
                // "anh", "bà": "Anh Sơn", "Bà Điểm" are people as often).
                if (titleWords == 1 && PlaceNames.StartsKnownPlace(view, i, citiesOnly: words[i].LineHasMarks || words[i].Fold is not ("bac" or "chau" or "chu")))
                {
                    continue;
                }
                first = i + titleWords;
                last = ReadName(view, inPlace, first);
            }
            else
            {
                first = i;
                last = SurnameLed(view, inPlace, i);
                if (last < first)
                {
                    last = MinorityNames.End(view, inPlace, i);
                }
            }
            if (last < first)
            {
                continue;
            }

            var span = (Start: words[first].Start, End: words[last].End);
            if (!privateLead && (OfficeBefore(view, i == first ? first : i) || OfficeAfter(view, last)))
            {
                officials.Add(span);
            }
            else
            {
                names.Add(new RedactionSpan(span.Start, span.End - span.Start, RedactionKind.PersonName));
            }
            i = last;
        }
    }

    /// <summary>A family name that is not an everyday word, then a middle name ("tài xế le van phu", not "chủ trọ tăng giá"): a role's name in a line whose case says nothing.</summary>
    private static bool SurnameAndMiddle(RedactionText view, int first)
    {
        var words = view.Words;
        return first + 1 < words.Count && RedactionLexicon.Surnames.Contains(words[first].Fold) && !RedactionLexicon.AmbiguousSurnames.Contains(words[first].Fold)
            && RedactionLexicon.MiddleNames.Contains(words[first + 1].Fold) && view.JoinedToNext(first);
    }

    /// <summary>Words that introduce a private person's name; <paramref name="capitalOnly"/> for roles and signatures, which need a capitalised name in a cased line.</summary>
    private static bool LeadAt(RedactionText view, int i, out int count, out bool capitalOnly)
    {
        capitalOnly = false;
        foreach (var lead in Leads)
        {
            if (view.Spells(i, lead, out count) && i + count < view.Words.Count && Follows(view, i + count - 1))
            {
                return true;
            }
        }
        capitalOnly = true;
        foreach (var role in Roles)
        {
            if (view.Spells(i, role, out count) && i + count < view.Words.Count && Follows(view, i + count - 1))
            {
                return true;
            }
        }
        foreach (var signOff in RedactionLexicon.SignOffs)
        {
            if (view.Spells(i, signOff, out count) && i + count < view.Words.Count && view.GapAfter(i + count - 1).Trim() is [',' or ':'])
            {
                return true;
            }
        }
        count = 0;
        return false;
    }

    private static bool TitleAt(RedactionText view, int i, out int count)
    {
        count = 0;
        var words = view.Words;
        var w = words[i];
        if (i + 1 >= words.Count || !Follows(view, i))
        {
            return false;
        }
        if (view.Spells(i, "dong chi", out count) || w.Fold == "d/c")
        {
            count = count == 0 ? 1 : count;
            return true;
        }
        if (w.Fold is "a" or "c" && !w.HasMarks && !w.Capitalised)
        {
            count = 1;
            return RedactionLexicon.GivenNames.Contains(words[i + 1].Fold) && !words[i + 1].Capitalised;
        }
        if (!TitleForms.TryGetValue(w.Fold, out var forms))
        {
            return false;
        }
        if (w.LineHasMarks)
        {
            var written = view.Text.AsSpan(w.Start, w.End - w.Start);
            var ok = false;
            foreach (var f in forms)
            {
                ok |= written.Equals(f, StringComparison.OrdinalIgnoreCase);
            }
            if (!ok)
            {
                return false;
            }
        }
        else if (RedactionLexicon.AmbiguousTitles.Contains(w.Fold) && !BeforeCapitalisedGivenName(view, i))
        {
            return false;
        }
        // "Bà Chiểu", "Ông Lãnh" capitalised in the middle of a sentence are place names, not titles.
        if (!w.Caseless && w.Capitalised && !w.SentenceStart && w.Fold is "ong" or "ba")
        {
            return false;
        }
        count = 1;
        return true;
    }

    /// <summary>
    /// In a line typed without marks, "thay"/"co" are also "thấy"/"có"; before a given name capitalised in a line that
    /// capitalises names ("thay Binh day toan") they are titles. "di"/"cau" stay out: "đi Huế", "cầu Rồng".
    /// </summary>
    private static bool BeforeCapitalisedGivenName(RedactionText view, int i)
    {
        var next = view.Words[i + 1];
        return view.Words[i].Fold is not ("di" or "cau") && !next.Caseless && next.Capitalised && !next.IsNumber
            && RedactionLexicon.GivenNames.Contains(next.Fold) && !RedactionLexicon.NotNameStarts.Contains(next.Lower);
    }

    /// <summary>The next word follows word <paramref name="i"/> directly or after a colon ("Họ tên: ...").</summary>
    private static bool Follows(RedactionText view, int i)
    {
        var gap = view.GapAfter(i).Trim();
        return gap.Length == 0 || gap.SequenceEqual(":");
    }

    /// <summary>Last word of the name starting at <paramref name="first"/>, or -1; a name of a clear minority shape ("H'Bia Niê") as far as it reaches.</summary>
    private static int ReadName(RedactionText view, bool[] inPlace, int first)
    {
        var plain = ReadPlainName(view, inPlace, first);
        return first < view.Words.Count && plain >= -1 ? Math.Max(plain, MinorityNames.End(view, inPlace, first)) : plain;
    }

    private static int ReadPlainName(RedactionText view, bool[] inPlace, int first)
    {
        var words = view.Words;
        if (first >= words.Count || inPlace[first] || words[first].IsNumber)
        {
            return -1;
        }

        var w = words[first];
        // "Anh phản ánh quán karaoke", "chị nhận đăng ký": a title used as a pronoun before the verb.
        if (!(w.Capitalised && !w.Caseless) && NameStopsBefore(view, first))
        {
            return -1;
        }
        if (!w.Caseless && w.Capitalised)
        {
            // "bà Năm", "chú Tư": the birth-order names of the South, unless a year follows ("Năm 2024").
            var birthOrder = w.Lower == "năm" && !(first + 1 < words.Count && words[first + 1].IsNumber);
            // "đồng chí Chính trị viên", "ông Trưởng ban": an office after the title, not a name.
            if ((RedactionLexicon.NotNameStarts.Contains(w.Lower) && !birthOrder) || Offices.Any(o => view.Spells(first, o, out _)))
            {
                return -1;
            }
            var k = first;
            while (k + 1 < words.Count && k + 1 - first < 4 && view.JoinedToNext(k) && IsCapitalisedName(words[k + 1]) && !inPlace[k + 1] && !PlaceAfterGivenName(view, first, k))
            {
                k++;
            }
            return k;
        }
        if (RedactionLexicon.Surnames.Contains(w.Fold) && !RedactionLexicon.StopWords.Contains(w.Fold))
        {
            var k = LowerRun(view, inPlace, first, 4);
            if (k > first)
            {
                return k;
            }
        }
        // In a line that capitalises its names, a lower-case word after a title is the next word, not a name.
        if (w.Caseless && RedactionLexicon.GivenNames.Contains(w.Fold) && !RedactionLexicon.NotNameWritten.Contains(w.Lower))
        {
            if (first + 1 < words.Count && view.JoinedToNext(first) && !inPlace[first + 1] && !words[first + 1].IsNumber
                && RedactionLexicon.GivenNames.Contains(words[first + 1].Fold) && !NotSecondName.Contains(words[first + 1].Fold)
                && (w.Caseless || !words[first + 1].Capitalised) && !NameStopsBefore(view, first + 1) && words[first + 1].Fold != w.Fold && !PlaceAfterGivenName(view, first, first) && !EverydayPairAt(view, first + 1))
            {
                return first + 1;
            }
            return first;
        }
        return -1;
    }

    /// <summary>
    /// Word <paramref name="k"/> of a name read without case is the sentence's next word: written with marks as an everyday word
    /// no name is written as ("THÁNG", "khối", "báo"), or the first of an everyday pair that follows names ("hàng xóm", "phụ
    /// trách", "cơi nới", "phản ánh").
    /// </summary>
    private static bool NameStopsBefore(RedactionText view, int k)
    {
        var words = view.Words;
        var w = words[k];
        if (w.HasMarks && NotNameAfterName.Contains(w.Lower))
        {
            return true;
        }
        return k + 1 < words.Count && view.JoinedToNext(k) && RedactionLexicon.NotNamePairs.Contains(w.Fold + "_" + words[k + 1].Fold);
    }

    /// <summary>Word <paramref name="k"/> and the word after it, which is no given name, are an everyday word ("bảo vệ", "hàng xóm"): a second given name in lower case stops before it.</summary>
    private static bool EverydayPairAt(RedactionText view, int k)
    {
        var words = view.Words;
        if (k + 1 >= words.Count || !view.JoinedToNext(k) || RedactionLexicon.GivenNames.Contains(words[k + 1].Fold))
        {
            return false;
        }
        return (RedactionWordList.Pair(words[k], words[k + 1]) & (words[k].LineHasMarks ? RedactionWordList.Common : RedactionWordList.CommonFolded)) != 0;
    }

    /// <summary>Everyday words, with their marks, that fold like given names and follow a name as the sentence's next word ("TRẦN THỊ LỘC THÁNG 11", "chị Thủy viết giùm").</summary>
    private static readonly HashSet<string> NotNameAfterName = new(StringComparer.Ordinal)
    {
        "tháng", "khối", "hàng", "báo", "nhận", "nhắn", "mất", "viết", "chết", "trực", "mặc", "cứ", "quê", "phụ",
    };

    /// <summary>A lone given name after a title followed by a ward's or city's name: "anh Tuấn Hòa Khánh", "chú Sáu Cái Khế" (the person and where they live).</summary>
    private static bool PlaceAfterGivenName(RedactionText view, int first, int k)
        => k == first && k + 1 < view.Words.Count && NameLists.GivenNames.Contains(view.Words[first].Fold) && !NameLists.FamilyNames.Contains(view.Words[first].Fold) && view.Words[first].Fold is not ("van" or "thi")
            && !RedactionLexicon.MiddleNames.Contains(view.Words[k + 1].Fold) && PlaceNames.StartsKnownPlace(view, k + 1);

    private static bool IsCapitalisedName(RedactionWord w) => w.Capitalised && !w.IsNumber && !RedactionLexicon.NotNameParts.Contains(w.Lower);

    /// <summary>Last word of a run of name-like words (not stop words) starting at <paramref name="first"/>, at most <paramref name="max"/> words.</summary>
    private static int LowerRun(RedactionText view, bool[] inPlace, int first, int max)
    {
        var words = view.Words;
        var k = first;
        var surnameLed = RedactionLexicon.Surnames.Contains(words[first].Fold);
        while (k + 1 < words.Count && k + 1 - first < max && view.JoinedToNext(k) && !inPlace[k + 1] && !words[k + 1].IsNumber && words[k + 1].Fold.Length <= 7
            && (words[k + 1].Caseless || !words[k + 1].Capitalised || words[first].Capitalised))
        {
            var next = words[k + 1].Fold;
            if (NameStopsBefore(view, k + 1) && !(surnameLed && k == first && RedactionLexicon.MiddleNames.Contains(next)))
            {
                break;
            }
            // "nguyen thi thu ha", "TRẦN VĂN BA": after a family name, middle and given names may also be everyday words.
            var nameLike = !RedactionLexicon.StopWords.Contains(next)
                || (surnameLed && k == first && RedactionLexicon.MiddleNames.Contains(next))
                || (surnameLed && k > first && RedactionLexicon.GivenNames.Contains(next) && next is not ("o" or "la" or "va" or "bi" or "co" or "da"));
            if (!nameLike)
            {
                break;
            }
            k++;
        }
        return k;
    }

    /// <summary>An office just before the name, with only its unit between: "Chủ tịch UBND phường Hòa Minh, ông ...".</summary>
    private static bool OfficeBefore(RedactionText view, int start)
    {
        var words = view.Words;
        for (var p = start - 1; p >= 0 && start - p <= 10; p--)
        {
            var gap = view.GapAfter(p);
            if (gap.IndexOfAny(".;!?\n") >= 0)
            {
                return false;
            }
            foreach (var office in Offices)
            {
                var n = office.Count(c => c == ' ') + 1;
                if (p - n + 1 >= 0 && view.Spells(p - n + 1, office, out _))
                {
                    return true;
                }
            }
            var w = words[p];
            if (!(w.IsNumber || RedactionLexicon.OfficeUnitWords.Contains(w.Fold) || (!w.Caseless && w.Capitalised)))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>An office right after the name: "ông Nguyễn Văn Tám, Chủ tịch UBND phường", "Lê Văn Tuấn (Đội trưởng)".</summary>
    private static bool OfficeAfter(RedactionText view, int last)
    {
        if (last + 1 >= view.Words.Count)
        {
            return false;
        }

        var gap = view.GapAfter(last).Trim();
        if (gap.Length == 0 || gap.IndexOfAny(",-–—(") < 0)
        {
            return false;
        }
        var p = last + 1;
        if (view.Spells(p, "hien la", out var n) || view.Spells(p, "la", out n))
        {
            p += n;
        }
        foreach (var office in Offices)
        {
            if (view.Spells(p, office, out _))
            {
                return true;
            }
        }
        return false;
    }
}
