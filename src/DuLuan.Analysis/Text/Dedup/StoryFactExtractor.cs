using System.Collections.Frozen;
using System.Globalization;

namespace DuLuan.Analysis.Text;

/// <summary>
/// Reads <see cref="StoryFacts"/> from a text in one token pass. Places: a place word ("phường", "xã", "đường", "cầu",
/// "chợ", "ngã tư", "quốc lộ", "TP.", "Q.", …) followed by a capitalised name or a number ("phường Hòa Khánh",
/// "quận 3", "QL1A"), or a capitalised run that is exactly the name of an official unit (the embedded list of 34
/// provinces and 3,321 communes and wards). Dates: "5/12", "05-12-2026", "ngày 5.12", "ngày 5 tháng 12".
/// Amounts: a number followed by a money or percent unit ("20.130 đồng", "3,5 tỷ", "12%").
/// </summary>
internal static class StoryFactExtractor
{
    private const int MaxNameSyllables = 5;

    private static readonly Dictionary<string, bool> Gazetteer = UnitNames.Folded;

    // Place words as written in lower case (with diacritics: folded "cho", "xa", "ban" are also "give", "far", "board");
    // true when the name after them is a province unless the list says it is a commune.
    private static readonly Dictionary<string, bool> PlaceWords = new(StringComparer.Ordinal)
    {
        ["tỉnh"] = true,
        ["thành phố"] = true,
        ["tp"] = true,
        ["phường"] = false,
        ["xã"] = false,
        ["thị trấn"] = false,
        ["đặc khu"] = false,
        ["quận"] = false,
        ["huyện"] = false,
        ["thị xã"] = false,
        ["thôn"] = false,
        ["ấp"] = false,
        ["bản"] = false,
        ["buôn"] = false,
        ["khu phố"] = false,
        ["tổ dân phố"] = false,
        ["khu dân cư"] = false,
        ["khu đô thị"] = false,
        ["đường"] = false,
        ["phố"] = false,
        ["hẻm"] = false,
        ["kiệt"] = false,
        ["ngõ"] = false,
        ["ngách"] = false,
        ["cầu"] = false,
        ["chợ"] = false,
        ["ngã ba"] = false,
        ["ngã tư"] = false,
        ["ngã sáu"] = false,
        ["vòng xoay"] = false,
        ["quốc lộ"] = false,
        ["tỉnh lộ"] = false,
        ["cao tốc"] = false,
        ["sông"] = false,
        ["đèo"] = false,
        ["núi"] = false,
        ["đảo"] = false,
        ["bệnh viện"] = false,
        ["trường"] = false,
        ["công viên"] = false,
        ["khu công nghiệp"] = false,
        ["kcn"] = false,
        ["bến xe"] = false,
        ["sân bay"] = false,
        ["cảng"] = false,
        ["ga"] = false,
        ["chung cư"] = false,
    };

    // Commune-level words: the name after them is a ward or commune even when the list does not know it ("phường 5").
    private static readonly HashSet<string> CommuneWords = new(StringComparer.Ordinal) { "phường", "xã", "thị trấn", "đặc khu", "p" };

    // Abbreviations that count only when a dot follows ("P. Hòa Khánh", "Q.1", "TP.HCM").
    private static readonly Dictionary<string, bool> DottedPlaceWords = new(StringComparer.Ordinal)
    {
        ["tp"] = true,
        ["p"] = false,
        ["q"] = false,
        ["x"] = false,
        ["h"] = false,
        ["tx"] = false,
        ["tt"] = false,
    };

    private static readonly Dictionary<string, string> RegionAliases = new(StringComparer.Ordinal)
    {
        ["hcm"] = "ho chi minh",
        ["tphcm"] = "ho chi minh",
        ["hn"] = "ha noi",
    };

    private static readonly Dictionary<string, string> AmountUnits = new(StringComparer.Ordinal)
    {
        ["dong"] = "d",
        ["d"] = "d",
        ["vnd"] = "d",
        ["usd"] = "usd",
        ["trieu"] = "m",
        ["ty"] = "b",
        ["nghin"] = "k",
        ["ngan"] = "k",
        ["%"] = "%",
    };

