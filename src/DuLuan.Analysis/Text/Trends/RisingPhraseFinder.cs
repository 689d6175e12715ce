using System.Globalization;

namespace DuLuan.Analysis.Text;

/// <param name="Phrase">As first written (diacritics and capitals of the text; lower-cased unless every syllable is capitalised, as in a name).</param>
/// <param name="Key">The folded form occurrences are counted under ("mưa lớn", "mua lon" and "Mưa lớn" are one phrase).</param>
/// <param name="WindowCount">Documents of the window that contain it.</param>
/// <param name="BackgroundCount">Documents of the previous period that contain it.</param>
/// <param name="Growth">Share of window documents over the add-one share of previous-period documents.</param>
public sealed record RisingPhrase(string Phrase, string Key, int WindowCount, int BackgroundCount, double Growth);

/// <summary>
/// Phrases people would write, rising against the previous period: multi-syllable words of the segmenter (whose
/// Viet74K and treebank lexicons make "ngập lụt", "Hà Nội" one word) and pairs of adjacent one-syllable content
/// words ("mưa lớn", "ngập sâu"). A lone syllable is never a phrase, so fillers such as "lớn", "sâu", "qua" cannot
/// appear; function words and adverbs ("tuy nhiên", "đã", "rất") are not phrase parts; no phrase is a stopword
/// (stopwords-iso) or a word the dictionary knows only as an adjective or adverb ("nghiêm trọng", "nhanh chóng"), and
/// a pair needs one part that is not such a word. Counted once per document,
/// kept when seen in at least <c>minCount</c> window documents and significantly more often than before (Dunning
/// G² ≥ 3.84, p &lt; 0.05), ranked by growth.
/// </summary>
public static class RisingPhraseFinder
{
    private const double Significant = 3.84;
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static List<RisingPhrase> Find(IEnumerable<string> window, IEnumerable<string> background, int top = 12, int minCount = 3)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(background);
        var surfaces = new Dictionary<string, string>(StringComparer.Ordinal);
        var (w, wDocs) = Count(window, surfaces);
        var (b, bDocs) = Count(background, null);
        var results = new List<RisingPhrase>();
        foreach (var (key, k1) in w)
        {
            var k2 = b.GetValueOrDefault(key);
            if (k1 < minCount || (double)k1 / wDocs <= (double)k2 / Math.Max(1, bDocs))
            {
                continue;
            }

            if (KeyphraseExtractor.LogLikelihood(k1, wDocs, k2, Math.Max(1, bDocs)) < Significant)
            {
                continue;
            }

            var growth = (double)k1 / wDocs / ((k2 + 1.0) / (bDocs + 1.0));
            results.Add(new RisingPhrase(surfaces[key], key, k1, k2, growth));
        }
        results.Sort((x, y) => y.Growth != x.Growth ? y.Growth.CompareTo(x.Growth) : y.WindowCount != x.WindowCount ? y.WindowCount.CompareTo(x.WindowCount) : string.CompareOrdinal(x.Key, y.Key));
        var kept = new List<RisingPhrase>();
        foreach (var r in results)
        {
            // A phrase seen almost only inside a longer kept one adds nothing.
            if (kept.Any(k => $" {k.Key} ".Contains($" {r.Key} ", StringComparison.Ordinal) && k.WindowCount >= r.WindowCount * 0.8))
            {
                continue;
            }

            kept.Add(r);
            if (kept.Count == top)
            {
                break;
            }
        }
        return kept;
    }

    private static (Dictionary<string, int> Counts, int Documents) Count(IEnumerable<string> texts, Dictionary<string, string>? surfaces)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var tokens = new List<Token>();
        var words = new List<Word>();
        var documents = 0;
        foreach (var raw in texts)
        {
            documents++;
            seen.Clear();
            var text = VietnameseNormalizer.Normalize(raw ?? "");
            tokens.Clear();
            words.Clear();
            SyllableTokenizer.Tokenize(text, tokens);
            WordSegmenter.Default.Segment(text, tokens, words);
            string? previous = null;
            var previousEnd = -1;
            foreach (var word in words)
            {
                var form = text.Substring(word.Start, word.Length);
                var lower = form.ToLower(Vietnamese);
                var content = word.Kind == TokenKind.Syllable && !PhraseStopwords.IsFunctionWord(lower);
                if (!content)
                {
                    previous = null;
                    continue;
                }

                if (word.TokenCount >= 2)
                {
                    if (!PhraseFilter.IsStopword(lower) && !PhraseFilter.IsModifierOnly(lower))
                    {
                        Add(form, counts, seen, surfaces);
                    }

                    previous = null;
                    continue;
                }

                if (previous is not null && word.Start == previousEnd + 1 && text[previousEnd] == ' ')
                {
                    // "mưa lớn" (a noun and its adjective) is a phrase; "lớn mạnh" of two modifiers or a stopword pair is not.
                    var pair = previous + " " + form;
                    var pairLower = pair.ToLower(Vietnamese);
                    var modifiers = PhraseFilter.IsModifierOnly(previous.ToLower(Vietnamese)) && PhraseFilter.IsModifierOnly(lower);
                    if (!modifiers && !PhraseFilter.IsStopword(pairLower) && !PhraseFilter.IsModifierOnly(pairLower))
                    {
                        Add(pair, counts, seen, surfaces);
                    }
                }
                previous = form;
                previousEnd = word.Start + word.Length;
            }
        }
        return (counts, documents);
    }

    private static void Add(string form, Dictionary<string, int> counts, HashSet<string> seen, Dictionary<string, string>? surfaces)
    {
        var key = VietnameseFold.Fold(form);
        if (!seen.Add(key))
        {
            return;
        }

        counts[key] = counts.GetValueOrDefault(key) + 1;
        if (surfaces is not null && !surfaces.ContainsKey(key))
        {
            surfaces[key] = Display(form);
        }
    }

    /// <summary>Names keep their capitals ("Lạng Sơn"); a capital that only starts a sentence or title is dropped.</summary>
    private static string Display(string form)
    {
        var parts = form.Split(' ');
        return parts.All(p => p.Length > 0 && char.IsUpper(p[0])) ? form : form.ToLower(Vietnamese);
    }
}
