namespace DuLuan.Analysis.Text;

/// <summary>How far a home address runs: house, lanes, residents' group, street; not the ward, the quarter or a public place after it.</summary>
internal static partial class HomeAddressFinder
{
    /// <summary>Public places a home stands in, which stay: "phòng 302 nhà B2 | ký túc xá …", "số 8 | chung cư …", "căn 15 dãy B | khu tập thể …".</summary>
    private static readonly string[] PublicHeads = ["chung cu", "ky tuc xa", "ktx", "khu tap the", "khu do thi", "kdt", "khu dan cu", "kdc", "benh vien", "cong vien", "sieu thi", "nha van hoa", "ben xe", "truong", "cho"];

    /// <summary>Last word of the address that starts at <paramref name="i"/>: house, lanes, hamlet, street; not the ward.</summary>
    private static int Extent(RedactionText view, int i, out bool hasHouse, out bool hasDwelling)
    {
        var words = view.Words;
        hasHouse = false;
        hasDwelling = false;
        var k = i;
        var last = -1;
        var afterComma = false;
        var houseNumber = false;
        var flat = false;
        while (k < words.Count)
        {
            var w = words[k];
            if (last >= 0 && (IsAdminAt(view, k) || PublicHeadAt(view, k)))
            {
                break;
            }
            // "xóm 2, | thôn Hòa Mỹ": a hamlet listed after a residents' group is the place around the home (a house with its
            // hamlet, "số 8, tổ 21, thôn Quan Nam 3", and "tổ 5 thôn Bồ Bản" written as one stay one address).
            if (last >= 0 && afterComma && !hasHouse && w.Fold is "thon" or "ap" or "ban" or "buon")
            {
                break;
            }

            int used;
            var house = HouseAt(view, k);
            if (house >= 2)
            {
                // A floor alone ("ông Hải ở tầng 3") is not yet a home; "tầng 9 căn 905" is, by its flat.
                used = house;
                hasHouse |= w.Fold != "tang";
                hasDwelling |= !Lanes.Contains(w.Fold) && w.Fold != "tang";
                flat |= view.Spells(k, "can ho", out _);
            }
            else if (house == 1)
            {
                used = 1;
                hasHouse = true;
                hasDwelling = true;
            }
            // ("căn hộ 1203 | tòa B chung cư …" keeps the block with the building, as the round-2 sets write it.)
            else if (last >= 0 && hasDwelling && !flat && (w.Fold is "block" || (w.Fold is "toa" or "day" && (w.Lower is "tòa" or "toà" or "dãy" || !w.LineHasMarks)))
                && k + 1 < words.Count && view.JoinedToNext(k) && ShortCode(words[k + 1]))
            {
                // "phòng 1204 tòa B", "số 402 tòa A2", "căn số 15 dãy B": the block of the flat.
                used = 2;
            }
            else if (last >= 0 && view.Spells(k, "to ban do so", out var sheet) && k + sheet < words.Count && words[k + sheet].IsNumber)
            {
                // "thửa đất số 112, tờ bản đồ số 9".
                used = sheet + 1;
            }
            else if (last >= 0 && Lanes.Contains(w.Fold) && k + 1 < words.Count && view.JoinedToNext(k) && (words[k + 1].Capitalised || words[k + 1].Caseless))
            {
                // "số 9 ngõ Văn Chương": a lane named rather than numbered, after the house.
                var end = Trim(view, k, PlaceFinder.NameAfter(view, k, allowTitleFirst: true));
                if (end > k)
                {
                    last = end;
                }
                break;
            }
            else if (PartAt(view, k, out var partWords))
            {
                // "tổ 4", "xóm 2": the number alone ("to 4 noi nuoc ngap" goes on in the writer's words); "thôn Trung Nghĩa": the name.
                var end = words[k + partWords].IsNumber && view.JoinedToNext(k + partWords - 1)
                    ? k + partWords
                    : Trim(view, k + partWords, PlaceFinder.NameAfter(view, k + partWords - 1, allowTitleFirst: true));
                if (end < k + partWords)
                {
                    break;
                }
                hasHouse |= words[k].Fold is "phong" or "can" or "nha" or "day";
                hasDwelling |= words[k].Fold is "phong" or "can" or "nha" or "day";
                used = end - k + 1;
            }
            // A street after a house or lane number ("số 12 Lê Lợi", "kiệt 5 Trưng Nữ Vương"); after a group's number ("tổ 4")
            // the words are the writer's ("o to 4 noi nuoc ngap").
            else if (Streets.Contains(w.Fold) || (last >= 0 && (words[last].IsNumber || LaneCode(words[last])) && houseNumber))
            {
                var end = StreetEnd(view, k, Streets.Contains(w.Fold));
                // "đường" with no name after it ("…, đường vào thôn bị ngập") is the next clause, not the street.
                if (end > k || (end == k && !Streets.Contains(w.Fold)))
                {
                    last = end;
                }
                break;
            }
            else
            {
                break;
            }

            last = k + used - 1;
            houseNumber = house > 0;
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
            if (gap.Length > 0 && HouseAt(view, k) == 0 && !PartAt(view, k, out _) && !Streets.Contains(words[k].Fold) && !view.Spells(k, "to ban do so", out _))
            {
                break;
            }
            afterComma = gap.Length > 0;
        }
        return last;
    }

