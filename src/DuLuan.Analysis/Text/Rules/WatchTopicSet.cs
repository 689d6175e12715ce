namespace DuLuan.Analysis.Text;

/// <summary>A topic that matched a text, with the first matching syllable's character span (in the normalised text).</summary>
public readonly record struct TopicMatch(string TopicId, int Start, int Length);

/// <summary>
/// Watch topics compiled once into one syllable automaton. Matching a text normalises and tokenises it once,
/// runs the automaton once, then evaluates only the topics whose patterns occurred.
/// </summary>
public sealed class WatchTopicSet
{
    private readonly SyllableAutomaton automaton = new();
    private readonly List<(string Id, RuleNode Rule)> topics = [];
    private readonly List<List<int>> topicsByPattern = [];
    private readonly List<int> alwaysEvaluate = [];

    private WatchTopicSet()
    {
    }

    public int Count => topics.Count;

    /// <summary>Parses and compiles; throws <see cref="TextSyntaxException"/> naming the topic, position and reason.</summary>
    public static WatchTopicSet Compile(IEnumerable<KeyValuePair<string, string>> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var set = new WatchTopicSet();
        foreach (var (id, expression) in topics)
        {
            RuleNode rule;
            try
            {
                rule = RuleParser.Parse(expression);
            }
            catch (TextSyntaxException e)
            {
                throw new TextSyntaxException(e.Position, $"chủ đề '{id}': {e.ReasonVi}", $"topic '{id}': {e.ReasonEn}");
            }
            set.Add(id, rule);
        }
        set.automaton.Build();
        return set;
    }

    /// <summary>Checks one expression; null when valid, else the error (for form validation).</summary>
    public static TextSyntaxException? Validate(string expression)
    {
        try
        {
            RuleParser.Parse(expression);
            return null;
        }
        catch (TextSyntaxException e)
        {
            return e;
        }
    }

    private void Add(string id, RuleNode rule)
    {
        var index = topics.Count;
        topics.Add((id, rule));
        var patterns = new List<int>();
        Register(rule, patterns);
        foreach (var p in patterns.Distinct())
        {
            while (topicsByPattern.Count <= p)
            {
                topicsByPattern.Add([]);
            }

            topicsByPattern[p].Add(index);
        }
        if (RuleEvaluator.MatchesEmpty(rule))
        {
            alwaysEvaluate.Add(index);
        }
    }

    private void Register(RuleNode node, List<int> patterns)
    {
        switch (node)
        {
            case TermNode t:
                t.Pattern = automaton.Add(t.Folded);
                patterns.Add(t.Pattern);
                break;
            case AndNode a:
                Register(a.Left, patterns);
                Register(a.Right, patterns);
                break;
            case OrNode o:
                Register(o.Left, patterns);
                Register(o.Right, patterns);
                break;
            case NotNode n:
                Register(n.Operand, patterns);
                break;
            case NearNode near:
                Register(near.Left, patterns);
                Register(near.Right, patterns);
                break;
        }
    }

    public List<TopicMatch> Match(string text)
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
}
