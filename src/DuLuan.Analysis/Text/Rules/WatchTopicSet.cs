namespace DuLuan.Analysis.Text;

/// <summary>A topic that matched a text, with the first matching syllable's character span (in the normalised text).</summary>
public readonly record struct TopicMatch(string TopicId, int Start, int Length);

/// <summary>
/// Watch topics compiled once into one syllable automaton and a <see cref="TopicIndex"/>. Matching a text normalises
/// and tokenises it once, runs the automaton once, ORs the topic bit sets of the terms that occurred, then evaluates
/// only those topics (whose trigger terms occurred), without allocating per term or per topic.
/// </summary>
public sealed class WatchTopicSet
{
    private readonly SyllableAutomaton automaton = new();
    private readonly List<(string Id, RuleNode Rule)> topics = [];
    private readonly List<List<int>> topicsByPattern = [];
    private readonly List<int> alwaysEvaluate = [];
    private TopicIndex? index;
    private TopicMatcher? spare;

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
        set.index = new TopicIndex(set.automaton, [.. set.topics.Select(t => t.Rule)]);
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

    /// <summary>Topics whose rule holds in the text, in the order they were compiled.</summary>
    public List<TopicMatch> Match(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = VietnameseNormalizer.Normalize(text);
        var matcher = Interlocked.Exchange(ref spare, null) ?? new TopicMatcher(index!);
        matcher.Begin();
        var syllables = matcher.Syllables;
        var node = 0;
        var i = 0;
        while (i < normalised.Length)
        {
            var start = i;
            var kind = SyllableTokenizer.Next(normalised, ref i);
            if (kind is null)
            {
                continue;
            }

            if (kind is not (TokenKind.Syllable or TokenKind.Number))
            {
                node = 0;
                continue;
            }
            syllables.Add(new Token(start, i - start, kind.Value));
            node = automaton.Step(node, automaton.Symbol(normalised.AsSpan(start, i - start)));
            foreach (var pattern in automaton.Outputs(node))
            {
                matcher.Occur(pattern, syllables.Count - automaton.PatternLength(pattern), normalised);
            }
        }
        var matches = matcher.Finish(topics);
        Volatile.Write(ref spare, matcher);
        return matches;
    }

    /// <summary>The evaluation before <see cref="TopicIndex"/>: every topic any of whose patterns occurred, rule by rule (the tests' oracle).</summary>
    internal List<TopicMatch> MatchReference(string text) => RuleEvaluator.MatchAll(text, automaton, topics, topicsByPattern, alwaysEvaluate);
}
