namespace DuLuan.Analysis.Text;

/// <summary>
/// A home address given as someone's home: "nhà tôi ở số 12 ngõ 5 phố Hàng Bạc", "địa chỉ: ...", "trú tại ...",
/// "ông Nam ở số 8 ...", "nhà số 7". Only the house, lane and street are taken; the ward, district and city after them
/// stay. An address without such words is the location of the problem and is kept.
/// </summary>
internal static partial class HomeAddressFinder
{
    private static readonly HashSet<string> Lanes = new(StringComparer.Ordinal) { "kiet", "hem", "ngo", "ngach" };
    private static readonly string[] Parts = ["khu pho", "to dan pho", "can ho", "day tro", "nha tro", "khu tro", "day nha", "to", "thon", "ap", "xom", "ban", "khoi", "khom", "buon", "phong", "tang", "lo", "nha"];
    private static readonly HashSet<string> Streets = new(StringComparer.Ordinal) { "duong", "pho", "d" };

    /// <param name="contacts">Names, phones and e-mails found, in text order: an address listed right after them is theirs.</param>
    public static void Find(RedactionText view, List<RedactionSpan> names, List<RedactionSpan> contacts, List<RedactionSpan> into)
    {
        var words = view.Words;
        for (var i = 0; i < words.Count; i++)
        {
            var houseWords = HouseAt(view, i);
            // "…Trần Quang Diệu, P.14, Q.3": "P." after a comma is the ward, not a room.
            if (houseWords > 0 && words[i].Fold == "p" && i > 0 && view.GapAfter(i - 1).Trim().SequenceEqual(","))
            {
                continue;
            }
            var strongStart = houseWords == 0 && PartAt(view, i, out _) && (i + 1 < words.Count);
            if (houseWords == 0 && !strongStart)
            {
                continue;
            }

            var cue = Cue(view, names, contacts, i);
            // "nhà tôi ở xóm 5", "ông Hai ở tổ 3 thôn An Trạch", "tôi ở tổ 5": said to be the writer's or someone's home, a
            // hamlet or residents' group is the home (it is what a rural address is); after "ông Hùng ở" it stays a place.
            // A hamlet or village alone ("nhà ở thôn Phú Sơn", "hộ ông Lử ở bản Pa Cheo") is the place around a home, not the
            // home: it is one when the writer gives it as their household's ("nhà tôi ở thôn …") or a house number comes with it.
            var residence = houseWords == 0 && ResidenceAt(view, i)
                && ((cue == Home && OwnedHome(view, names, i) && (!Hamlets.Any(h => view.Spells(i, h, out _)) || WriterHousehold(view, i) || HasHouse(view, i)))
                    || WriterResident(view, i) || NamedApposition(view, names, i));
            if (residence)
            {
                cue = Math.Max(cue, Home);
            }
            if (cue < Strong && houseWords == 0 && !residence)
            {
                continue;
            }

            var end = Extent(view, i, out var hasHouse, out var hasDwelling);
            // A number alone is not an address ("45 tuổi"): a street, lane or hamlet must follow it.
            if (end < i || (houseWords == 1 && end == i))
            {
                continue;
            }
            if (cue == None)
            {
                if (!PersonalDataPatterns.HomeAfterCue().IsMatch(view.Folded.AsSpan(words[end].End)))
                {
                    continue;
                }
                cue = Home;
            }
            if ((cue < Strong && !hasHouse && !residence) || (cue == PersonAt && !hasDwelling))
            {
                continue;
            }

            into.Add(new RedactionSpan(words[i].Start, words[end].End - words[i].Start, RedactionKind.Address));
            i = end;
        }
    }

