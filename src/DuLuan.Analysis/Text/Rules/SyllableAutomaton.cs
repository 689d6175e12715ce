namespace DuLuan.Analysis.Text;

/// <summary>
/// Aho-Corasick automaton whose alphabet is folded syllables (ids), so each text syllable costs one hash lookup
/// and one transition whatever the number of patterns.
/// </summary>
internal sealed class SyllableAutomaton
{
    private readonly Dictionary<ulong, int> symbols = [];
    private readonly Dictionary<long, int> transitions = [];
    private readonly List<int> failure = [0];
    private readonly List<int[]> outputs = [[]];
    private readonly List<List<int>> buildOutputs = [[]];
    private readonly List<int> patternLengths = [];
    private int[] rootNext = [];
    private bool[] hasChildren = [];

    internal int PatternCount => patternLengths.Count;

    internal int PatternLength(int pattern) => patternLengths[pattern];

    internal static ulong HashFolded(ReadOnlySpan<char> syllable)
    {
        var h = 14695981039346656037UL;
        foreach (var c in syllable)
        {
            var f = VietnameseFold.FoldChar(c);
            if (f == '\0')
            {
                continue;
            }

            h = (h ^ f) * 1099511628211UL;
        }
        return h;
    }

    /// <summary>Adds a pattern of folded syllables; returns its id (existing id when already present).</summary>
    internal int Add(string[] folded)
    {
        var node = 0;
        foreach (var syllable in folded)
        {
            var hash = HashFolded(syllable);
            if (!symbols.TryGetValue(hash, out var symbol))
            {
                symbol = symbols.Count + 1;
                symbols[hash] = symbol;
            }
            var key = Key(node, symbol);
            if (!transitions.TryGetValue(key, out var next))
            {
                next = failure.Count;
                failure.Add(0);
                buildOutputs.Add([]);
                transitions[key] = next;
            }
            node = next;
        }
        var existing = buildOutputs[node].Find(p => patternLengths[p] == folded.Length);
        if (buildOutputs[node].Count > 0 && patternLengths[existing] == folded.Length)
        {
            return existing;
        }

        patternLengths.Add(folded.Length);
        buildOutputs[node].Add(patternLengths.Count - 1);
        return patternLengths.Count - 1;
    }

    /// <summary>Computes failure links breadth-first and merges outputs along them.</summary>
    internal void Build()
    {
        var children = new List<(int Symbol, int Child)>[failure.Count];
        foreach (var (key, child) in transitions)
        {
            var parent = (int)(key >> 32);
            (children[parent] ??= []).Add(((int)(key & 0xFFFFFFFF), child));
        }
        var queue = new Queue<int>();
        foreach (var (_, child) in children[0] ?? [])
        {
            failure[child] = 0;
            queue.Enqueue(child);
        }
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var (symbol, child) in children[node] ?? [])
            {
                var f = failure[node];
                while (f != 0 && !transitions.ContainsKey(Key(f, symbol)))
                {
                    f = failure[f];
                }

                failure[child] = transitions.TryGetValue(Key(f, symbol), out var target) && target != child ? target : 0;
                buildOutputs[child].AddRange(buildOutputs[failure[child]]);
                queue.Enqueue(child);
            }
        }
        outputs.Clear();
        foreach (var o in buildOutputs)
        {
            outputs.Add([.. o.Distinct()]);
        }
        // Most steps start at the root or at a node without children: an array read instead of hash lookups.
        rootNext = new int[symbols.Count + 1];
        foreach (var (symbol, child) in children[0] ?? [])
        {
            rootNext[symbol] = child;
        }
        hasChildren = [.. children.Select(c => c is { Count: > 0 })];
    }

    internal int Symbol(ReadOnlySpan<char> syllable) => symbols.GetValueOrDefault(HashFolded(syllable));

    /// <summary>One transition; symbol 0 (a syllable no pattern uses) returns to the root.</summary>
    internal int Step(int node, int symbol)
    {
        if (symbol == 0)
        {
            return 0;
        }

        while (node != 0)
        {
            if (hasChildren[node] && transitions.TryGetValue(Key(node, symbol), out var next))
            {
                return next;
            }

            node = failure[node];
        }
        return rootNext[symbol];
    }

    internal int[] Outputs(int node) => outputs[node];

    private static long Key(int node, int symbol) => ((long)node << 32) | (uint)symbol;
}