    /// <summary>Last word of the street that starts at <paramref name="k"/> (a street word, or the name after a house number).</summary>
    private static int StreetEnd(RedactionText view, int k, bool streetWord)
    {
        var words = view.Words;
        if (streetWord && k + 1 < words.Count && view.JoinedToNext(k))
        {
            // "đường số 3", "đường 2/9", "đường 30 Tháng 4": a numbered street ends with its number (or its month).
            if (words[k + 1].Fold == "so" && k + 2 < words.Count && words[k + 2].IsNumber && view.JoinedToNext(k + 1))
            {
                return k + 2;
            }
            if (words[k + 1].IsNumber)
            {
                return k + 3 < words.Count && view.JoinedToNext(k + 1) && words[k + 2].Fold == "thang" && words[k + 3].IsNumber && view.JoinedToNext(k + 2) ? k + 3 : k + 1;
            }
        }
        var end = PlaceFinder.NameAfter(view, streetWord ? k : k - 1, allowTitleFirst: true);
        return TrimParticles(view, k, TrimCity(view, streetWord ? k + 1 : k, Trim(view, k, end)));
    }

    /// <summary>
    /// A district, ward or city written after the street without a comma ("ngõ 88 Trần Quý Cáp Đống Đa", "số 31 hẻm 8 Đinh Tiên
    /// Hoàng Nha Trang"): the street ends before it when two words of the street stay and the whole is no listed street.
    /// </summary>
    private static int TrimCity(RedactionText view, int from, int end)
    {
        if (end - from < 3 || RedactionLexicon.NamedPlaces.Contains(string.Join(' ', view.Words.Skip(from).Take(end - from + 1).Select(w => w.Fold))))
        {
            return end;
        }
        for (var cut = from + 2; cut < end; cut++)
        {
            if (PlaceNames.IsKnownPlace(string.Join(' ', view.Words.Skip(cut).Take(end - cut + 1).Select(w => w.Fold))))
            {
                return cut - 1;
            }
        }
        return end;
    }

    /// <summary>
    /// A name right after a house number is the street's, not a person's: "88/3 Trần Quang Diệu", and "số 77 Lạc Long Quân"
    /// when the number is said to be a place ("ở số", "tại số", "quán số", "trước số", "đến số"). A list ("số 1 Nguyễn Văn
    /// A, số 2 …", "hộ số 3 Trần Thị B") keeps its names removed.
    /// </summary>
    internal static bool StreetAfterHouse(RedactionText view, int start)
    {
        var words = view.Words;
        var j = words.FindIndex(w => w.Start == start);
        if (j < 1 || !words[j - 1].IsNumber || !view.JoinedToNext(j - 1))
        {
            return false;
        }
        if (words[j - 1].Fold.Contains('/', StringComparison.Ordinal))
        {
            return true;
        }
        return j >= 3 && words[j - 2].Fold is "so" && view.JoinedToNext(j - 2) && view.JoinedToNext(j - 3) && PlaceBeforeNumber.Contains(words[j - 3].Fold);
    }

    private static readonly HashSet<string> PlaceBeforeNumber = new(StringComparer.Ordinal)
    {
        "o", "tai", "nha", "quan", "tiem", "can", "truoc", "sau", "canh", "gan", "sat", "ben", "dien", "tu", "den", "toi", "cua", "chu", "cong",
    };

    /// <summary>A block's code: "B", "A2", "P3".</summary>
    private static bool ShortCode(RedactionWord w) => w.End - w.Start <= 4 && (w.IsNumber || w.Capitalised || w.Fold.Any(char.IsDigit));

    private static bool PublicHeadAt(RedactionText view, int k)
    {
        foreach (var head in PublicHeads)
        {
            if (view.Spells(k, head, out _))
            {
                var w = view.Words[k];
                // Without marks "cho" (for) and "truong" (head of) are everyday words in a line that has marks; capitalised in a
                // line with case they open a street's name ("ngõ 120 Trường Chinh").
                return head is not ("cho" or "truong") || ((w.Lower is "chợ" or "trường" || !w.LineHasMarks) && (w.Caseless || !w.Capitalised));
            }
        }
        return false;
    }

    /// <summary>
    /// A ward, commune, district or province word: "phường", "Q.", "quận 3". Written with other marks it is a name's word
    /// ("Lạc Long Quân", "Quan Hoa"); without marks in a line that has them it is one too.
    /// </summary>
    private static bool IsAdminAt(RedactionText view, int k)
    {
        var w = view.Words[k];
        if (w.Fold.Length is 2 or 3 && w.Fold[0] is 'p' or 'q' && w.Fold.Skip(1).All(char.IsAsciiDigit))
        {
            // "q5", "p12": a district or ward written without its dot.
            return true;
        }
        if (!RedactionLexicon.AdminUnits.Contains(w.Fold))
        {
            return false;
        }
        if (w.Fold is "p" or "q" or "tp")
        {
            return true;
        }
        if (w.HasMarks)
        {
            return w.Lower is "phường" or "xã" or "quận" or "huyện" or "tỉnh";
        }
        return !w.LineHasMarks && k + 1 < view.Words.Count && (view.JoinedToNext(k) || view.GapAfter(k).Trim().SequenceEqual("."));
    }

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "a", "nhe", "nha", "nhi", "ha" };

    /// <summary>A street name read in lower case up to a closing particle ("… ta quang buu a,"): the particle is not the street's.</summary>
    private static int TrimParticles(RedactionText view, int from, int end)
    {
        while (end > from + 1 && Particles.Contains(view.Words[end].Fold) && !view.Words[end].Capitalised)
        {
            end--;
        }
        return end;
    }

    /// <summary>A name read up to a ward or a public place ("Lê Văn Sỹ P.13", "B2 ký túc xá"): stop before it.</summary>
    private static int Trim(RedactionText view, int from, int end)
    {
        for (var k = from; k <= end; k++)
        {
            if (k > from && (IsAdminAt(view, k) || PublicHeadAt(view, k)))
            {
                return k - 1;
            }
        }
        return end;
    }
}