    // Words that name a kind of event, as written (lower case, with diacritics: folded "lu", "tong" are other words too).
    private static readonly Dictionary<string, StoryEvent> EventWords = new(StringComparer.Ordinal)
    {
        ["ngập"] = StoryEvent.Flood,
        ["lụt"] = StoryEvent.Flood,
        ["lũ"] = StoryEvent.Flood,
        ["triều cường"] = StoryEvent.Flood,
        ["cháy"] = StoryEvent.Fire,
        ["hỏa hoạn"] = StoryEvent.Fire,
        ["hoả hoạn"] = StoryEvent.Fire,
        ["tai nạn"] = StoryEvent.Accident,
        ["va chạm"] = StoryEvent.Accident,
        ["tông"] = StoryEvent.Accident,
        ["sạt"] = StoryEvent.Landslide,
        ["lở đất"] = StoryEvent.Landslide,
        ["sụt lún"] = StoryEvent.Landslide,
        ["bão"] = StoryEvent.Storm,
        ["dông"] = StoryEvent.Storm,
        ["giông"] = StoryEvent.Storm,
        ["lốc"] = StoryEvent.Storm,
        ["bật gốc"] = StoryEvent.Storm,
        ["mất điện"] = StoryEvent.PowerCut,
        ["cắt điện"] = StoryEvent.PowerCut,
        ["cấp điện"] = StoryEvent.PowerCut,
        ["mất nước"] = StoryEvent.WaterCut,
        ["cúp nước"] = StoryEvent.WaterCut,
        ["cấp nước"] = StoryEvent.WaterCut,
        ["xăng"] = StoryEvent.FuelPrice,
    };

    // One lookup per syllable: the kind a one-syllable word names, and whether it begins a two-syllable one ("tai" nạn).
    // Frozen: most syllables are misses, which a frozen table rejects by length and characters before hashing.
    private static readonly FrozenDictionary<string, (StoryEvent Kind, bool Head)> EventSyllables = EventWords.Keys
        .Select(k => k.Split(' ')[0]).Distinct(StringComparer.Ordinal)
        .ToFrozenDictionary(w => w, w => (EventWords.GetValueOrDefault(w), EventWords.Keys.Any(k => k.StartsWith(w + " ", StringComparison.Ordinal))), StringComparer.Ordinal);

    public static StoryFacts Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = SyllableTokenizer.Tokenize(text);
        var folded = new string[tokens.Count];
        var lower = new string[tokens.Count];
        for (var k = 0; k < tokens.Count; k++)
        {
            folded[k] = VietnameseFold.Fold(tokens[k].Span(text));
            lower[k] = tokens[k].Text(text).ToLowerInvariant();
        }

