namespace DuLuan.Analysis.Text;

/// <summary>
/// Word lists the build derives from npm packages (src/DuLuan.Analysis/build/phrase-filter.js; no copy in the
/// repository): the Vietnamese stopwords of stopwords-iso 1.1.0 (MIT) and the words whose every sense in the
/// @vntk/dictionary 1.0.0 dictionary (MIT) is an adjective or an adverb ("nghiêm trọng", "nhanh chóng", "lớn").
/// Keys are lower case with the new tone placement.
/// </summary>
internal static class PhraseFilter
{
    private const string ResourceName = "DuLuan.Analysis.Text.Trends.phrase-filter.txt";
    private static readonly Lazy<(HashSet<string> Stopwords, HashSet<string> Modifiers)> Lists = new(Load);

    /// <summary>A stopword entry (one syllable or several), such as "tuy nhiên" or "cho biết".</summary>
    internal static bool IsStopword(string lowerCase) => Lists.Value.Stopwords.Contains(lowerCase);

    /// <summary>Only ever an adjective or adverb in the dictionary: on its own it names nothing people follow.</summary>
    internal static bool IsModifierOnly(string lowerCase) => Lists.Value.Modifiers.Contains(lowerCase);

    internal static int StopwordCount => Lists.Value.Stopwords.Count;

    internal static int ModifierCount => Lists.Value.Modifiers.Count;

    private static (HashSet<string>, HashSet<string>) Load()
    {
        using var stream = typeof(PhraseFilter).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing embedded resource {ResourceName}: the build makes it from npm packages (src/DuLuan.Analysis/build/phrase-filter.js).");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var stopwords = new HashSet<string>(StringComparer.Ordinal);
        var modifiers = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length < 3 || line[1] != '\t')
            {
                continue;
            }

            var word = VietnameseNormalizer.Normalize(line[2..]);
            (line[0] == 'S' ? stopwords : modifiers).Add(word);
        }
        return (stopwords, modifiers);
    }
}
