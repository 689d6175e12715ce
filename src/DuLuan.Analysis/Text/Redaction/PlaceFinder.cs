using System.Text.RegularExpressions;

namespace DuLuan.Analysis.Text;

/// <summary>
/// Public places, which the rule keeps: a place word ("đường", "chợ", "trường THPT", "phường", "ngã tư", "cầu") and the
/// name after it, even when that name is a person's ("đường Lê Lợi", "chợ Bà Chiểu", "cầu Ông Lãnh"); the second
/// street of a junction; and stretches of a street given by house numbers ("từ số 120 đến số 160 đường Trần Phú").
/// </summary>
internal static class PlaceFinder
{
    private static readonly string[] Types = [.. RedactionLexicon.PlaceTypes.OrderByDescending(t => t.Length)];

    /// <summary>Place words that are everyday words when written without their marks ("cho" = for, "den" = to).</summary>
    private static readonly HashSet<string> NeedMarks = new(StringComparer.Ordinal)
    {
        "cho", "den", "dinh", "song", "cau", "ben", "lang", "quan", "tinh", "chua", "duong", "truong", "toa", "to", "xa", "ho", "ban", "dao", "tram", "pho", "ngo", "goc", "nui", "vinh", "thon", "ap", "xom", "kenh", "deo", "hem", "kiet", "quy", "doan", "tren",
    };

    /// <summary>Place words that must be written with these marks to be places ("bản", not "bán"; "chợ", not "chó").</summary>
    private static readonly Dictionary<string, string> MarkedForms = new(StringComparer.Ordinal)
    {
        ["cho"] = "chợ",
        ["den"] = "đền",
        ["dinh"] = "đình",
        ["song"] = "sông",
        ["cau"] = "cầu",
        ["ben"] = "bến",
        ["lang"] = "lăng",
        ["quan"] = "quận",
        ["tinh"] = "tỉnh",
        ["chua"] = "chùa",
        ["duong"] = "đường",
        ["truong"] = "trường",
        ["toa"] = "tòa",
        ["to"] = "tổ",
        ["xa"] = "xã",
        ["ho"] = "hồ",
        ["ban"] = "bản",
        ["dao"] = "đảo",
        ["tram"] = "trạm",
        ["pho"] = "phố",
        ["ngo"] = "ngõ",
        ["goc"] = "góc",
        ["nui"] = "núi",
        ["vinh"] = "vịnh",
        ["thon"] = "thôn",
        ["ap"] = "ấp",
        ["xom"] = "xóm",
        ["kenh"] = "kênh",
        ["deo"] = "đèo",
        ["hem"] = "hẻm",
        ["kiet"] = "kiệt",
        ["quy"] = "quỹ",
        ["doan"] = "đoạn",
        ["tren"] = "trên",
    };