        var places = new List<string>();
        var wards = new List<string>();
        var regions = new List<string>();
        var dates = new List<string>();
        var amounts = new List<string>();
        var events = StoryEvent.None;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens[k].Kind != TokenKind.Syllable || !EventSyllables.TryGetValue(lower[k], out var word))
            {
                continue;
            }
            events |= word.Kind;
            if (word.Head && k + 1 < tokens.Count && tokens[k + 1].Kind == TokenKind.Syllable
                && EventWords.TryGetValue(lower[k] + " " + lower[k + 1], out var kind))
            {
                events |= kind;
            }
        }
        var i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Number)
            {
                i = ReadNumber(text, tokens, folded, i, dates, amounts);
                continue;
            }
            if (token.Kind != TokenKind.Syllable)
            {
                i++;
                continue;
            }
            if (TryPlaceWord(tokens, folded, lower, i, out var nameStart, out var provinceWord))
            {
                var nameEnd = NameEnd(text, tokens, nameStart);
                var provinceEnd = nameEnd;
                nameEnd = TrimTrailingProvince(folded, nameStart, nameEnd, regions);
                if (nameEnd > nameStart)
                {
                    var communeWord = CommuneWords.Contains(lower[i]) || (i + 1 < nameStart && CommuneWords.Contains(lower[i] + " " + lower[i + 1]));
                    AddPlace(Join(folded, nameStart, nameEnd), provinceWord, communeWord, places, wards, regions);
                    i = provinceEnd;
                    continue;
                }
            }
            if (char.IsUpper(text[token.Start]))
            {
                var end = CapitalRunEnd(text, tokens, lower, i);
                AddKnownName(folded, i, end, wards, regions);
                i = end;
                continue;
            }
            i++;
        }
        return new StoryFacts(places, wards, regions, dates, amounts, events: events);
    }

    /// <summary>
    /// A capitalised run names a unit when it, or the run without its first words ("Gái Hà Nội" at the start of a
    /// sentence), is an official name of at least two syllables (one for a province: "Huế").
    /// </summary>
    private static void AddKnownName(string[] folded, int start, int end, List<string> wards, List<string> regions)
    {
        for (var from = start; from < end; from++)
        {
            var name = Join(folded, from, end);
            if (RegionAliases.TryGetValue(name, out var alias))
            {
                regions.Add(alias);
                return;
            }
            if (Gazetteer.TryGetValue(name, out var isProvince) && (isProvince || end - from >= 2))
            {
                (isProvince ? regions : wards).Add(name);
                return;
            }
        }
    }

    /// <summary>"Hàng Mành Hà Nội" after "phố": the street, and the province it is in.</summary>
    private static int TrimTrailingProvince(string[] folded, int start, int end, List<string> regions)
    {
        for (var from = start + 1; from < end; from++)
        {
            var tail = Join(folded, from, end);
            if (Gazetteer.TryGetValue(tail, out var isProvince) && isProvince)
            {
                regions.Add(tail);
                return from;
            }
        }
        return end;
    }

    private static void AddPlace(string name, bool provinceWord, bool communeWord, List<string> places, List<string> wards, List<string> regions)
    {
        if (RegionAliases.TryGetValue(name, out var alias))
        {
            regions.Add(alias);
            return;
        }
        // "thành phố Đà Nẵng" is a province; "phường Hải Châu" and "phường 5" are wards; "đường Hải Châu" is a street.
        var known = Gazetteer.TryGetValue(name, out var province);
        if (provinceWord && known && province)
        {
            regions.Add(name);
        }
        else if (communeWord)
        {
            wards.Add(name);
        }
        else
        {
            places.Add(name);
        }
    }

    private static bool TryPlaceWord(List<Token> tokens, string[] folded, string[] lower, int i, out int nameStart, out bool provinceWord)
    {
        for (var length = 3; length >= 1; length--)
        {
            if (i + length > tokens.Count || !AllSyllables(tokens, i, i + length))
            {
                continue;
            }

            if (PlaceWords.TryGetValue(Join(lower, i, i + length), out provinceWord))
            {
                nameStart = i + length;
                // "TP." / "Q." written with a dot before the name.
                if (nameStart < tokens.Count && folded[nameStart] == "." && DottedPlaceWords.ContainsKey(folded[i]))
                {
                    nameStart++;
                }
                return true;
            }
        }
        if (i + 1 < tokens.Count && folded[i + 1] == "." && DottedPlaceWords.TryGetValue(folded[i], out provinceWord))
        {
            nameStart = i + 2;
            return true;
        }
        nameStart = i;
        provinceWord = false;
        return false;
    }

    /// <summary>End of the capitalised words or numbers right after a place word ("Hòa Khánh", "5", "1A").</summary>
    private static int NameEnd(string text, List<Token> tokens, int start)
    {
        var end = start;
        while (end < tokens.Count && end - start < MaxNameSyllables)
        {
            var token = tokens[end];
            var isName = token.Kind == TokenKind.Syllable ? char.IsUpper(text[token.Start]) : token.Kind == TokenKind.Number && end == start;
            if (!isName || (end > start && tokens[end - 1].End + 1 < token.Start))
            {
                break;
            }

            end++;
        }
        return end;
    }

    private static int CapitalRunEnd(string text, List<Token> tokens, string[] lower, int start)
    {
        var end = start + 1;
        while (end < tokens.Count && end - start < MaxNameSyllables && tokens[end].Kind == TokenKind.Syllable
            && char.IsUpper(text[tokens[end].Start]) && !PlaceWords.ContainsKey(lower[end]))
        {
            end++;
        }

        return end;
    }

    private static int ReadNumber(string text, List<Token> tokens, string[] folded, int i, List<string> dates, List<string> amounts)
    {
        var value = tokens[i].Text(text);
        var afterDay = i > 0 && folded[i - 1] == "ngay";
        if (TryDate(value, afterDay, out var date))
        {
            dates.Add(date);
            return i + 1;
        }
        // "ngày 5 tháng 12"
        if (afterDay && i + 2 < tokens.Count && folded[i + 1] == "thang" && tokens[i + 2].Kind == TokenKind.Number
            && TryDayMonth(value, tokens[i + 2].Text(text), out date))
        {
            dates.Add(date);
            return i + 3;
        }
        if (i + 1 < tokens.Count && AmountUnits.TryGetValue(folded[i + 1], out var unit))
        {
            amounts.Add(value.Replace(".", "", StringComparison.Ordinal) + unit);
            return i + 2;
        }
        return i + 1;
    }

    private static bool TryDate(string value, bool afterDay, out string date)
    {
        date = "";
        var separator = value.Contains('/', StringComparison.Ordinal) ? '/' : value.Contains('-', StringComparison.Ordinal) ? '-' : afterDay ? '.' : '\0';
        if (separator == '\0')
        {
            return false;
        }

        var parts = value.Split(separator);
        return parts.Length is 2 or 3 && (parts.Length == 2 || parts[2].Length is 2 or 4) && TryDayMonth(parts[0], parts[1], out date);
    }

    private static bool TryDayMonth(string dayText, string monthText, out string date)
    {
        date = "";
        if (!int.TryParse(dayText, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(monthText, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || day is < 1 or > 31 || month is < 1 or > 12)
        {
            return false;
        }
        date = day.ToString(CultureInfo.InvariantCulture) + "/" + month.ToString(CultureInfo.InvariantCulture);
        return true;
    }

    private static bool AllSyllables(List<Token> tokens, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (tokens[k].Kind != TokenKind.Syllable)
            {
                return false;
            }
        }
        return true;
    }

    private static string Join(string[] folded, int start, int end) =>
        end - start == 1 ? folded[start] : string.Join(' ', folded, start, end - start);
}
