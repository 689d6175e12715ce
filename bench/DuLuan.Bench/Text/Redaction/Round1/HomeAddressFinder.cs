using DuLuan.Analysis.Text;

namespace DuLuan.Bench.Text.Redaction.Round1;

// Frozen copy of src/DuLuan.Analysis/Text/Redaction at fa523ff (the redactor before the second pass of #18 item 3), the "round 1" column of text redact-eval.

/// <summary>
/// A home address given as someone's home: "nhà tôi ở số 12 ngõ 5 phố Hàng Bạc", "địa chỉ: ...", "trú tại ...",
/// "ông Nam ở số 8 ...", "nhà số 7". Only the house, lane and street are taken; the ward, district and city after them
/// stay. An address without such words is the location of the problem and is kept.
/// </summary>
internal static class HomeAddressFinder
{
    private static readonly HashSet<string> Lanes = new(StringComparer.Ordinal) { "kiet", "hem", "ngo", "ngach" };
    private static readonly string[] Parts = ["khu pho", "to dan pho", "can ho", "to", "thon", "ap", "xom", "ban", "phong", "tang", "lo", "block", "toa", "nha", "p"];
    private static readonly HashSet<string> Streets = new(StringComparer.Ordinal) { "duong", "pho", "d" };

    public static void Find(RedactionText view, List<RedactionSpan> names, List<RedactionSpan> into)
    {
        var words = view.Words;
        for (var i = 0; i < words.Count; i++)
        {
            var houseWords = HouseAt(view, i);
            var strongStart = houseWords == 0 && PartAt(view, i, out _) && (i + 1 < words.Count);
            if (houseWords == 0 && !strongStart)
            {
                continue;
            }

            var cue = Cue(view, names, i);
            if (cue == 0 || (cue == 1 && houseWords == 0))
            {
                continue;
            }

            var end = Extent(view, i, out var hasHouse);
            if (end < i || (cue == 1 && !hasHouse))
            {
                continue;
            }

            into.Add(new RedactionSpan(words[i].Start, words[end].End - words[i].Start, RedactionKind.Address));
            i = end;
        }
    }

    /// <summary>Words that start a house: "số 12", "số nhà 46", "nhà số 40", "27/3", "kiệt 47"; 0 when none.</summary>
    private static int HouseAt(RedactionText view, int i)
    {
        var words = view.Words;
        var w = words[i];
        bool NumberAt(int k) => k < words.Count && words[k].IsNumber && view.JoinedToNext(k - 1);
        if ((view.Spells(i, "so nha", out _) || view.Spells(i, "nha so", out _)) && NumberAt(i + 2))
        {
            return 3;
        }
        if ((w.Fold is "so" or "phong" || Lanes.Contains(w.Fold) || (w.Fold == "p" && w.End < view.Text.Length && view.Text[w.End] == '.')) && i + 1 < words.Count && words[i + 1].IsNumber)
        {
            return 2;
        }
        if (view.Spells(i, "can ho", out _) && i + 2 < words.Count && words[i + 2].IsNumber)
        {
            return 3;
        }
        return w.IsNumber && i + 1 < words.Count && view.JoinedToNext(i) && !words[i + 1].IsNumber ? 1 : 0;
    }

    private static bool PartAt(RedactionText view, int i, out int count)
    {
        foreach (var part in Parts)
        {
            if (view.Spells(i, part, out count) && i + count < view.Words.Count)
            {
                if (part == "p" && !(view.Words[i].End < view.Text.Length && view.Text[view.Words[i].End] == '.'))
                {
                    continue;
                }
                return true;
            }
        }
        count = 0;
        return false;
    }

    /// <summary>2 when the words before say the address is where someone lives, 1 for weaker words (a house is then needed), 0 otherwise.</summary>
    private static int Cue(RedactionText view, List<RedactionSpan> names, int i)
    {
        var start = view.Words[i].Start;
        if (view.Spells(i, "nha so", out _) || view.Spells(i, "so nha", out _))
        {
            return 2;
        }
        var from = Math.Max(0, start - 80);
        var before = view.Folded.AsSpan(from, start - from);
        if (PersonalDataPatterns.StrongHomeCue().IsMatch(before))
        {
            return 2;
        }
        if (PersonalDataPatterns.WeakHomeCue().IsMatch(before))
        {
            return 1;
        }
        if (i > 0 && view.Spells(i - 1, "nha", out _) && view.JoinedToNext(i - 1) && HouseAt(view, i) >= 2)
        {
            return 1;
        }
        // The last name ending before the address (names are in text order).
        int lo = 0, hi = names.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (names[mid].End <= start)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        if (found >= 0 && start - names[found].End <= 20 && PersonalDataPatterns.AfterNameHomeCue().IsMatch(view.Folded.AsSpan(names[found].End, start - names[found].End)))
        {
            return 1;
        }
        return 0;
    }

    /// <summary>Last word of the address that starts at <paramref name="i"/>: house, lanes, hamlet, street; not the ward.</summary>
    private static int Extent(RedactionText view, int i, out bool hasHouse)
    {
        var words = view.Words;
        hasHouse = false;
        var k = i;
        var last = -1;
        while (k < words.Count)
        {
            var w = words[k];
            if (RedactionLexicon.AdminUnits.Contains(w.Fold) && last >= 0)
            {
                break;
            }

            int used;
            var house = HouseAt(view, k);
            if (house >= 2)
            {
                used = house;
                hasHouse = true;
            }
            else if (house == 1)
            {
                used = 1;
                hasHouse = true;
            }
            else if (PartAt(view, k, out var partWords))
            {
                var end = PlaceFinder.NameAfter(view, k + partWords - 1, allowTitleFirst: true);
                if (end < k + partWords)
                {
                    break;
                }
                hasHouse |= words[k].Fold is "phong" or "can" or "p" or "nha";
                used = end - k + 1;
            }
            else if (Streets.Contains(w.Fold) || (last >= 0 && words[last].IsNumber))
            {
                var end = PlaceFinder.NameAfter(view, Streets.Contains(w.Fold) ? k : k - 1, allowTitleFirst: true);
                end = TrimAdmin(view, k, end);
                if (end < k)
                {
                    break;
                }
                last = end;
                break;
            }
            else
            {
                break;
            }

            last = k + used - 1;
            k += used;
            if (k >= words.Count)
            {
                break;
            }
            var gap = view.GapAfter(last).Trim();
            if (!(gap.Length == 0 || gap.SequenceEqual(",")))
            {
                break;
            }
            if (gap.Length > 0 && HouseAt(view, k) == 0 && !PartAt(view, k, out _) && !Streets.Contains(words[k].Fold))
            {
                break;
            }
        }
        return last;
    }

    /// <summary>A street name read up to a ward ("Lê Văn Sỹ P.13"): stop before the administrative unit.</summary>
    private static int TrimAdmin(RedactionText view, int from, int end)
    {
        for (var k = from; k <= end; k++)
        {
            if (k > from && RedactionLexicon.AdminUnits.Contains(view.Words[k].Fold))
            {
                return k - 1;
            }
        }
        return end;
    }
}
