namespace DuLuan.Analysis.Text;

/// <summary>Evaluates a rule against the pattern occurrences (syllable start indexes) found in one text.</summary>
internal sealed class RuleEvaluator(string text, List<Token> syllables, Dictionary<int, List<int>> occurrences)
{
    internal static bool MatchesEmpty(RuleNode node) => node switch
    {
        TermNode or NearNode => false,
        AndNode a => MatchesEmpty(a.Left) && MatchesEmpty(a.Right),
        OrNode o => MatchesEmpty(o.Left) || MatchesEmpty(o.Right),
        NotNode => true,
        _ => false,
    };

    /// <summary>True when the rule holds; <paramref name="first"/> is a syllable index of a positive match or -1.</summary>
    internal bool Evaluate(RuleNode node, out int first)
    {
        first = -1;
        switch (node)
        {
            case TermNode t:
                foreach (var start in Starts(t))
                {
                    first = start;
                    return true;
                }
                return false;
            case AndNode a:
                if (!Evaluate(a.Left, out var l) || !Evaluate(a.Right, out var r))
                {
                    return false;
                }

                first = l >= 0 ? l : r;
                return true;
            case OrNode o:
                return Evaluate(o.Left, out first) || Evaluate(o.Right, out first);
            case NotNode n:
                return !Evaluate(n.Operand, out _);
            case NearNode near:
                foreach (var a in Starts(near.Left))
                {
                    foreach (var b in Starts(near.Right))
                    {
                        var gap = a <= b ? b - (a + near.Left.Folded.Length) : a - (b + near.Right.Folded.Length);
                        if (gap > near.Distance)
                        {
                            continue;
                        }

                        first = Math.Min(a, b);
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }

    private IEnumerable<int> Starts(TermNode term)
    {
        if (!occurrences.TryGetValue(term.Pattern, out var starts))
        {
            yield break;
        }

        foreach (var start in starts)
        {
            if (term.Exact is null || IsExact(term.Exact, start))
            {
                yield return start;
            }
        }
    }

    private bool IsExact(string[] exact, int start)
    {
        for (var k = 0; k < exact.Length; k++)
        {
            var token = syllables[start + k];
            var span = text.AsSpan(token.Start, token.Length);
            if (span.Length != exact[k].Length)
            {
                return false;
            }

            for (var c = 0; c < span.Length; c++)
            {
                if (char.ToLowerInvariant(span[c]) != exact[k][c])
                {
                    return false;
                }
            }
        }
        return true;
    }
}
