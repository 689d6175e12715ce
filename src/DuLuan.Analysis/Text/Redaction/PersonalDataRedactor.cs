using System.Text;

namespace DuLuan.Analysis.Text;

/// <summary>
/// Finds personal data in free Vietnamese text (expects normalised text) and replaces it with labels.
/// The rule (docs/text-core.md, "Redaction"): remove what identifies a person, keep public places, the location of the
/// problem and officials acting in office. Numbers first (e-mail, health insurance, bank, citizen id, phone, old id,
/// plate), then home addresses, then names; public places and officials are found first and protect what they cover.
/// </summary>
public static partial class PersonalDataRedactor
{
    private static readonly Dictionary<RedactionKind, string> Labels = new()
    {
        [RedactionKind.Phone] = "[số điện thoại]",
        [RedactionKind.CitizenId] = "[số CCCD]",
        [RedactionKind.OldId] = "[số CMND]",
        [RedactionKind.Email] = "[email]",
        [RedactionKind.BankAccount] = "[số tài khoản]",
        [RedactionKind.LicencePlate] = "[biển số]",
        [RedactionKind.Address] = "[địa chỉ]",
        [RedactionKind.PersonName] = "[họ tên]",
        [RedactionKind.HealthInsurance] = "[số BHYT]",
        [RedactionKind.OtherId] = "[số giấy tờ]",
        [RedactionKind.PersonalLink] = "[liên kết cá nhân]",
    };

    public static string LabelOf(RedactionKind kind) => Labels[kind];

    /// <summary>Spans of personal data, ordered by position, never overlapping.</summary>
    public static List<RedactionSpan> Find(string text) => Find(text, RedactionScope.Public);

    public static List<RedactionSpan> Find(string text, RedactionScope scope) => Find(text, scope, SpanTagger.Shipped);

    /// <summary>
    /// The rules, then (public scope) the learned span model's names and homes where the rules found nothing: a union for
    /// people, while what the rules keep as a public place or an official in office stays kept.
    /// </summary>
    internal static List<RedactionSpan> Find(string text, RedactionScope scope, SpanTagger? model, LearnedHomes homesPolicy = LearnedHomes.OverPlaces, bool otherMentions = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = Rules(text, scope);
        var candidates = rules.Candidates;
        if (scope == RedactionScope.Identifiers || model is null || rules.View.Words.Count == 0)
        {
            OrganisationNames.Keep(rules.View, candidates);
            return Resolve(NameEnds.Widen(text, candidates));
        }

        var view = rules.View;
        var marks = Marks(rules);
        foreach (var (span, block) in Learned(rules, marks, model, homesPolicy))
        {
            if (block == LearnedBlock.None && !WidenRuleName(candidates, span))
            {
                candidates.Add(span);
            }
        }
        OrganisationNames.Keep(view, candidates);
        if (otherMentions)
        {
            OtherMentions.Add(view, marks, candidates);
        }
        return Resolve(NameEnds.Widen(text, candidates));
    }

