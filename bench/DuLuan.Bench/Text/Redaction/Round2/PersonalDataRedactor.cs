using System.Text;

using DuLuan.Analysis.Text;

namespace DuLuan.Bench.Text.Redaction.Round2;

// Frozen copy of src/DuLuan.Analysis/Text/Redaction at 87c34c9 (after the second pass of #18 item 3), the "round 2" column of text redact-eval.

/// <summary>
/// Finds personal data in free Vietnamese text (expects normalised text) and replaces it with labels.
/// The rule (docs/text-core.md, "Redaction"): remove what identifies a person, keep public places, the location of the
/// problem and officials acting in office. Numbers first (e-mail, health insurance, bank, citizen id, phone, old id,
/// plate), then home addresses, then names; public places and officials are found first and protect what they cover.
/// </summary>
internal static class PersonalDataRedactor
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
    };

    public static string LabelOf(RedactionKind kind) => Labels[kind];

    /// <summary>Spans of personal data, ordered by position, never overlapping.</summary>
    public static List<RedactionSpan> Find(string text) => Find(text, RedactionScope.Public);

    public static List<RedactionSpan> Find(string text, RedactionScope scope)
    {
        ArgumentNullException.ThrowIfNull(text);
        var view = RedactionText.Of(text);
        var candidates = new List<RedactionSpan>();
        NumberFinder.Find(view, candidates);
        if (scope == RedactionScope.Identifiers)
        {
            candidates.RemoveAll(c => c.Kind == RedactionKind.LicencePlate);
            return Resolve(candidates);
        }

        var places = new List<(int Start, int End)>();
        PlaceFinder.Find(view, places);
        var inPlace = Covered(view, places);
        var names = new List<RedactionSpan>();
        var officials = new List<(int Start, int End)>();
        PersonFinder.Find(view, inPlace, names, officials);
        var homes = new List<RedactionSpan>();
        var contacts = candidates.Where(c => c.Kind is RedactionKind.Phone or RedactionKind.Email).Concat(names).OrderBy(c => c.Start).ToList();
        HomeAddressFinder.Find(view, names, contacts, homes);

        // A home given as someone's wins over the street it stands on; a stretch of a street is never a home.
        var stretches = places.Where(p => IsStretch(view, p)).ToList();
        candidates.AddRange(homes.Where(h => !stretches.Any(s => h.Start < s.End && s.Start < h.End)));
        candidates.AddRange(names);
        return Resolve(candidates);
    }

    public static RedactionResult Redact(string text) => Redact(text, RedactionScope.Public);

    public static RedactionResult Redact(string text, RedactionScope scope)
    {
        var spans = Find(text, scope);
        if (spans.Count == 0)
        {
            return new RedactionResult(text, spans);
        }

        var sb = new StringBuilder(text.Length);
        var at = 0;
        foreach (var span in spans)
        {
            sb.Append(text, at, span.Start - at).Append(Labels[span.Kind]);
            at = span.End;
        }
        sb.Append(text, at, text.Length - at);
        return new RedactionResult(sb.ToString(), spans);
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
