using System.Globalization;
using DuLuan.Analysis.Text;

namespace DuLuan.Bench.Text.Redaction;

/// <summary>
/// text redact-eval [--errors [--rules]] [dev|heldout|round2-dev|round2-heldout|round3-dev|round3-heldout|round4-dev|round4-heldout ...]: removal precision, recall and places kept of the
/// redactor against the hand-annotated set, next to the redactor before issue #18 (<see cref="BaselineRedactor"/>) and the
/// first pass of #18 (<see cref="Round1.PersonalDataRedactor"/>, frozen at fa523ff) in the same run.
/// A removal is right when at least 80 % of its letters and digits lie inside spans to remove (no overrun into the next
/// word); a span to remove is found when 80 % of its letters and all its digits are covered; a span to keep is kept when
/// none of it is removed.
/// </summary>
internal static class RedactionEval
{
    private static readonly string[] RemoveKinds = ["NAME", "HOME", "PHONE", "EMAIL", "CCCD", "CMND", "BHYT", "BANK", "PLATE"];
    private static readonly string[] KeepKinds = ["PLACE", "NAMED", "OFFICIAL"];

    public static int Run(string[] args)
    {
        if (args.Length == 2 && args[0] == "--line")
        {
            var text = VietnameseNormalizer.Normalize(args[1]);
            Console.WriteLine("round 1: " + Round1.PersonalDataRedactor.Redact(text).Text);
            Console.WriteLine("rules:   " + PersonalDataRedactor.Labelled(text, PersonalDataRedactor.Find(text, RedactionScope.Public, null)));
            Console.WriteLine("now:     " + PersonalDataRedactor.Redact(text).Text);
            return 0;
        }
        if (args.Contains("--speed"))
        {
            return Speed();
        }
        // --model file.bin: a candidate model written by `train-redactor --hide H --bias B out.bin`, instead of the embedded one.
        var at = Array.IndexOf(args, "--model");
        SpanTagger? model = null;
        if (at >= 0 && at + 1 < args.Length)
        {
            using var stream = File.OpenRead(args[at + 1]);
            model = SpanTagger.Load(stream);
            args = args.Where((_, k) => k != at && k != at + 1).ToArray();
        }
        else
        {
            model = SpanTagger.Shipped;
        }
        if (args.Contains("--summary"))
        {
            return Summary(model);
        }

        var showErrors = args.Contains("--errors");
        var parts = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (parts.Count == 0)
        {
            parts = ["dev", "heldout", "round2-dev", "round2-heldout", "round3-dev", "round3-heldout", "round4-dev", "round4-heldout", "round5-dev", "round5-heldout", "round6-dev", "round6-heldout", "round7-dev", "round7-outlets-dev", "round7-heldout", "round8-dev", "round8e-dev", "round8f-dev", "round8g-dev", "round8i-dev", "round8j-dev", "round8k-dev", "round8l-dev", "round8m-dev", "round8n-dev", "round8o-dev", "round8p-dev", "round8q-dev", "round9a-dev", "round9b-dev", "round9c-dev", "round9d-dev", "round9e-dev", "round9-heldout", "round8-heldout"];
        }

        var redactors = new (string Name, Func<string, List<RedactionSpan>> Find)[]
        {
            ("before #18", BaselineRedactor.Find),
            ("round 1 (fa523ff)", Round1.PersonalDataRedactor.Find),
            ("rules only (round 4)", t => PersonalDataRedactor.Find(t, RedactionScope.Public, null)),
            ("now (rules + span model)", t => PersonalDataRedactor.Find(t, RedactionScope.Public, model)),
        };
        foreach (var part in parts)
        {
            var set = RedactionEvalSet.Load(part);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"## {part}: {set.Count} lines, {set.Sum(l => l.Gold.Count(g => g.Remove))} spans to remove, {set.Sum(l => l.Gold.Count(g => !g.Remove))} to keep"));
            Console.WriteLine();
            // --errors lists the errors of the rules with the span model; with --rules, those of the rules alone.
            var shown = args.Contains("--rules") ? "rules" : "now";
            var scores = redactors.Select(r => (r.Name, Score: Score(set, r.Find, showErrors && r.Name.StartsWith(shown, StringComparison.Ordinal)))).ToList();
            Print(scores);
        }
        return 0;
    }

    /// <summary>The held-out parts that are scored (never tuned on), pooled last.</summary>
    internal static readonly string[] HeldOutParts = ["heldout", "round2-heldout", "round3-heldout", "round4-heldout", "round5-heldout", "round6-heldout", "round7-heldout", "round8-heldout", "round9-heldout"];

    /// <summary>Precision / recall / places kept of every held-out part and of all of them pooled, rules alone and with the span model: aggregates only.</summary>
    private static int Summary(SpanTagger? model)
    {
        var redactors = new (string Name, Func<string, List<RedactionSpan>> Find)[]
        {
            ("rules only", t => PersonalDataRedactor.Find(t, RedactionScope.Public, null)),
            ("rules + span model", t => PersonalDataRedactor.Find(t, RedactionScope.Public, model)),
        };
        Console.WriteLine("| part | " + string.Join(" | ", redactors.Select(r => r.Name + ": precision / recall / places kept")) + " |");
        Console.WriteLine("| --- |" + string.Concat(redactors.Select(_ => " --- |")));
        foreach (var part in HeldOutParts)
        {
            var set = RedactionEvalSet.Load(part);
            Console.WriteLine($"| {part} ({set.Count} lines) | " + string.Join(" | ", redactors.Select(r => Brief(Score(set, r.Find, false)))) + " |");
        }
        // Pooled: every round, rounds 1-6 (the figure before round 7 was scored), rounds 2-7 (before round 8), 2-8 (before round 9) and
        // 2-9 (the rounds written by other hands than round 1's).
        foreach (var (label, parts) in new (string, string[])[] { ("pooled", HeldOutParts), ("pooled 1-6", HeldOutParts[..6]), ("pooled 2-7", HeldOutParts[1..7]), ("pooled 2-8", HeldOutParts[1..8]), ("pooled 2-9", HeldOutParts[1..]) })
        {
            var sets = parts.Select(RedactionEvalSet.Load).ToList();
            var all = sets.SelectMany(x => x).ToList();
            Console.WriteLine($"| {label} ({all.Count} lines) | " + string.Join(" | ", redactors.Select(r => Brief(Score(all, r.Find, false)))) + " |");
        }
        return 0;
    }

    private static string Brief(Tally t) => string.Create(CultureInfo.InvariantCulture,
        $"{(double)t.RightRemovals / t.Removals:0.000} ({t.RightRemovals}/{t.Removals}) / {(double)t.Found / t.ToRemove:0.000} ({t.Found}/{t.ToRemove}) / {(double)t.Kept / t.ToKeep:0.000} ({t.Kept}/{t.ToKeep}); names {t.FoundBy.GetValueOrDefault("NAME")}/{t.ToRemoveBy.GetValueOrDefault("NAME")}, homes {t.FoundBy.GetValueOrDefault("HOME")}/{t.ToRemoveBy.GetValueOrDefault("HOME")}");

    /// <summary>Lines per second over every line of the set (each part once per round), rules alone and with the span model, alternated, best of 5.</summary>
    private static int Speed()
    {
        var lines = System.IO.Directory.GetFiles(RedactionEvalSet.Directory(), "*.txt").OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => RedactionEvalSet.Load(Path.GetFileNameWithoutExtension(f))).Select(l => l.Text).ToList();
        var model = SpanTagger.Shipped ?? throw new InvalidOperationException("no embedded span model");
        _ = PersonalDataRedactor.Find(lines[0], RedactionScope.Public, model);
        double rules = 0, both = 0;
        for (var round = 0; round < 5; round++)
        {
            rules = Math.Max(rules, Rate(lines, t => PersonalDataRedactor.Find(t, RedactionScope.Public, null)));
            both = Math.Max(both, Rate(lines, t => PersonalDataRedactor.Find(t, RedactionScope.Public, model)));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{lines.Count} lines x 20: rules only {rules:N0} lines/s, rules + span model {both:N0} lines/s"));
        return 0;
    }

    private static double Rate(List<string> lines, Func<string, List<RedactionSpan>> find)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var n = 0;
        for (var r = 0; r < 20; r++)
        {
            foreach (var line in lines)
            {
                n += find(line).Count >= 0 ? 1 : 0;
            }
        }
        return n / sw.Elapsed.TotalSeconds;
    }

    internal static void Print(List<(string Name, Tally Score)> scores)
    {
        Console.WriteLine("| measure | " + string.Join(" | ", scores.Select(s => s.Name)) + " |");
        Console.WriteLine("| --- |" + string.Concat(scores.Select(_ => " --- |")));
        void Row(string label, Func<Tally, string> cell) => Console.WriteLine($"| {label} | " + string.Join(" | ", scores.Select(s => cell(s.Score))) + " |");
        Row("removal precision", t => Ratio(t.RightRemovals, t.Removals));
        Row("removal recall", t => Ratio(t.Found, t.ToRemove));
        Row("places kept", t => Ratio(t.Kept, t.ToKeep));
        Row("exact boundaries", t => Ratio(t.Exact, t.ToRemove));
        foreach (var kind in RemoveKinds)
        {
            Row($"recall {kind}", t => Ratio(t.FoundBy.GetValueOrDefault(kind), t.ToRemoveBy.GetValueOrDefault(kind)));
        }
        foreach (var kind in KeepKinds)
        {
            Row($"kept {kind}", t => Ratio(t.KeptBy.GetValueOrDefault(kind), t.ToKeepBy.GetValueOrDefault(kind)));
        }
        Row("class: places named after people (NAMED) kept", t => Ratio(t.KeptBy.GetValueOrDefault("NAMED"), t.ToKeepBy.GetValueOrDefault("NAMED")));
        Row("class: place names with Ông/Bà kept", t => Ratio(t.OngBaKept, t.OngBa));
        Row("class: problem location with house numbers kept", t => Ratio(t.NumberedPlaceKept, t.NumberedPlace));
        Row("class: writer's home removed (HOME recall)", t => Ratio(t.FoundBy.GetValueOrDefault("HOME"), t.ToRemoveBy.GetValueOrDefault("HOME")));
        Row("class: names in lines without diacritics or capitals", t => Ratio(t.CaselessNamesFound, t.CaselessNames));
        Row("class: grouped id numbers and health-insurance codes", t => Ratio(t.GroupedIdsFound, t.GroupedIds));
        Row("class: removals overrunning a word (lower is better)", t => t.Overruns.ToString(CultureInfo.InvariantCulture));
        Row("class: all-capitals lines precision", t => Ratio(t.CapsRight, t.CapsRemovals));
        Console.WriteLine();
    }

    private static string Ratio(int a, int b) => b == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{(double)a / b:0.000} ({a}/{b})");

    internal sealed class Tally
    {
        public int Removals, RightRemovals, ToRemove, Found, ToKeep, Kept, Exact, OngBa, OngBaKept, NumberedPlace, NumberedPlaceKept;
        public int CaselessNames, CaselessNamesFound, GroupedIds, GroupedIdsFound, Overruns, CapsRemovals, CapsRight;
        public Dictionary<string, int> ToRemoveBy = [], FoundBy = [], ToKeepBy = [], KeptBy = [];
    }

    internal static Tally Score(List<EvalLine> set, Func<string, List<RedactionSpan>> find, bool showErrors)
    {
        var t = new Tally();
        foreach (var line in set)
        {
            var text = line.Text;
            var found = find(text);
            var covered = new bool[text.Length];
            foreach (var f in found)
            {
                Array.Fill(covered, true, f.Start, f.Length);
            }
            var inRemove = new bool[text.Length];
            foreach (var g in line.Gold.Where(g => g.Remove))
            {
                Array.Fill(inRemove, true, g.Start, g.End - g.Start);
            }
            var caps = IsCaps(text);
            foreach (var f in found)
            {
                int alnum = 0, inside = 0;
                for (var i = f.Start; i < f.End; i++)
                {
                    if (char.IsLetterOrDigit(text[i]))
                    {
                        alnum++;
                        inside += inRemove[i] ? 1 : 0;
                    }
                }
                var right = alnum > 0 && inside >= 0.8 * alnum;
                t.Removals++;
                t.RightRemovals += right ? 1 : 0;
                t.Overruns += inside > 0 && !right ? 1 : 0;
                if (caps)
                {
                    t.CapsRemovals++;
                    t.CapsRight += right ? 1 : 0;
                }
                if (!right && showErrors)
                {
                    Console.WriteLine($"  FP {f.Kind}: «{text.Substring(f.Start, f.Length)}» in {line.Number}: {text}");
                }
            }
            foreach (var g in line.Gold)
            {
                int alnum = 0, hit = 0, digits = 0, digitsHit = 0;
                for (var i = g.Start; i < g.End; i++)
                {
                    if (char.IsLetterOrDigit(text[i]))
                    {
                        alnum++;
                        hit += covered[i] ? 1 : 0;
                    }
                    if (char.IsAsciiDigit(text[i]))
                    {
                        digits++;
                        digitsHit += covered[i] ? 1 : 0;
                    }
                }
                var span = text[g.Start..g.End];
                if (g.Remove)
                {
                    var ok = hit >= 0.8 * alnum && digitsHit == digits;
                    t.ToRemove++;
                    t.Found += ok ? 1 : 0;
                    t.Exact += found.Any(f => f.Start == g.Start && f.End == g.End) ? 1 : 0;
                    Add(t.ToRemoveBy, g.Kind, 1);
                    Add(t.FoundBy, g.Kind, ok ? 1 : 0);
                    if (g.Kind == "NAME" && (caps || !HasMarks(text) || !HasCapital(span)))
                    {
                        t.CaselessNames++;
                        t.CaselessNamesFound += ok ? 1 : 0;
                    }
                    if ((g.Kind is "CCCD" or "CMND" && span.Any(c => c is ' ' or '-' or '.')) || g.Kind == "BHYT")
                    {
                        t.GroupedIds++;
                        t.GroupedIdsFound += ok ? 1 : 0;
                    }
                    if (!ok && showErrors)
                    {
                        Console.WriteLine($"  FN {g.Kind}: «{span}» in {line.Number}: {text}");
                    }
                }
                else
                {
                    var kept = hit == 0;
                    t.ToKeep++;
                    t.Kept += kept ? 1 : 0;
                    Add(t.ToKeepBy, g.Kind, 1);
                    Add(t.KeptBy, g.Kind, kept ? 1 : 0);
                    var fold = VietnameseFold.Fold(span);
                    if (g.Kind == "NAMED" && (fold.Contains(" ong ", StringComparison.Ordinal) || fold.Contains(" ba ", StringComparison.Ordinal) || fold.StartsWith("ong ", StringComparison.Ordinal) || fold.StartsWith("ba ", StringComparison.Ordinal)))
                    {
                        t.OngBa++;
                        t.OngBaKept += kept ? 1 : 0;
                    }
                    if (span.Any(char.IsAsciiDigit) && g.Kind == "PLACE" && (fold.Contains("so ", StringComparison.Ordinal) || char.IsAsciiDigit(span[0])))
                    {
                        t.NumberedPlace++;
                        t.NumberedPlaceKept += kept ? 1 : 0;
                    }
                    if (!kept && showErrors)
                    {
                        Console.WriteLine($"  LOST {g.Kind}: «{span}» in {line.Number}: {text}");
                    }
                }
            }
        }
        return t;
    }

    private static void Add(Dictionary<string, int> d, string key, int n) => d[key] = d.GetValueOrDefault(key) + n;

    private static bool HasMarks(string text) => text.Any(c => c > 0x7F && char.IsLetter(c));

    private static bool HasCapital(string text) => text.Any(char.IsUpper);

    private static bool IsCaps(string text)
    {
        int upper = 0, letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                upper += char.IsUpper(c) ? 1 : 0;
            }
        }
        return letters >= 8 && upper >= 0.7 * letters;
    }
}
