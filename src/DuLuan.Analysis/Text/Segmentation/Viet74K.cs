namespace DuLuan.Analysis.Text;

/// <summary>
/// The Viet74K word list of the npm package @vntk/dictionary 1.0.0 (MIT, see NOTICE.md): the build runs `npm ci` in
/// this project and embeds the package's file as it is, so the repository holds no copy; the shipped segmenter model
/// references it by entry count and fingerprint.
/// </summary>
internal static class Viet74K
{
    private const string ResourceName = "DuLuan.Analysis.Text.Segmentation.Viet74K.txt";

    /// <summary>The entries the segmenter uses (<see cref="DictionaryMatches.ModelEntries"/>), read from the assembly.</summary>
    internal static IReadOnlyCollection<string> ModelEntries()
    {
        using var stream = typeof(Viet74K).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing embedded resource {ResourceName}: the build fetches it with `npm ci` in src/DuLuan.Analysis.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return DictionaryMatches.ModelEntries(Lines(reader));
    }

    /// <summary>Every entry as the list writes it (proper names capitalised), one and many syllables.</summary>
    internal static List<string> RawEntries()
    {
        using var stream = typeof(Viet74K).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing embedded resource {ResourceName}: the build fetches it with `npm ci` in src/DuLuan.Analysis.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return [.. Lines(reader)];
    }

    private static IEnumerable<string> Lines(StreamReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