    public static void Find(RedactionText view, List<(int Start, int End)> into)
    {
        foreach (Match m in PersonalDataPatterns.Stretch().Matches(view.Folded))
        {
            into.Add((m.Index, m.Index + m.Length));
        }

        var words = view.Words;
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (TypeAt(view, i, out var typeWords, out var type))
            {
                var end = NameAfter(view, i + typeWords - 1, allowTitleFirst: true);
                if (end > i + typeWords - 1)
                {
                    end = JunctionAfter(view, end, type);
                    into.Add((w.Start, words[end].End));
                    i = end;
                }
                continue;
            }

            // "Bà Chiểu", "Ông Tạ" in the middle of a sentence, capitalised and without a place word: a place name.
            if (!w.Caseless && w.Capitalised && !w.SentenceStart && w.Fold is "ong" or "ba" && i + 1 < words.Count && words[i + 1].Capitalised && view.JoinedToNext(i)
                && (i == 0 || !RedactionLexicon.PersonTitles.Contains(words[i - 1].Fold)))
            {
                var end = NameAfter(view, i, allowTitleFirst: false);
                into.Add((w.Start, words[end].End));
                i = end;
            }
        }
    }

    /// <summary>Is word <paramref name="index"/> the start of a place word (longest match), written as a place word?</summary>
    internal static bool TypeAt(RedactionText view, int index, out int count, out string type)
    {
        var w = view.Words[index];
        foreach (var t in Types)
        {
            if (!view.Spells(index, t, out count))
            {
                continue;
            }

            type = t;
            if (count == 1 && !w.Caseless && w.Capitalised && !w.SentenceStart && index > 0 && view.Words[index - 1].Capitalised && view.JoinedToNext(index - 1))
            {
                // "Nguyễn Đình Hưng", "Trần Quốc Toản": a capitalised place word inside a run of names is a name.
                return false;
            }
            if (t == "ho" && IsSurnameLedName(view, index))
            {
                // "Hồ Quang Hiếu" is a person; "Hồ Con Rùa", "Hồ Tây" are lakes.
                return false;
            }
            var first = t.Contains(' ', StringComparison.Ordinal) ? t[..t.IndexOf(' ', StringComparison.Ordinal)] : t;
            if (t is "p" or "q" or "tp")
            {
                // "p. Hòa Khánh", "P.13", "Q.3", "TP.HCM": only the abbreviation with its dot.
                return w.End < view.Text.Length && view.Text[w.End] == '.';
            }
            if (count == 1 && MarkedForms.TryGetValue(first, out var marked) && w.HasMarks)
            {
                return view.Text.AsSpan(w.Start, w.End - w.Start).Equals(marked, StringComparison.OrdinalIgnoreCase);
            }
            if (first == "doan" && !w.HasMarks)
            {
                // "đoạn Lê Văn Việt" (a stretch of the street); typed without marks "doan" is as often the family name Đoàn.
                return false;
            }
            if (NeedMarks.Contains(first) && !w.HasMarks)
            {
                // Without marks "cho"/"den" are everyday words; trust them only when the whole line has no marks.
                return count > 1 || LineHasNoMarks(view, index);
            }
            return true;
        }
        count = 0;
        type = string.Empty;
        return false;
    }

    /// <summary>Index of the last word of the name that follows word <paramref name="last"/>, or <paramref name="last"/> when none does.</summary>
    internal static int NameAfter(RedactionText view, int last, bool allowTitleFirst)
    {
        var words = view.Words;
        var end = last;
        for (var k = last + 1; k < words.Count && k - last <= 6; k++)
        {
            if (!view.JoinedToNext(k - 1) && !(k == last + 1 && view.GapAfter(k - 1).Trim().SequenceEqual(".")))
            {
                break;
            }

            var w = words[k];
            bool fits;
            if (w.IsNumber)
            {
                fits = true;
            }
            else if (w.Caseless)
            {
                fits = !RedactionLexicon.PlaceStopWords.Contains(w.Fold) || (allowTitleFirst && k == last + 1 && w.Fold is "ong" or "ba") || (w.Fold == "thang" && k + 1 < words.Count && words[k + 1].IsNumber);
                if (k - last > 4 || (k > last + 1 && RedactionLexicon.AddressPartWords.Contains(w.Fold) && !(w.Fold is "kiet" or "to" && !(k + 1 < words.Count && words[k + 1].IsNumber))))
                {
                    fits = false;
                }
                // "LÊ LAI", "hồ tùng mậu": a known street with an everyday word in it ("lại", "họ").
                fits |= !fits && k - last <= 4 && KnownStreetCovers(view, last + 1, k);
            }
            else
            {
                fits = w.Capitalised || (w.Fold is "thang" or "so" && k + 1 < words.Count && words[k + 1].IsNumber && (k - 1 == last || words[k - 1].IsNumber || w.Fold == "so"));
            }
            if (!fits)
            {
                break;
            }

            end = k;
        }
        return end;
    }

    /// <summary>"ngã tư Lê Lợi - Hai Bà Trưng", "góc Hùng Vương và Ông Ích Khiêm": the second street belongs to the place.</summary>
    private static int JunctionAfter(RedactionText view, int end, string type)
    {
        if (!RedactionLexicon.JunctionTypes.Contains(type) || end + 1 >= view.Words.Count)
        {
            return end;
        }

        var gap = view.GapAfter(end).Trim();
        var next = end + 1;
        if (gap.Length == 0 && view.Words[next].Fold is "va" or "voi" or "giao")
        {
            next++;
            if (next < view.Words.Count && view.Words[next].Fold == "voi")
            {
                next++;
            }
        }
        else if (!(gap.SequenceEqual("-") || gap.SequenceEqual("–") || gap.SequenceEqual("—") || gap.SequenceEqual("/")))
        {
            return end;
        }
        if (next >= view.Words.Count || next - 1 < 0)
        {
            return end;
        }

        // After a dash the second street's first word is not joined to the first street: read it, then the name after it.
        var first = view.Words[next];
        if (!first.IsNumber && (first.Caseless ? !RedactionLexicon.PlaceStopWords.Contains(first.Fold) : first.Capitalised))
        {
            return NameAfter(view, next, allowTitleFirst: true);
        }
        var second = NameAfter(view, next - 1, allowTitleFirst: true);
        return second >= next ? second : end;
    }

    /// <summary>Does a street of <see cref="RedactionLexicon.NamedPlaces"/> start at word <paramref name="first"/> and reach word <paramref name="k"/>?</summary>
    private static bool KnownStreetCovers(RedactionText view, int first, int k)
    {
        for (var end = k; end < view.Words.Count && end - first < 4; end++)
        {
            if (RedactionLexicon.NamedPlaces.Contains(FoldedRun(view, first, end)))
            {
                return true;
            }
        }
        return false;
    }

    private static string FoldedRun(RedactionText view, int first, int last)
        => string.Join(' ', view.Words.Skip(first).Take(last - first + 1).Select(w => w.Fold));

    private static bool LineHasNoMarks(RedactionText view, int index) => !view.Words[index].LineHasMarks;

    /// <summary>Lower-case titles before a person ("ông Hồ Sĩ Tuấn"): a lake is never "ông Hồ …".</summary>
    private static readonly HashSet<string> PersonTitles = new(StringComparer.Ordinal) { "ong", "ba", "anh", "chi", "em", "co", "chu", "bac", "cu", "chau" };

    /// <summary>A capitalised family name followed by a capitalised middle name and a given name ("Hồ Văn Nhân"), or a capitalised name after a title.</summary>
    private static bool IsSurnameLedName(RedactionText view, int index)
    {
        var words = view.Words;
        var afterTitle = index > 0 && view.JoinedToNext(index - 1) && !words[index - 1].Capitalised && PersonTitles.Contains(words[index - 1].Fold);
        return index + 1 < words.Count && words[index].Capitalised && words[index + 1].Capitalised && view.JoinedToNext(index)
            && (afterTitle || (index + 2 < words.Count && words[index + 2].Capitalised && view.JoinedToNext(index + 1) && RedactionLexicon.MiddleNames.Contains(words[index + 1].Fold)));
    }
}
