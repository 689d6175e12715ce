namespace DuLuan.Analysis.Text;

public sealed record Keyphrase(string Phrase, int WindowCount, int BackgroundCount, double LogLikelihood);

/// <summary>
/// "What is new this week": syllable n-grams (1..3, folded, within a sentence piece) over-represented in a time
/// window against a background window, ranked by Dunning's log-likelihood ratio G². LLR rather than a frequency
/// ratio because it stays sensible for rare phrases and needs no smoothing constant.
/// </summary>
public static class KeyphraseExtractor
{
    private static readonly HashSet<string> Stopwords = new(StringComparer.Ordinal)
    {
        "va", "cua", "la", "co", "cac", "nhung", "duoc", "cho", "voi", "trong", "da", "mot", "nay", "khong", "tai",
        "thi", "de", "tu", "den", "ve", "se", "nguoi", "khi", "cung", "ma", "o", "theo", "nhu", "do", "bi", "con", "ra",
    };

    public static List<Keyphrase> Extract(IEnumerable<string> window, IEnumerable<string> background, int top = 20, int minCount = 3, int maxLength = 3)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(background);
        var w = Count(window, maxLength);
        var b = Count(background, maxLength);
        long wTotal = w.Values.Sum(), bTotal = Math.Max(1, b.Values.Sum());
        var results = new List<Keyphrase>();
        foreach (var (phrase, k1) in w)
        {
            if (k1 < minCount)
            {
                continue;
            }

            var k2 = b.GetValueOrDefault(phrase);
            if ((double)k1 / wTotal <= (double)k2 / bTotal)
            {
                continue;
            }

            results.Add(new Keyphrase(phrase, k1, k2, LogLikelihood(k1, wTotal, k2, bTotal)));
        }
        // Prefer the longer phrase when a shorter one is only ever seen inside it.
        results.Sort((x, y) => y.LogLikelihood.CompareTo(x.LogLikelihood));
        var kept = new List<Keyphrase>();
        foreach (var r in results)
        {
            if (kept.Any(k => k.Phrase.Contains(r.Phrase, StringComparison.Ordinal) && k.WindowCount >= r.WindowCount * 0.8))
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

    internal static double LogLikelihood(long k1, long n1, long k2, long n2)
    {
        var p = (double)(k1 + k2) / (n1 + n2);
        return 2 * (Ll(k1, n1, (double)k1 / n1) + Ll(k2, n2, (double)k2 / n2) - Ll(k1, n1, p) - Ll(k2, n2, p));
    }

    private static double Ll(long k, long n, double p)
    {
        var a = k == 0 ? 0 : k * Math.Log(Math.Max(p, 1e-12));
        var b = n - k == 0 ? 0 : (n - k) * Math.Log(Math.Max(1 - p, 1e-12));
        return a + b;
    }

    private static Dictionary<string, int> Count(IEnumerable<string> texts, int maxLength)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var run = new List<string>();
        foreach (var text in texts)
        {
            var folded = VietnameseFold.Fold(VietnameseNormalizer.Normalize(text));
            run.Clear();
            foreach (var token in SyllableTokenizer.Tokenize(folded))
            {
                if (token.Kind != TokenKind.Syllable)
                {
                    run.Clear();
                    continue;
                }
                run.Add(token.Text(folded));
                for (var n = 1; n <= maxLength && n <= run.Count; n++)
                {
                    var parts = run.GetRange(run.Count - n, n);
                    if (Stopwords.Contains(parts[0]) || Stopwords.Contains(parts[^1]))
                    {
                        continue;
                    }

                    var phrase = string.Join(' ', parts);
                    counts[phrase] = counts.GetValueOrDefault(phrase) + 1;
                }
            }
        }
        return counts;
    }
}
