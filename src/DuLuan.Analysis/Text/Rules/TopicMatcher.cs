using System.Numerics;

namespace DuLuan.Analysis.Text;

/// <summary>
/// Per-document state of <see cref="WatchTopicSet.Match"/>, reused from one document to the next: the first start of
/// each term that occurred (every start for terms a NEAR uses), and the bit set of topics the occurred terms trigger.
/// Only what a document touched is reset, so the cost follows the document, not the number of topics.
/// </summary>
internal sealed class TopicMatcher
{
    private readonly TopicIndex index;
    private readonly int[] first;
    private readonly List<int>?[] starts;
    private readonly int[] touched;
    private readonly ulong[] candidates;
    private readonly List<TopicMatch> found = [];
    private int touchedCount;
    private int lowWord;
    private int highWord;

    internal TopicMatcher(TopicIndex index)
    {
        this.index = index;
        first = new int[index.TermCount];
        Array.Fill(first, -1);
        starts = new List<int>?[index.TermCount];
        for (var t = 0; t < starts.Length; t++)
        {
            if (index.TermKeepsStarts[t])
            {
                starts[t] = [];
            }
        }
        touched = new int[index.TermCount];
        candidates = new ulong[index.TopicWords];
        Reset();
    }

    /// <summary>The syllable and number tokens of the current document, in order.</summary>
    internal List<Token> Syllables { get; } = [];

    internal void Begin() => Mark(index.Always, 0, index.Always.Length);

    /// <summary>Records that the pattern occurred at syllable <paramref name="start"/> of <paramref name="text"/>.</summary>
    internal void Occur(int pattern, int start, string text)
    {
        var terms = index.PatternTerms;
        for (var k = index.PatternTermStart[pattern]; k < index.PatternTermStart[pattern + 1]; k++)
        {
            var term = terms[k];
            var kept = starts[term];
            if (first[term] >= 0 && kept is null)
            {
                continue;
            }

            if (index.TermExact[term] is { } exact && !IsExact(exact, start, text))
            {
                continue;
            }

            if (first[term] < 0)
            {
                first[term] = start;
                touched[touchedCount++] = term;
                Mark(index.TriggerBits, index.TriggerStart[term], index.TriggerStart[term + 1]);
            }
            kept?.Add(start);
        }
    }

    /// <summary>Evaluates every triggered topic in topic order, returns the matches and resets for the next document.</summary>
    internal List<TopicMatch> Finish(List<(string Id, RuleNode Rule)> topics)
    {
        var matches = found;
        for (var w = lowWord; w <= highWord; w++)
        {
            var bits = candidates[w];
            candidates[w] = 0;
            while (bits != 0)
            {
                var topic = (w << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                if (Evaluate(index.Roots[topic], out var at))
                {
                    var span = at >= 0 ? Syllables[at] : default;
                    matches.Add(new TopicMatch(topics[topic].Id, span.Start, span.Length));
                }
            }
        }
        for (var k = 0; k < touchedCount; k++)
        {
            var term = touched[k];
            first[term] = -1;
            starts[term]?.Clear();
        }
        Reset();
        List<TopicMatch> result = new(matches.Count);
        result.AddRange(matches);
        matches.Clear();
        return result;
    }

    private void Reset()
    {
        touchedCount = 0;
        lowWord = int.MaxValue;
        highWord = -1;
        Syllables.Clear();
    }

    private void Mark((int Word, ulong Mask)[] bits, int from, int to)
    {
        if (from == to)
        {
            return;
        }

        lowWord = Math.Min(lowWord, bits[from].Word);
        highWord = Math.Max(highWord, bits[to - 1].Word);
        for (var k = from; k < to; k++)
        {
            candidates[bits[k].Word] |= bits[k].Mask;
        }
    }

    /// <summary>Same semantics as <see cref="RuleEvaluator.Evaluate"/>, including which syllable is reported first.</summary>
    private bool Evaluate(int op, out int at)
    {
        var node = index.Ops[op];
        switch (node.Kind)
        {
            case RuleOpKind.Term:
                at = first[node.A];
                return at >= 0;
            case RuleOpKind.And:
                if (!Evaluate(node.A, out var left) || !Evaluate(node.B, out var right))
                {
                    at = -1;
                    return false;
                }

                at = left >= 0 ? left : right;
                return true;
            case RuleOpKind.Or:
                return Evaluate(node.A, out at) || Evaluate(node.B, out at);
            case RuleOpKind.Not:
                at = -1;
                return !Evaluate(node.A, out _);
            default:
                return Near(node, out at);
        }
    }

    /// <summary>
    /// The first left start (in text order) with a right start within the distance, and its first such right start:
    /// the pair the reference's nested loops find, found with one forward pointer over the right starts.
    /// </summary>
    private bool Near(RuleOp node, out int at)
    {
        at = -1;
        if (first[node.A] < 0 || first[node.B] < 0)
        {
            return false;
        }

        var lefts = starts[node.A]!;
        var rights = starts[node.B]!;
        var leftLength = index.TermLength[node.A];
        var rightLength = index.TermLength[node.B];
        var j = 0;
        foreach (var a in lefts)
        {
            // A right start b is near a when a - rightLength - distance <= b <= a + leftLength + distance.
            var low = a - rightLength - node.Distance;
            while (j < rights.Count && rights[j] < low)
            {
                j++;
            }

            if (j == rights.Count)
            {
                return false;
            }

            var b = rights[j];
            if (b <= a + leftLength + node.Distance)
            {
                at = Math.Min(a, b);
                return true;
            }
        }
        return false;
    }

    private bool IsExact(string[] exact, int start, string text)
    {
        for (var k = 0; k < exact.Length; k++)
        {
            var token = Syllables[start + k];
            var span = text.AsSpan(token.Start, token.Length);
            var word = exact[k];
            if (span.Length != word.Length)
            {
                return false;
            }

            for (var c = 0; c < span.Length; c++)
            {
                if (char.ToLowerInvariant(span[c]) != word[c])
                {
                    return false;
                }
            }
        }
        return true;
    }
}
