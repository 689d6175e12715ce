namespace DuLuan.Analysis.Statistics.Disclosure;

/// <summary>
/// The differencing audit: for a survey's answers, every figure each request may publish (the one-way,
/// by-unit and question × question tables of <see cref="SurveyDisclosure"/>: every filter, every cross-tab,
/// answered counts, the numbers of respondents per unit) is written as a linear function of the full joint
/// table (unit × every answer level); every weighted figure published adds, as if the attacker could solve
/// for them, all the per-unit counts it is computed from. A hidden figure is recovered when its function is
/// a linear combination of the published ones (exact arithmetic): any differencing — totals minus cells,
/// filtered minus unfiltered, across filters and cross-tabs — is such a combination.
/// </summary>
public static partial class DisclosureAudit
{
    /// <param name="thresholdOnly">Audit the rule this replaced: hide counts under 5 and nothing else (the audit must find what it leaks).</param>
    public static AuditResult Run(int surveys, int seed, bool thresholdOnly = false)
    {
        var rng = new Random(seed);
        var total = new AuditResult(0, 0, 0, 0);
        for (var i = 0; i < surveys; i++)
        {
            total += Audit(Generate(rng), thresholdOnly);
        }

        return total;
    }

    public static AuditResult Audit(AuditSurvey survey, bool thresholdOnly = false)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var rules = thresholdOnly ? Rules.ThresholdOnly : Rules.Protected;
        var joint = new Joint(survey);
        var published = new List<long[]>();
        var targets = new List<long[]>();
        var qs = survey.Questions;
        void Figure(bool hidden, long[] vector) => (hidden ? targets : published).Add(vector);

        published.Add(joint.Vector(null, _ => 1));
        for (var u = 0; u < survey.Units; u++)
        {
            published.Add(joint.Vector(u, _ => 1));
        }

        var oneWay = new DisclosurePattern[qs.Count];
        var byUnit = new DisclosurePattern[qs.Count];
        for (var x = 0; x < qs.Count; x++)
        {
            var q = qs[x];
            var k = q.HasOptions ? q.Options : 0;
            oneWay[x] = rules.OneWay(q.Axis, [.. Enumerable.Range(0, k).Select(c => joint.Count(null, l => q.Picked(l[x], c)))], joint.Count(null, l => l[x] != q.NoAnswer));
            var cells = new long[survey.Units, k];
            var answered = new long[survey.Units];
            for (var u = 0; u < survey.Units; u++)
            {
                answered[u] = joint.Count(u, l => l[x] != q.NoAnswer);
                for (var c = 0; c < k; c++)
                {
                    cells[u, c] = joint.Count(u, l => q.Picked(l[x], c));
                }
            }

            byUnit[x] = rules.ByUnit(q.Axis, cells, answered, oneWay[x]);
            Figure(oneWay[x].RowAnswered[0], joint.Vector(null, l => l[x] != q.NoAnswer ? 1 : 0));
            for (var c = 0; c < k; c++)
            {
                Figure(oneWay[x].Cells[0, c], joint.Vector(null, l => q.Picked(l[x], c) ? 1 : 0));
                if (rules.WeightedWhole(oneWay[x], byUnit[x], c))
                {
                    published.AddRange(PerUnit(joint, survey.Units, _ => true, x, c));
                }
            }

            if (q.Kind is AuditKind.Rating or AuditKind.Number && rules.WeightedWhole(oneWay[x], byUnit[x], null))
            {
                published.AddRange(PerUnit(joint, survey.Units, _ => true, x, null));
            }

            for (var u = 0; u < survey.Units; u++)
            {
                Figure(byUnit[x].RowAnswered[u], joint.Vector(u, l => l[x] != q.NoAnswer ? 1 : 0));
                for (var c = 0; c < k; c++)
                {
                    Figure(byUnit[x].Cells[u, c], joint.Vector(u, l => q.Picked(l[x], c) ? 1 : 0));
                }

                if (q.Kind == AuditKind.Rating && rules.WeightedInUnit(byUnit[x], u, null))
                {
                    published.Add(joint.Vector(u, l => l[x] != q.NoAnswer ? l[x] + 1 : 0));
                }
            }
        }