    /// <summary>
    /// A learned name that is part of an everyday word: its last word with the next one ("Phúc đáp", "TUẤN HÀNG XÓM"), or, in
    /// lower case in a line that capitalises names, its own words ("lô đất") — Viet74K's common words, with marks when the line has them.
    /// </summary>
    private static bool EverydayWord(RedactionText view, int first, int last)
    {
        var words = view.Words;
        if (last + 1 < words.Count && (!words[last + 1].Capitalised || words[last + 1].Caseless) && Everyday(view, last))
        {
            return true;
        }
        if (words[first].Caseless || words[first].Capitalised)
        {
            return false;
        }
        for (var k = first; k < last; k++)
        {
            if (Everyday(view, k))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Everyday(RedactionText view, int k)
    {
        if (!view.JoinedToNext(k))
        {
            return false;
        }
        var flags = RedactionWordList.Pair(view.Words[k], view.Words[k + 1]);
        return (flags & (view.Words[k].LineHasMarks ? RedactionWordList.Common : RedactionWordList.CommonFolded)) != 0;
    }

    /// <summary>A learned name that is, or with the words joined after it begins, a listed street named after a person ("Lê" of "Lê Lợi ngập sâu").</summary>
    private static bool StartsNamedPlace(RedactionText view, int first, int last)
    {
        var run = string.Join(' ', view.Words.Skip(first).Take(last - first + 1).Select(w => w.Fold));
        for (var k = last; ; k++)
        {
            if (RedactionLexicon.NamedPlaces.Contains(run))
            {
                return true;
            }
            if (k - last >= 3 || !view.JoinedToNext(k))
            {
                return false;
            }
            run += " " + view.Words[k + 1].Fold;
        }
    }

    /// <summary>
    /// A learned name that starts an outlet, page or station ("Trang tin X", "Cổng thông tin", "Bản tin", "Đài Phát thanh") or is its
    /// name after a capitalised head ("Báo Thanh Niên", "Kênh VTV1", "Trang tin Y", "Đài Truyền hình Việt Nam"); a lower-case "báo" is
    /// the verb ("tôi đã báo Lan"), so the head is capitalised, or the second word of a two-word head ("tạp chí", "bản tin").
    /// </summary>
    private static bool Outlet(RedactionText view, int first)
    {
        var words = view.Words;
        if (first + 1 < words.Count && view.JoinedToNext(first) && RedactionLexicon.OutletPairs.Contains(words[first].Fold + "_" + words[first + 1].Fold))
        {
            return true;
        }
        if (first == 0 || !view.JoinedToNext(first - 1))
        {
            return false;
        }
        var head = words[first - 1];
        return (RedactionLexicon.OutletHeads.Contains(head.Lower) && head.Capitalised && !head.Caseless && words[first].Capitalised)
            || (first > 1 && view.JoinedToNext(first - 2) && RedactionLexicon.OutletPairs.Contains(words[first - 2].Fold + "_" + head.Fold));
    }

    /// <summary>Everyday nouns that open a sentence or a topic ("Giá phân bón", "Phí gửi xe"), never a given name: a learned name never starts with them.</summary>
    private static readonly HashSet<string> NotLearnedNameStarts = new(StringComparer.Ordinal) { "giá", "phí", "tiền", "việc", "vụ", "các", "những", "mức", "lịch", "đơn", "bài", "hẹn", "mời", "bằng" };

    /// <summary>A learned name right after an administrative unit ("Q. Bình Thạnh", "phường Hòa Minh") is the unit's name.</summary>
    private static bool AfterAdminUnit(RedactionText view, int first)
        => first > 0 && RedactionLexicon.AdminUnits.Contains(view.Words[first - 1].Fold) && view.GapAfter(first - 1).Trim().Trim('.').Length == 0;

    private static bool Touches(byte[] marks, int first, int last, byte mark)
    {
        for (var i = first; i <= last; i++)
        {
            if (marks[i] == mark)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Words that make an address someone's: the writer ("tôi", "em", "mình", "gia đình", "hộ", "trọ") or a person's name, in the same sentence before it.</summary>
    private static readonly HashSet<string> Owners = new(StringComparer.Ordinal) { "toi", "em", "e", "minh", "mk", "t", "tui", "tao", "chung", "gia", "ho", "tro", "chau", "con" };

    /// <summary>Verbs and adverbs no street or hamlet name holds: a learned home in a line without case running into them overran ("o to 5 xay nha lan chiem").</summary>
    private static readonly HashSet<string> NotInAddress = new(StringComparer.Ordinal) { "xay", "bi", "khong", "hay", "dot", "nuoi", "xin", "nho", "hoi", "goi", "muon", "duoc", "phai", "rat", "cung", "deu" };

    private enum HomeOwner
    {
        None,
        Writer,
        Named,
    }

    /// <summary>Residents' groups and hamlets: someone named merely being in one ("ông Tâm ở tổ 5") keeps it a place, as in the rules.</summary>
    private static readonly HashSet<string> Residences = new(StringComparer.Ordinal) { "to", "thon", "xom", "khoi", "khom", "ap", "ban", "buon", "khu" };

    private static HomeOwner OwnerBefore(RedactionText view, byte[] marks, int first)
    {
        for (var p = first - 1; p >= 0 && first - p <= 8; p--)
        {
            if (view.GapAfter(p).IndexOfAny(".!?\n") >= 0)
            {
                return HomeOwner.None;
            }
            if (Owners.Contains(view.Words[p].Fold))
            {
                return HomeOwner.Writer;
            }
            if (marks[p] is SpanFeatures.NameFirst or SpanFeatures.NameInside)
            {
                return HomeOwner.Named;
            }
        }
        return HomeOwner.None;
    }

    /// <summary>What the rules found at each word (<see cref="SpanFeatures"/> marks): the learned model's view of the rules.</summary>
    internal static (RedactionText View, byte[] Marks) RuleMarks(string text)
    {
        var rules = Rules(text, RedactionScope.Public);
        return (rules.View, Marks(rules));
    }

    private sealed record RuleFindings(RedactionText View, List<RedactionSpan> Candidates, List<(int Start, int End)> Places, List<(int Start, int End)> Officials, List<(int Start, int End)> Stretches);

    private static RuleFindings Rules(string text, RedactionScope scope)
    {
        var view = RedactionText.Of(text);
        var candidates = new List<RedactionSpan>();
        NumberFinder.Find(view, candidates);
        if (scope == RedactionScope.Identifiers)
        {
            candidates.RemoveAll(c => c.Kind == RedactionKind.LicencePlate);
            return new RuleFindings(view, candidates, [], [], []);
        }

        var places = new List<(int Start, int End)>();
        PlaceFinder.Find(view, places);
        var inPlace = Covered(view, places);
        var names = new List<RedactionSpan>();
        var officials = new List<(int Start, int End)>();
        PersonFinder.Find(view, inPlace, names, officials);
        names.RemoveAll(n => PlaceNames.IsPlace(view, n.Start, n.End, places) || HomeAddressFinder.StreetAfterHouse(view, n.Start));
        var homes = new List<RedactionSpan>();
        var contacts = candidates.Where(c => c.Kind is RedactionKind.Phone or RedactionKind.Email).Concat(names).OrderBy(c => c.Start).ToList();
        HomeAddressFinder.Find(view, names, contacts, homes);

        // A home given as someone's wins over the street it stands on; a stretch of a street is never a home.
        var stretches = places.Where(p => IsStretch(view, p)).ToList();
        candidates.AddRange(homes.Where(h => !stretches.Any(s => h.Start < s.End && s.Start < h.End)));
        candidates.AddRange(names);
        return new RuleFindings(view, candidates, places, officials, stretches);
    }

    private static byte[] Marks(RuleFindings rules)
    {
        var words = rules.View.Words;
        var marks = new byte[words.Count];
        void Mark(int start, int end, byte first, byte inside)
        {
            // The first word ending after the span starts, then every word starting before it ends.
            var at = 0;
            for (var i = rules.View.FirstWordEndingAfter(start); i < words.Count && words[i].Start < end; i++)
            {
                if (marks[i] == SpanFeatures.None)
                {
                    marks[i] = at++ == 0 ? first : inside;
                }
            }
        }

        foreach (var c in rules.Candidates)
        {
            var (first, inside) = c.Kind switch
            {
                RedactionKind.PersonName => (SpanFeatures.NameFirst, SpanFeatures.NameInside),
                RedactionKind.Address => (SpanFeatures.HomeFirst, SpanFeatures.HomeInside),
                _ => (SpanFeatures.Number, SpanFeatures.Number),
            };
            Mark(c.Start, c.End, first, inside);
        }
        foreach (var o in rules.Officials)
        {
            Mark(o.Start, o.End, SpanFeatures.Official, SpanFeatures.Official);
        }
        foreach (var p in rules.Places)
        {
            Mark(p.Start, p.End, SpanFeatures.Place, SpanFeatures.Place);
        }
        return marks;
    }

    public static RedactionResult Redact(string text) => Redact(text, RedactionScope.Public);

    public static RedactionResult Redact(string text, RedactionScope scope)
    {
        var spans = Find(text, scope);
        return new RedactionResult(Labelled(text, spans), spans);
    }

    /// <summary>The text with each span (ordered, not overlapping) replaced by its kind's label.</summary>
    internal static string Labelled(string text, List<RedactionSpan> spans)
    {
        if (spans.Count == 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var at = 0;
        foreach (var span in spans)
        {
            sb.Append(text, at, span.Start - at).Append(Labels[span.Kind]);
            at = span.End;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    private static bool IsStretch(RedactionText view, (int Start, int End) place)
        => PersonalDataPatterns.Stretch().IsMatch(view.Folded.AsSpan(place.Start, place.End - place.Start));

    private static bool[] Covered(RedactionText view, List<(int Start, int End)> spans)
    {
        var covered = new bool[view.Words.Count];
        if (spans.Count == 0)
        {
            return covered;
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        var s = 0;
        for (var i = 0; i < view.Words.Count; i++)
        {
            var w = view.Words[i];
            while (s < spans.Count && spans[s].End <= w.Start)
            {
                s++;
            }
            covered[i] = s < spans.Count && spans[s].Start <= w.Start && w.End <= spans[s].End;
        }
        return covered;
    }

    private static List<RedactionSpan> Resolve(List<RedactionSpan> candidates)
    {
        // Candidates come in priority order; keep each unless it overlaps an earlier (higher-priority) one.
        var kept = new List<RedactionSpan>();
        var taken = new SortedList<int, int>();
        foreach (var c in candidates)
        {
            if (!Overlaps(taken, c))
            {
                kept.Add(c);
                taken[c.Start] = c.End;
            }
        }
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }

    private static bool Overlaps(SortedList<int, int> taken, RedactionSpan c)
    {
        // Binary search for the last taken span starting before c ends.
        var keys = taken.Keys;
        int lo = 0, hi = keys.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (keys[mid] < c.End)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found >= 0 && taken.Values[found] > c.Start;
    }
}
