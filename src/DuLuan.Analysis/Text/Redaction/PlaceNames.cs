namespace DuLuan.Analysis.Text;

/// <summary>
/// A span read as a person's name that is the name of a place: a province or city people still write ("bến xe phía Bắc
/// Thanh Hoá"), or a place the same text names with its unit ("cử tri xã Thạch Hải … kè biển Thạch Hải"). A name after a
/// title or kinship word ("chị Hà Giang") stays a name; so does a single word ("Vinh" is a given name as often as a city).
/// </summary>
internal static class PlaceNames
{
    /// <summary>
    /// Provinces merged away in 2025 and cities people still write, folded; the 34 provinces of today come from
    /// <see cref="UnitNames"/>.
    /// </summary>
    private static readonly HashSet<string> FormerProvincesAndCities = new(
        ("ha giang|yen bai|bac kan|hoa binh|vinh phuc|bac giang|hai duong|thai binh|ha nam|nam dinh|quang binh|quang nam|kon tum|" +
        "binh dinh|phu yen|ninh thuan|dak nong|binh phuoc|binh duong|binh thuan|ba ria|vung tau|long an|tien giang|ben tre|tra vinh|" +
        "soc trang|hau giang|bac lieu|kien giang|thua thien hue|nha trang|da lat|buon ma thuot|quy nhon|ha long|pleiku|my tho|rach gia|" +
        "phan thiet|long xuyen|bien hoa|thu dau mot|sai gon|hoi an|tam ky|dong ha|sa pa|phu quoc|cam ranh|tuy hoa|sam son|mong cai|cua lo|" +
        "chau doc|ha tien|uong bi|cam pha|son tay|phan rang|thap cham|bao loc|gia nghia|dong xoai|tan an|vi thanh|cao lanh|sa dec|ben cat|" +
        "di an|thuan an").Split('|'), StringComparer.Ordinal);

    /// <summary>True when the name at [<paramref name="start"/>, <paramref name="end"/>) is a place rather than a person.</summary>
    internal static bool IsPlace(RedactionText view, int start, int end, List<(int Start, int End)> places)
    {
        if (AfterTitle(view, start))
        {
            return false;
        }
        if (PartOfUnitName(view, start, end))
        {
            return true;
        }
        var name = Folded(view, start, end);
        if (name.IndexOf(' ', StringComparison.Ordinal) < 0)
        {
            return false;
        }
        if (FormerProvincesAndCities.Contains(name) || (UnitNames.Folded.TryGetValue(name, out var province) && province))
        {
            return true;
        }
        foreach (var (placeStart, placeEnd) in places)
        {
            var place = Folded(view, placeStart, placeEnd);
            if (place.Length > name.Length && place.EndsWith(name, StringComparison.Ordinal) && place[place.Length - name.Length - 1] == ' ')
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The name is a strict part of a unit's or city's name written around it ("Gio Linh", "Long Xuyên", "Buôn Ma Thuột",
    /// "kim lien"): the words joined to it on either side (capitalised ones in a line that capitalises) complete the place.
    /// </summary>
    private static bool PartOfUnitName(RedactionText view, int start, int end)
    {
        var words = view.Words;
        var first = view.FirstWordEndingAfter(start);
        var last = view.FirstWordEndingAfter(end) - 1;
        if (first >= words.Count || last < first)
        {
            return false;
        }
        for (var left = first; left >= Math.Max(0, first - 2); left--)
        {
            if (left < first && !Joins(view, left))
            {
                break;
            }
            for (var right = last; right < Math.Min(words.Count, last + 3); right++)
            {
                if (right > last && !Joins(view, right - 1, right))
                {
                    break;
                }
                if ((left < first || right > last) && right - left <= 3 && IsKnownPlace(Folded(view, words[left].Start, words[right].End)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Words <paramref name="k"/> and the one or two joined after it spell a ward's, commune's or city's name ("hoa khanh", "Bình Thạnh").</summary>
    internal static bool StartsKnownPlace(RedactionText view, int k, bool citiesOnly = false)
    {
        var words = view.Words;
        var name = words[k].Fold;
        for (var j = k + 1; j < words.Count && j - k <= 2 && view.JoinedToNext(j - 1) && !words[j].IsNumber; j++)
        {
            name += " " + words[j].Fold;
            if (citiesOnly ? FormerProvincesAndCities.Contains(name) : IsKnownPlace(name))
            {
                return true;
            }
        }
        return false;
    }

    internal static bool IsKnownPlace(string name) => UnitNames.Folded.ContainsKey(name) || FormerProvincesAndCities.Contains(name);

    /// <summary>Word <paramref name="i"/> runs into the next one as part of one name (and, in a cased line, is capitalised).</summary>
    private static bool Joins(RedactionText view, int i) => Joins(view, i, i + 1) && (view.Words[i].Caseless || view.Words[i].Capitalised);

    private static bool Joins(RedactionText view, int i, int next)
        => view.JoinedToNext(i) && (view.Words[next].Caseless || view.Words[next].Capitalised);

    private static bool AfterTitle(RedactionText view, int start)
    {
        var before = view.FirstWordEndingAfter(start) - 1;
        var w = before >= 0 ? view.Words[before] : default;
        return before >= 0 && view.JoinedToNext(before) && NameLists.Triggers.Contains(w.Fold) && w.Fold is not ("o" or "tai" or "nha" or "xom");
    }

    private static string Folded(RedactionText view, int start, int end)
        => string.Join(' ', view.Folded.AsSpan(start, end - start).ToString().Split([' ', '\t', '\n', '\r', ',', '.', '-'], StringSplitOptions.RemoveEmptyEntries));
}
