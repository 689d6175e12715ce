namespace DuLuan.Analysis.Text;

/// <summary>
/// Trains the gap perceptron from gold-segmented sentences (each a list of word forms; a multi-syllable form has
/// spaces inside). Lexicon features are computed jackknife-style (lexicon from the other folds) so the model does
/// not learn to trust a lexicon that contains every training word.
/// </summary>
public static class WordSegmenterTrainer
{
    private const int Folds = 5;

    /// <param name="dictionary">Entries of an external word list (Viet74K) to use as features, or null for none.
    /// It is independent of the training sentences, so unlike the training lexicon it needs no jackknife.</param>
    public static WordSegmenter Train(IReadOnlyList<IReadOnlyList<string>> sentences, int epochs = 8, int seed = 1, IEnumerable<string>? dictionary = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var dictionaryWords = dictionary is null ? null : DictionaryMatches.ModelEntries(dictionary);
        var dictionaryLexicon = dictionaryWords is null ? null : DictionaryMatches.Build(dictionaryWords);
        var examples = sentences.Select(Prepare).ToList();
        var foldLexicons = Enumerable.Range(0, Folds).Select(f => BuildLexicon(sentences.Where((_, k) => k % Folds != f))).ToArray();
        var weights = new float[SegmenterFeatures.Size];
        var totals = new float[SegmenterFeatures.Size];
        var stamps = new int[SegmenterFeatures.Size];
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(seed);
        var time = 1;
        Span<int> features = stackalloc int[SegmenterFeatures.PerGap];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var s in order)
            {
                var (text, tokens, joins) = examples[s];
                var model = new WordSegmenter(weights, foldLexicons[s % Folds], dictionaryWords, dictionaryLexicon);
                var hashes = new ulong[tokens.Count];
                var shapes = new byte[tokens.Count];
                WordSegmenter.Describe(text, tokens, hashes, shapes);
                var matches = model.DescribeDictionary(hashes, new byte[tokens.Count * DictionaryMatches.Stride]);
                for (var i = 0; i + 1 < tokens.Count; i++)
                {
                    if (!WordSegmenter.CanJoin(text, tokens[i], tokens[i + 1]))
                    {
                        continue;
                    }

                    var predicted = model.Score(hashes, shapes, matches, i, features, out var count) > 0;
                    if (predicted != joins[i])
                    {
                        var y = joins[i] ? 1f : -1f;
                        foreach (var f in features[..count])
                        {
                            totals[f] += (time - stamps[f]) * weights[f];
                            stamps[f] = time;
                            weights[f] += y;
                        }
                    }
                    time++;
                }
            }
        }
        for (var f = 0; f < weights.Length; f++)
        {
            totals[f] += (time - stamps[f]) * weights[f];
            weights[f] = totals[f] / time;
        }
        var words = LexiconWords(sentences);
        var lexicon = new Lexicon();
        foreach (var w in words)
        {
            lexicon.AddWord(w);
        }

        return new WordSegmenter(weights, lexicon, dictionaryWords, dictionaryLexicon);
    }

    /// <summary>Saves a trained model (the library never opens files; the caller owns the stream).</summary>
    /// <param name="dictionaryByReference">Save only the dictionary's entry count and fingerprint, not its words: the
    /// shipped model does so, and <see cref="WordSegmenter.Default"/> supplies Viet74K from the assembly at load.</param>
    public static void Save(WordSegmenter segmenter, IReadOnlyList<IReadOnlyList<string>> sentences, Stream stream, bool dictionaryByReference = false) =>
        SegmenterModelFormat.Write(stream, segmenter.Weights, LexiconWords(sentences), segmenter.DictionaryWords, dictionaryByReference);

    /// <summary>Loads a saved model; one that references its dictionary gets Viet74K from the assembly.</summary>
    public static WordSegmenter Load(Stream stream) => SegmenterModelFormat.Read(stream, Viet74K.ModelEntries);

    internal static (string Text, List<Token> Tokens, bool[] Joins) Prepare(IReadOnlyList<string> forms)
    {
        var text = string.Join(' ', forms);
        var tokens = SyllableTokenizer.Tokenize(text);
        var formOf = new int[text.Length];
        var offset = 0;
        for (var f = 0; f < forms.Count; f++)
        {
            for (var c = 0; c < forms[f].Length; c++)
            {
                formOf[offset + c] = f;
            }

            offset += forms[f].Length;
            if (offset < text.Length)
            {
                formOf[offset++] = -1;
            }
        }
        var joins = new bool[tokens.Count];
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            joins[i] = formOf[tokens[i].Start] == formOf[tokens[i + 1].Start];
        }

        return (text, tokens, joins);
    }

    private static SortedSet<string> LexiconWords(IEnumerable<IReadOnlyList<string>> sentences)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var forms in sentences)
        {
            foreach (var form in forms)
            {
                var parts = form.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length is >= 2 and <= Lexicon.MaxSyllables && parts.All(p => p.Any(char.IsLetter)))
                {
                    words.Add(form.ToLowerInvariant());
                }
            }
        }
        return words;
    }

    private static Lexicon BuildLexicon(IEnumerable<IReadOnlyList<string>> sentences)
    {
        var lexicon = new Lexicon();
        foreach (var w in LexiconWords(sentences))
        {
            lexicon.AddWord(w);
        }

        return lexicon;
    }
}
