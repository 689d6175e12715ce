using System.Diagnostics;
using System.Globalization;
using DuLuan.Analysis.Text;

namespace DuLuan.Bench.Text.Redaction;

/// <summary>
/// train-redactor [--cv] [out.bin]: trains the learned redaction span model (<see cref="SpanTagger"/>) on the development
/// parts of the hand-written set only (never a held-out part) and writes the embedded model; deterministic (seed 1), so a
/// rerun gives the same file. With --cv, 5-fold cross-validation over the development lines instead: the rules alone
/// against the rules with the model for each way of taking its homes (the rules were tuned on these lines, so the rules'
/// figures are optimistic; the model's gain over them is the figure to read).
/// </summary>
internal static class TrainRedactor
{
    /// <summary>The parts trained on: every development part, no held-out part.</summary>
    internal static readonly string[] DevelopmentParts = ["dev", "round2-dev", "round3-dev", "round4-dev", "round5-dev", "round6-dev", "round7-dev", "round7-outlets-dev", "round8-dev", "round8e-dev", "round8f-dev", "round8g-dev", "round8i-dev", "round8j-dev", "round8k-dev", "round8l-dev", "round8m-dev", "round8n-dev", "round8o-dev", "round8p-dev", "round8q-dev", "round9a-dev", "round9b-dev", "round9c-dev", "round9d-dev", "round9e-dev"];

    private const int Epochs = SpanTaggerTrainer.ShippedEpochs;