        // Every filter q=Q&opt=o (row o of Q × X) and every cross-tab by Q (all rows).
        for (var f = 0; f < qs.Count; f++)
        {
            var filter = qs[f];
            if (!filter.HasOptions)
            {
                continue;
            }

            for (var x = 0; x < qs.Count; x++)
            {
                if (x == f)
                {
                    continue;
                }

                var q = qs[x];
                var k = q.HasOptions ? q.Options : 0;
                var cells = new long[filter.Options, k];
                var rowAnswered = new long[filter.Options];
                for (var o = 0; o < filter.Options; o++)
                {
                    rowAnswered[o] = joint.Count(null, l => filter.Picked(l[f], o) && l[x] != q.NoAnswer);
                    for (var c = 0; c < k; c++)
                    {
                        cells[o, c] = joint.Count(null, l => filter.Picked(l[f], o) && q.Picked(l[x], c));
                    }
                }

                long[]? columnAnswered = q.HasOptions ? [.. Enumerable.Range(0, k).Select(c => joint.Count(null, l => l[f] != filter.NoAnswer && q.Picked(l[x], c)))] : null;
                var cross = rules.Cross(filter.Axis, q.Axis, cells, rowAnswered, columnAnswered, oneWay[f], oneWay[x], rowsFirst: f < x);
                for (var o = 0; o < filter.Options; o++)
                {
                    Figure(cross.RowAnswered[o], joint.Vector(null, l => filter.Picked(l[f], o) && l[x] != q.NoAnswer ? 1 : 0));
                    for (var c = 0; c < k; c++)
                    {
                        Figure(cross.Cells[o, c], joint.Vector(null, l => filter.Picked(l[f], o) && q.Picked(l[x], c) ? 1 : 0));
                        if (rules.WeightedCross(cross, o, c, byUnit[x], byUnit[f]))
                        {
                            published.AddRange(PerUnit(joint, survey.Units, l => filter.Picked(l[f], o), x, c));
                        }
                    }

                    if (q.Kind is AuditKind.Rating or AuditKind.Number && rules.WeightedCross(cross, o, null, byUnit[x], byUnit[f]))
                    {
                        published.AddRange(PerUnit(joint, survey.Units, l => filter.Picked(l[f], o), x, null));
                    }
                }

                // The same counts seen from the cross-tab by X: its rows' answered counts of Q.
                for (var c = 0; c < k; c++)
                {
                    Figure(cross.ColumnAnswered[c], joint.Vector(null, l => l[f] != filter.NoAnswer && q.Picked(l[x], c) ? 1 : 0));
                }
            }
        }

        var span = new ExactSpan(joint.Dimension);
        foreach (var v in published)
        {
            span.Add(v);
        }

        var recovered = targets.Count(span.Contains);
        return new AuditResult(1, targets.Count, recovered, published.Count);
    }

    /// <summary>Per unit: the domain's count picking <paramref name="category"/> (every category and the rating sum when null) and the domain's answered count.</summary>
    private static IEnumerable<long[]> PerUnit(Joint joint, int units, Func<int[], bool> domain, int x, int? category)
    {
        var q = joint.Survey.Questions[x];
        for (var u = 0; u < units; u++)
        {
            yield return joint.Vector(u, l => domain(l) && l[x] != q.NoAnswer ? 1 : 0);
            var categories = category is { } c ? [c] : Enumerable.Range(0, q.HasOptions ? q.Options : 0);
            foreach (var cat in categories)
            {
                yield return joint.Vector(u, l => domain(l) && q.Picked(l[x], cat) ? 1 : 0);
            }

            if (category is null && q.Kind == AuditKind.Rating)
            {
                yield return joint.Vector(u, l => domain(l) && l[x] != q.NoAnswer ? l[x] + 1 : 0);
            }
        }
    }
}
