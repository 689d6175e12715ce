namespace DuLuan.Analysis.Text;

internal enum RuleOpKind : byte
{
    Term,
    And,
    Or,
    Not,
    Near,
}

/// <summary>One node of a compiled rule: a term id (Term), child op indexes (And, Or, Not), or two term ids and a distance (Near).</summary>
internal readonly record struct RuleOp(RuleOpKind Kind, int A, int B, int Distance);

/// <summary>
/// The watch topics compiled for matching. Every distinct term (an automaton pattern, folded or exact) gets an id;
/// every rule is flattened into one array of ops over those ids; and each term lists, as a sparse bit set, the topics
/// it triggers. A topic's trigger is a set of terms one of which must occur for its rule to hold (AND keeps the
/// smaller side's, OR joins both sides', NOT gives none), so a document evaluates only the topics its terms trigger,
/// plus the few whose rule has no trigger (e.g. "NOT x").
/// </summary>
internal sealed class TopicIndex
{
    private readonly Dictionary<(int Pattern, string? Exact), int> termIds = [];
    private readonly List<string[]?> termExact = [];
    private readonly List<int> termPattern = [];
    private readonly List<int> termLength = [];
    private readonly HashSet<int> nearTerms = [];

    internal TopicIndex(SyllableAutomaton automaton, IReadOnlyList<RuleNode> rules)
    {
        var ops = new List<RuleOp>();
        Roots = new int[rules.Count];
        var topicsByTerm = new List<List<int>>();
        var always = new List<int>();
        for (var topic = 0; topic < rules.Count; topic++)
        {
            Roots[topic] = Flatten(rules[topic], ops);
            if (Trigger(rules[topic]) is not { } trigger)
            {
                always.Add(topic);
                continue;
            }
            foreach (var term in trigger.Distinct())
            {
                while (topicsByTerm.Count <= term)
                {
                    topicsByTerm.Add([]);
                }

                topicsByTerm[term].Add(topic);
            }
        }
        Ops = [.. ops];
        TopicWords = (rules.Count + 63) / 64;
        TermExact = [.. termExact];
        TermLength = [.. termLength];
        TermKeepsStarts = [.. Enumerable.Range(0, termExact.Count).Select(nearTerms.Contains)];
        (PatternTermStart, PatternTerms) = Csr(automaton.PatternCount, Enumerable.Range(0, termPattern.Count).Select(t => (termPattern[t], t)));
        var triggerWords = new List<(int Term, (int Word, ulong Mask) Bits)>();
        for (var term = 0; term < topicsByTerm.Count; term++)
        {
            triggerWords.AddRange(SparseBits(topicsByTerm[term]).Select(bits => (term, bits)));
        }
        (TriggerStart, var triggers) = Csr(termExact.Count, triggerWords);
        TriggerBits = triggers;
        Always = [.. SparseBits(always)];
    }

    internal RuleOp[] Ops { get; }

    /// <summary>The op index of each topic's rule.</summary>
    internal int[] Roots { get; }

    internal int TopicWords { get; }

    internal int TermCount => TermExact.Length;

    /// <summary>Per term: the lower-case syllables a quoted term must match exactly, or null for a folded term.</summary>
    internal string[]?[] TermExact { get; }

    internal int[] TermLength { get; }

    /// <summary>Per term: true when a NEAR uses it, so every start is kept, not only the first.</summary>
    internal bool[] TermKeepsStarts { get; }

    /// <summary>The terms of pattern p are PatternTerms[PatternTermStart[p]..PatternTermStart[p + 1]].</summary>
    internal int[] PatternTermStart { get; }

    internal int[] PatternTerms { get; }

    /// <summary>The topics term t triggers are the bits TriggerBits[TriggerStart[t]..TriggerStart[t + 1]].</summary>
    internal int[] TriggerStart { get; }

    internal (int Word, ulong Mask)[] TriggerBits { get; }

    /// <summary>Topics evaluated on every document (their rule has no trigger).</summary>
    internal (int Word, ulong Mask)[] Always { get; }

    private int Flatten(RuleNode node, List<RuleOp> ops)
    {
        RuleOp op;
        switch (node)
        {
            case TermNode t:
                op = new RuleOp(RuleOpKind.Term, TermId(t), 0, 0);
                break;
            case AndNode a:
                op = new RuleOp(RuleOpKind.And, Flatten(a.Left, ops), Flatten(a.Right, ops), 0);
                break;
            case OrNode o:
                op = new RuleOp(RuleOpKind.Or, Flatten(o.Left, ops), Flatten(o.Right, ops), 0);
                break;
            case NotNode n:
                op = new RuleOp(RuleOpKind.Not, Flatten(n.Operand, ops), 0, 0);
                break;
            case NearNode near:
                var left = TermId(near.Left);
                var right = TermId(near.Right);
                nearTerms.Add(left);
                nearTerms.Add(right);
                op = new RuleOp(RuleOpKind.Near, left, right, near.Distance);
                break;
            default:
                throw new ArgumentException($"unknown rule node {node.GetType().Name}", nameof(node));
        }
        ops.Add(op);
        return ops.Count - 1;
    }

    private int TermId(TermNode term)
    {
        var key = (term.Pattern, term.Exact is null ? null : string.Join(' ', term.Exact));
        if (!termIds.TryGetValue(key, out var id))
        {
            id = termExact.Count;
            termIds[key] = id;
            termExact.Add(term.Exact);
            termPattern.Add(term.Pattern);
            termLength.Add(term.Folded.Length);
        }
        return id;
    }

    /// <summary>Terms one of which occurs whenever the rule holds; null when the rule can hold without any (NOT).</summary>
    private List<int>? Trigger(RuleNode node) => node switch
    {
        TermNode t => [TermId(t)],
        NearNode near => [TermId(near.Left.Folded.Length >= near.Right.Folded.Length ? near.Left : near.Right)],
        AndNode a => Narrower(Trigger(a.Left), Trigger(a.Right)),
        OrNode o => Trigger(o.Left) is { } l && Trigger(o.Right) is { } r ? [.. l, .. r] : null,
        _ => null,
    };

    /// <summary>Fewer terms trigger fewer evaluations; among equals, longer phrases are rarer.</summary>
    private List<int>? Narrower(List<int>? a, List<int>? b)
    {
        if (a is null || b is null)
        {
            return a ?? b;
        }

        if (a.Count != b.Count)
        {
            return a.Count < b.Count ? a : b;
        }

        return a.Min(t => termLength[t]) >= b.Min(t => termLength[t]) ? a : b;
    }

    private static IEnumerable<(int Word, ulong Mask)> SparseBits(List<int> ascending) =>
        ascending.GroupBy(i => i >> 6).Select(g => (g.Key, g.Aggregate(0UL, (mask, i) => mask | (1UL << (i & 63)))));

    /// <summary>Compressed rows: the values of row r are values[start[r]..start[r + 1]], in the order given.</summary>
    private static (int[] Start, T[] Values) Csr<T>(int rows, IEnumerable<(int Row, T Value)> entries)
    {
        var byRow = entries.ToLookup(e => e.Row, e => e.Value);
        var start = new int[rows + 1];
        var values = new List<T>();
        for (var r = 0; r < rows; r++)
        {
            start[r] = values.Count;
            values.AddRange(byRow[r]);
        }
        start[rows] = values.Count;
        return (start, [.. values]);
    }
}