    public static int Run(string[] args)
    {
        var lines = DevelopmentParts.SelectMany(RedactionEvalSet.Load).ToList();
        // --epochs N --hide H --bias B: a candidate with other settings than the shipped ones (to score with `redact-eval --summary --model`).
        string? Option(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var epochs = Option("--epochs") is { } e ? int.Parse(e, CultureInfo.InvariantCulture) : Epochs;
        if (args.Contains("--cv"))
        {
            return CrossValidate(lines, epochs, args.Contains("--errors"), args.Contains("--only"), args.Contains("--blocks"), Option("--show"));
        }

        var hide = Option("--hide") is { } h ? double.Parse(h, CultureInfo.InvariantCulture) : HideRules;
        var bias = Option("--bias") is { } b ? float.Parse(b, CultureInfo.InvariantCulture) : NameBias;
        var outPath = args.Where((a, k) => !a.StartsWith("--", StringComparison.Ordinal) && (k == 0 || !args[k - 1].StartsWith("--", StringComparison.Ordinal))).FirstOrDefault()
            ?? "src/DuLuan.Analysis/Text/Redaction/redaction-spans.bin";
        var sw = Stopwatch.StartNew();
        var annotated = lines.Select(Annotated).ToList();
        var model = epochs == Epochs && hide == HideRules && bias == NameBias
            ? SpanTaggerTrainer.TrainShipped(annotated)
            : SpanTaggerTrainer.Train(annotated, epochs, hideRules: hide).WithNameBias(bias);
        var trainMs = sw.ElapsedMilliseconds;
        using (var stream = File.Create(outPath))
        {
            model.Save(stream);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained on {lines.Count} development lines ({string.Join(", ", DevelopmentParts)}), {epochs} epochs, hide {hide}, bias {bias}, {trainMs} ms; wrote {outPath} ({new FileInfo(outPath).Length:N0} bytes)"));
        return 0;
    }

    internal static AnnotatedLine Annotated(EvalLine line) => new(line.Text, line.Gold
        .Where(g => g.Remove && g.Kind is "NAME" or "HOME")
        .Select(g => new RedactionSpan(g.Start, g.End - g.Start, g.Kind == "NAME" ? RedactionKind.PersonName : RedactionKind.Address))
        .ToList());

    /// <summary>Share of lines whose rule marks are hidden in an epoch, and the bias added to a name's first word.</summary>
    internal const double HideRules = SpanTaggerTrainer.ShippedHideRules;
    internal const float NameBias = SpanTaggerTrainer.ShippedNameBias;

    private static int CrossValidate(List<EvalLine> lines, int epochs, bool showErrors, bool only, bool blocks, string? show)
    {
        const int folds = 5;
        // --only: the shipped hide and bias alone (a fifth of the time); --blocks: what each check of Find blocks among the model's names
        // that the rules did not find (--show CHECK: those lines, development lines only).
        var hides = only ? [HideRules] : new[] { 0.3, 0.5, 0.8 };
        var biases = only ? [NameBias] : new[] { 0f, 2f, 5f };
        var blocked = new SortedDictionary<string, (int True, int False)>(StringComparer.Ordinal);
        var results = new Dictionary<string, List<(List<EvalLine> Set, Func<string, List<RedactionSpan>> Find)>>();
        void Add(string name, List<EvalLine> test, Func<string, List<RedactionSpan>> find)
        {
            if (!results.TryGetValue(name, out var list))
            {
                results[name] = list = [];
            }
            list.Add((test, find));
        }
        for (var f = 0; f < folds; f++)
        {
            var train = lines.Where((_, k) => k % folds != f).Select(Annotated).ToList();
            var test = lines.Where((_, k) => k % folds == f).ToList();
            Add("rules only", test, t => PersonalDataRedactor.Find(t, RedactionScope.Public, null));
            foreach (var hide in hides)
            {
                var model = SpanTaggerTrainer.Train(train, epochs, hideRules: hide);
                foreach (var bias in biases)
                {
                    var biased = model.WithNameBias(bias);
                    Add(string.Create(CultureInfo.InvariantCulture, $"hide {hide}, bias {bias}, names"), test, t => PersonalDataRedactor.Find(t, RedactionScope.Public, biased, LearnedHomes.None));
                    Add(string.Create(CultureInfo.InvariantCulture, $"hide {hide}, bias {bias}, homes over places"), test, t => PersonalDataRedactor.Find(t, RedactionScope.Public, biased, LearnedHomes.OverPlaces));
                    Add(string.Create(CultureInfo.InvariantCulture, $"hide {hide}, bias {bias}, homes over places, no other mentions"), test, t => PersonalDataRedactor.Find(t, RedactionScope.Public, biased, LearnedHomes.OverPlaces, otherMentions: false));
                    if (blocks && hide == HideRules && bias == NameBias)
                    {
                        CountBlocks(test, biased, blocked, show);
                    }
                }
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## {folds}-fold cross-validation over {lines.Count} development lines, {epochs} epochs"));
        Console.WriteLine();
        foreach (var (name, runs) in results)
        {
            var t = Sum(runs.Select(x => RedactionEval.Score(x.Set, x.Find, showErrors && name == Chosen)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | P {(double)t.RightRemovals / t.Removals:0.000} | R {(double)t.Found / t.ToRemove:0.000} | kept {(double)t.Kept / t.ToKeep:0.000} | NAME {t.FoundBy["NAME"]}/{t.ToRemoveBy["NAME"]} | HOME {t.FoundBy["HOME"]}/{t.ToRemoveBy["HOME"]} |"));
        }
        if (blocks)
        {
            Console.WriteLine();
            Console.WriteLine("| check blocking a learned name | inside a name to remove | not |");
            foreach (var (check, (right, wrong)) in blocked)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {check} | {right} | {wrong} |"));
            }
        }
        return 0;
    }

    /// <summary>For each learned name, the check that blocks it (or none), counted by whether 80 % of its letters lie in a name to remove: counts only.</summary>
    private static void CountBlocks(List<EvalLine> test, SpanTagger model, SortedDictionary<string, (int True, int False)> into, string? show)
    {
        foreach (var line in test)
        {
            var rules = PersonalDataRedactor.Find(line.Text, RedactionScope.Public, null);
            foreach (var (span, block) in PersonalDataRedactor.LearnedSpans(line.Text, model))
            {
                // Only names the rules did not find already: the others change nothing.
                if (span.Kind != RedactionKind.PersonName || rules.Any(r => r.Start < span.End && span.Start < r.End))
                {
                    continue;
                }
                int letters = 0, inside = 0;
                for (var i = span.Start; i < span.End; i++)
                {
                    if (char.IsLetterOrDigit(line.Text[i]))
                    {
                        letters++;
                        inside += line.Gold.Any(g => g.Remove && g.Kind == "NAME" && g.Start <= i && i < g.End) ? 1 : 0;
                    }
                }
                if (show == block.ToString())
                {
                    Console.WriteLine($"  {(inside >= 0.8 * letters ? "TRUE" : "FALSE")} «{line.Text[span.Start..span.End]}» in {line.Text}");
                }
                var (right, wrong) = into.GetValueOrDefault(block.ToString());
                into[block.ToString()] = inside >= 0.8 * letters ? (right + 1, wrong) : (right, wrong + 1);
            }
        }
    }

    private static readonly string Chosen = string.Create(CultureInfo.InvariantCulture, $"hide {HideRules}, bias {NameBias}, homes over places");

    private static RedactionEval.Tally Sum(IEnumerable<RedactionEval.Tally> tallies)
    {
        var sum = new RedactionEval.Tally();
        foreach (var t in tallies)
        {
            foreach (var field in typeof(RedactionEval.Tally).GetFields())
            {
                if (field.FieldType == typeof(int))
                {
                    field.SetValue(sum, (int)field.GetValue(sum)! + (int)field.GetValue(t)!);
                }
                else
                {
                    var into = (Dictionary<string, int>)field.GetValue(sum)!;
                    foreach (var (key, n) in (Dictionary<string, int>)field.GetValue(t)!)
                    {
                        into[key] = into.GetValueOrDefault(key) + n;
                    }
                }
            }
        }
        return sum;
    }
}
