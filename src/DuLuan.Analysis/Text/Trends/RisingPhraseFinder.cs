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
/// Viet74K and treebank lexicons make "ngập lụt", "Hà Nội" one word), names (capitalised runs such as "Hòa Khánh")
/// and pairs of adjacent one-syllable content words ("mưa lớn", "ngập sâu"; see <see cref="Candidates"/>). A lone syllable is never a phrase, so fillers such as "lớn", "sâu", "qua" cannot
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
        var sure = new HashSet<string>(StringComparer.Ordinal);
        var windowCandidates = Candidates(window, sure);
        var backgroundCandidates = Candidates(background, sure);
        var (w, wDocs) = Count(windowCandidates, sure, surfaces);
        var (b, bDocs) = Count(backgroundCandidates, sure, null);
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

    private static (Dictionary<string, int> Counts, int Documents) Count(List<List<(string Form, bool Sure)>> documents, HashSet<string> sure, Dictionary<string, string>? surfaces)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidates in documents)
        {
            seen.Clear();
            foreach (var (form, isSure) in candidates)
            {
                if (isSure || sure.Contains(VietnameseFold.Fold(form)))
                {
                    Add(form, counts, seen, surfaces);
                }
            }
        }
        return (counts, documents.Count);
    }

    /// <summary>
    /// The candidates of each text: multi-syllable words and names are sure; so is a pair of one-syllable content words
    /// standing alone ("mưa lớn" between function words or punctuation). In a longer run of one-syllable words ("các xã
    /// miền núi phía tây", "dân dắt xe") the pairs overlap and most cross a word boundary, so such a pair counts only
    /// where it also stands alone in some text (<paramref name="sure"/>). Capitals split a run: "Hòa Khánh ngập sâu" is
    /// the name "Hòa Khánh" and the pair "ngập sâu", never "Khánh ngập".
    /// </summary>
    private static List<List<(string Form, bool Sure)>> Candidates(IEnumerable<string> texts, HashSet<string> sure)
    {
        var documents = new List<List<(string, bool)>>();
        var tokens = new List<Token>();
        var words = new List<Word>();
        var run = new List<(string Form, bool Upper, bool AtStart)>();
        foreach (var raw in texts)
        {
            var candidates = new List<(string, bool)>();
            documents.Add(candidates);
            var text = VietnameseNormalizer.Normalize(raw ?? "");
            tokens.Clear();
            words.Clear();
            SyllableTokenizer.Tokenize(text, tokens);
            WordSegmenter.Default.Segment(text, tokens, words);
            run.Clear();
            var previousEnd = -1;
            foreach (var word in words)
            {
                var form = text.Substring(word.Start, word.Length);
                var lower = form.ToLower(Vietnamese);
                var content = word.Kind == TokenKind.Syllable && !PhraseStopwords.IsFunctionWord(lower);
                if (!content || word.TokenCount >= 2 || (run.Count > 0 && !(word.Start == previousEnd + 1 && text[previousEnd] == ' ')))
                {
                    Flush(run, candidates, sure);
                }

                if (!content)
                {
                    continue;
                }

                if (word.TokenCount >= 2)
                {
                    if (!PhraseFilter.IsStopword(lower) && !PhraseFilter.IsModifierOnly(lower))
                    {
                        candidates.Add((form, true));
                    }

                    continue;
                }

                run.Add((form, char.IsUpper(form[0]), StartsSentence(text, word.Start)));
                previousEnd = word.Start + word.Length;
            }
            Flush(run, candidates, sure);
        }
        return documents;
    }

    /// <summary>Splits a run of one-syllable content words by capitals and turns it into candidates (see <see cref="Candidates"/>).</summary>
    private static void Flush(List<(string Form, bool Upper, bool AtStart)> words, List<(string, bool)> candidates, HashSet<string> sure)
    {
        // A capital that only starts the sentence belongs with the lower-case words after it ("Mưa lớn"), one followed
        // by another capital starts a name ("Hòa Khánh ngập sâu").
        var run = words.Select((w, k) => (w.Form, Capital: w.Upper && (!w.AtStart || (k + 1 < words.Count && words[k + 1].Upper)))).ToList();
        var start = 0;
        while (start < run.Count)
        {
            var end = start + 1;
            while (end < run.Count && run[end].Capital == run[start].Capital)
            {
                end++;
            }

            var length = end - start;
            if (run[start].Capital)
            {
                if (length >= 2)
                {
                    candidates.Add((string.Join(' ', run.Skip(start).Take(length).Select(r => r.Form)), true));
                }
            }
            else
            {
                for (var k = start; k + 1 < end; k++)
                {
                    var pair = run[k].Form + " " + run[k + 1].Form;
                    var pairLower = pair.ToLower(Vietnamese);
                    var modifiers = PhraseFilter.IsModifierOnly(run[k].Form.ToLower(Vietnamese)) && PhraseFilter.IsModifierOnly(run[k + 1].Form.ToLower(Vietnamese));
                    if (modifiers || PhraseFilter.IsStopword(pairLower) || PhraseFilter.IsModifierOnly(pairLower))
                    {
                        continue;
                    }

                    candidates.Add((pair, length == 2));
                    if (length == 2)
                    {
                        sure.Add(VietnameseFold.Fold(pair));
                    }
                }
            }
            start = end;
        }
        words.Clear();
    }

    /// <summary>True at the start of the text or after a sentence break (. ! ? : and quotes before it).</summary>
    private static bool StartsSentence(string text, int start)
    {
        for (var i = start - 1; i >= 0; i--)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is '"' or '“' or '\'' or '‘' or '(' or '-' or '–')
            {
                continue;
            }

            return c is '.' or '!' or '?' or ':' or '…';
        }
        return true;
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
