namespace DuLuan.Analysis.Text;

/// <summary>Evaluates a rule against the pattern occurrences (syllable start indexes) found in one text.</summary>
internal sealed class RuleEvaluator(string text, List<Token> syllables, Dictionary<int, List<int>> occurrences)
{
    /// <summary>The reference matcher: collects every start of every pattern, then evaluates each topic one of whose patterns occurred.</summary>
    internal static List<TopicMatch> MatchAll(string text, SyllableAutomaton automaton, List<(string Id, RuleNode Rule)> topics, List<List<int>> topicsByPattern, List<int> alwaysEvaluate)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = VietnameseNormalizer.Normalize(text);
        var tokens = new List<Token>();
        SyllableTokenizer.Tokenize(normalised, tokens);
        var occurrences = new Dictionary<int, List<int>>();
        var node = 0;
        var syllables = new List<Token>(tokens.Count);
        foreach (var token in tokens)
        {
            if (token.Kind is not (TokenKind.Syllable or TokenKind.Number))
            {
                node = 0;
                continue;
            }
            syllables.Add(token);
            node = automaton.Step(node, automaton.Symbol(normalised.AsSpan(token.Start, token.Length)));
            foreach (var pattern in automaton.Outputs(node))
            {
                if (!occurrences.TryGetValue(pattern, out var starts))
                {
                    occurrences[pattern] = starts = [];
                }

                starts.Add(syllables.Count - automaton.PatternLength(pattern));
            }
        }
        var candidates = new SortedSet<int>(alwaysEvaluate);
        foreach (var pattern in occurrences.Keys)
        {
            if (pattern < topicsByPattern.Count)
            {
                candidates.UnionWith(topicsByPattern[pattern]);
            }
        }
        var matches = new List<TopicMatch>();
        var evaluator = new RuleEvaluator(normalised, syllables, occurrences);
        foreach (var index in candidates)
        {
            var (id, rule) = topics[index];
            if (evaluator.Evaluate(rule, out var first))
            {
                var span = first >= 0 ? syllables[first] : default;
                matches.Add(new TopicMatch(id, span.Start, span.Length));
            }
        }
        return matches;
    }

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