    // How sure the words around an address are that it is someone's home.
    private const int None = 0;
    private const int PersonAt = 1; // "tôi ở", "ông Nam ở", a contact list: a house number is needed, a lane is not enough
    private const int Home = 2; // "nhà tôi ở", "ở trọ tại", "... nhà tôi": a house or a lane number is needed
    private const int Strong = 3; // "địa chỉ:", "trú tại", "hộ khẩu", "nhà số": whatever address follows

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
        // "căn 905", "căn số 15", "tầng 9": written with their marks ("cần 2 người", "tăng 2 lần" are not) or in a line without any.
        if (w.Fold is "can" or "tang" && (w.Lower is "căn" or "tầng" || !w.LineHasMarks))
        {
            if (view.Spells(i + 1, "so", out _) && NumberAt(i + 2))
            {
                return 3;
            }
            if (NumberAt(i + 1))
            {
                return 2;
            }
        }
        // "thửa đất số 112": a household's land parcel.
        if ((view.Spells(i, "thua dat so", out var parcel) || view.Spells(i, "thua so", out parcel)) && NumberAt(i + parcel))
        {
            return parcel + 1;
        }
        return (w.IsNumber || LaneCode(w)) && i + 1 < words.Count && view.JoinedToNext(i) && !words[i + 1].IsNumber
            && !(Counted.Contains(words[i + 1].Fold) && (words[i + 1].Caseless || !words[i + 1].Capitalised)) ? 1 : 0;
    }

    /// <summary>A lane and house written as one code: "K72/4", "k23/4" (kiệt 72, house 4).</summary>
    internal static bool LaneCode(RedactionWord w)
        => w.Fold.Length >= 4 && w.Fold[0] == 'k' && char.IsDigit(w.Fold[1]) && w.Fold.Contains('/', StringComparison.Ordinal) && w.Fold.Skip(1).All(c => char.IsDigit(c) || c == '/' || char.IsAsciiLetterLower(c));

    /// <summary>Words a number counts ("nhà tôi 2 người", "45 tuổi", "3 lần"), in lower case: the number is no house ("12 Nam Kỳ Khởi Nghĩa" is).</summary>
    private static readonly HashSet<string> Counted = new(StringComparer.Ordinal)
    {
        "nguoi", "tuoi", "nam", "thang", "ngay", "tuan", "gio", "phut", "tieng", "lan", "ho", "con", "chiec", "cai", "trieu", "nghin", "ngan", "dong", "m", "km", "met", "kg", "tan", "xe", "khau", "chau",
    };

    private static readonly string[] Residences = ["to dan pho", "khu pho", "to", "thon", "ap", "xom", "ban", "khoi", "khom", "buon"];

    /// <summary>A residents' group or hamlet with its number or name: "tổ 3", "thôn Đông Lâm", "buôn Ea Kmar".</summary>
    private static bool ResidenceAt(RedactionText view, int i)
    {
        foreach (var part in Residences)
        {
            if (view.Spells(i, part, out var count) && i + count < view.Words.Count && view.JoinedToNext(i + count - 1))
            {
                var next = view.Words[i + count];
                return next.IsNumber || next.Capitalised || (next.Caseless && !next.HasMarks) || !view.Words[i].HasMarks;
            }
        }
        return false;
    }

    /// <summary>Words before <paramref name="i"/> owning a home: "nhà tôi ở", "gia đình em ở", "nhà ông Sáu ở", "hộ bà Hai,".</summary>
    private static bool OwnedHome(RedactionText view, List<RedactionSpan> names, int i)
    {
        var start = view.Words[i].Start;
        var from = Math.Max(0, start - 80);
        if (PersonalDataPatterns.WeakHomeCue().IsMatch(view.Folded.AsSpan(from, start - from)))
        {
            return true;
        }
        var name = LastBefore(names, start);
        if (name < 0 || start - names[name].End > 20)
        {
            return false;
        }
        var nameFrom = Math.Max(0, names[name].Start - 24);
        return PersonalDataPatterns.HomeOfNamed().IsMatch(view.Folded.AsSpan(nameFrom, names[name].Start - nameFrom));
    }

    /// <summary>
    /// A small residents' group set after a person's name by a comma and closed by a comma or the ward: "Chị Phạm Thị Ngọc Ánh,
    /// tổ 21, đã nộp …", "BÀ NGUYỄN THỊ TUYẾT, TỔ 9 KHỐI 5 PHƯỜNG …" — the person's address. "Ông Tư ở tổ 5" stays a place.
    /// </summary>
    private static bool NamedApposition(RedactionText view, List<RedactionSpan> names, int i)
    {
        var name = LastBefore(names, view.Words[i].Start);
        if (name < 0 || !SmallGroups.Any(g => view.Spells(i, g, out _)))
        {
            return false;
        }
        var between = view.Text.AsSpan(names[name].End, view.Words[i].Start - names[name].End).Trim();
        if (!between.SequenceEqual(","))
        {
            return false;
        }
        var end = Extent(view, i, out _, out _);
        return end >= i && end + 1 < view.Words.Count && (view.GapAfter(end).Trim().SequenceEqual(",") || IsAdminAt(view, end + 1));
    }

    /// <summary>Hamlets and villages (hundreds of homes): alone they are a place, with a house number a home.</summary>
    private static readonly string[] Hamlets = ["thon", "ap", "ban", "buon", "lang", "soc"];

    private static bool WriterHousehold(RedactionText view, int i)
    {
        var start = view.Words[i].Start;
        var from = Math.Max(0, start - 40);
        return PersonalDataPatterns.WriterOwnHousehold().IsMatch(view.Folded.AsSpan(from, start - from));
    }

    /// <summary>The address at <paramref name="i"/> holds a house or a small residents' group ("thôn 7 xóm Trại"), not a hamlet alone.</summary>
    private static bool HasHouse(RedactionText view, int i)
    {
        var end = Extent(view, i, out var hasHouse, out _);
        for (var k = i + 1; k <= end && !hasHouse; k++)
        {
            hasHouse = SmallGroups.Any(g => view.Spells(k, g, out _));
        }
        return hasHouse;
    }

    /// <summary>Residents' groups small enough to point at a household (tens of homes), unlike a hamlet or quarter.</summary>
    private static readonly string[] SmallGroups = ["to dan pho", "to", "xom", "khoi", "khom"];

    /// <summary>The writer saying they live in the small residents' group at <paramref name="i"/>: "tôi ở tổ 5", "em o to 14 khoi 3".</summary>
    private static bool WriterResident(RedactionText view, int i)
    {
        if (!SmallGroups.Any(g => view.Spells(i, g, out _)))
        {
            return false;
        }

        var start = view.Words[i].Start;
        var from = Math.Max(0, start - 40);
        return PersonalDataPatterns.WriterResidentCue().IsMatch(view.Folded.AsSpan(from, start - from));
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

    /// <summary>How the words before the address at <paramref name="i"/> say it is someone's home (<see cref="None"/> .. <see cref="Strong"/>).</summary>
    private static int Cue(RedactionText view, List<RedactionSpan> names, List<RedactionSpan> contacts, int i)
    {
        var start = view.Words[i].Start;
        // "Nhà số 12 bị cháy", "cột điện trước nhà số 14": without words saying whose it is, a house is where the problem is.
        if (i > 0 && RedactionLexicon.NearWords.Contains(view.Words[i - 1].Fold) && (view.Spells(i, "nha so", out _) || view.Spells(i, "so nha", out _)))
        {
            return None;
        }
        var from = Math.Max(0, start - 80);
        var before = view.Folded.AsSpan(from, start - from);
        if (PersonalDataPatterns.StrongHomeCue().IsMatch(before))
        {
            return Strong;
        }
        if (PersonalDataPatterns.WeakHomeCue().IsMatch(before))
        {
            return Home;
        }
        if (PersonalDataPatterns.PersonAtCue().IsMatch(before) || (PersonalDataPatterns.HomeByLandmark().IsMatch(before) && view.Words[i].Fold is "so"))
        {
            return PersonAt;
        }
        var name = LastBefore(names, start);
        if (name >= 0 && start - names[name].End <= 32)
        {
            var between = view.Folded.AsSpan(names[name].End, start - names[name].End);
            // With no word between ("bà Lan số 7 kiệt 20") the address must start with a house or lane, not a bare number ("85 tuổi").
            if (between.Length <= 20 && PersonalDataPatterns.AfterNameHomeCue().IsMatch(between) && (between.Trim(" ,(").Length > 0 || HouseAt(view, i) >= 2))
            {
                return Home;
            }
            // "Nhà bác Bảy ở cuối kiệt 71 …": the named person's home, somewhere in the lane ("quán của chị Mai ở đầu hẻm 5" is not).
            if (PersonalDataPatterns.AfterNameInside().IsMatch(between) && OwnedHome(view, names, i))
            {
                return Home;
            }
            // "Cô Nguyễn Thị Thu Hà, giáo viên, số 77 Núi Thành", "Mẹ tôi Hồ Thị Liên, 79 tuổi, ở tổ 23": the person's address after a short apposition.
            if (PersonalDataPatterns.AfterNameApposition().IsMatch(between) && HouseAt(view, i) >= 2)
            {
                return Home;
            }
        }
        // "Người nhận: Cao Thị Duyên - 0916 888 404 - số 23 đường 30 Tháng 4": an address listed with a person's contacts.
        var contact = LastBefore(contacts, start);
        if (contact >= 0 && start - contacts[contact].End <= 4)
        {
            var gap = view.Text.AsSpan(contacts[contact].End, start - contacts[contact].End);
            if (gap.Trim().Length > 0 && gap.Trim().TrimStart(",;-–—").Length == 0)
            {
                return PersonAt;
            }
        }
        // "Anh Đức (0905.337.891) ở số 5 kiệt 30 …", "…, sđt 0962 118 345, ở số 14 …": the person's contact, then where they live.
        if (contact >= 0 && start - contacts[contact].End <= 12)
        {
            var gap = view.Folded.AsSpan(contacts[contact].End, start - contacts[contact].End).TrimStart(" )],;-");
            if (gap.Length < start - contacts[contact].End && PersonalDataPatterns.AfterNameHomeCue().IsMatch(gap) && gap.Trim(" ,(").Length > 0)
            {
                return PersonAt;
            }
        }
        return None;
    }

    /// <summary>Index of the last span ending at or before <paramref name="start"/> (spans in text order), or -1.</summary>
    private static int LastBefore(List<RedactionSpan> spans, int start)
    {
        int lo = 0, hi = spans.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (spans[mid].End <= start)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found;
    }
}
