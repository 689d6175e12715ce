using DuLuan.Analysis.Text;

namespace DuLuan.Features.Claims;

/// <summary>
/// How much of a claim a text repeats. Both sides are normalised and folded (no diacritics, đ -> d, either tone
/// placement), split into syllables, and the claim's syllables and syllable pairs are looked up in the text. A
/// claim is short and the article around it long, so containment (share of the claim found), not Jaccard, is the
/// measure; pairs keep common words from matching on their own.
/// </summary>
public static class ClaimText
{
    public const double Threshold = 0.6;

    /// <summary>Claims shorter than this many syllables are too generic to match automatically.</summary>
    public const int MinimumSyllables = 4;

    public sealed record Shape(HashSet<string> Words, HashSet<string> Pairs);

    public static Shape Of(string text)
    {
        var folded = VietnameseFold.Fold(VietnameseNormalizer.Normalize(text));
        var words = new HashSet<string>(StringComparer.Ordinal);
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        string? previous = null;
        foreach (var token in SyllableTokenizer.Tokenize(folded))
        {
            if (token.Kind is not (TokenKind.Syllable or TokenKind.Number))
            {
                continue;
            }

            var word = token.Text(folded);
            words.Add(word);
            if (previous is not null)
            {
                pairs.Add(previous + " " + word);
            }

            previous = word;
        }

        return new Shape(words, pairs);
    }

    /// <summary>Weight of the syllable-pair share in the score; pairs carry the wording, single syllables only the topic.</summary>
    public const double PairWeight = 0.75;

    /// <summary>The least pair share that can still reach <see cref="Threshold"/> (with every syllable found).</summary>
    public static readonly double MinimumPairShare = (Threshold - (1 - PairWeight)) / PairWeight;

    /// <summary>0..1: the shares of the claim's syllables and syllable pairs found in the text, pairs weighted <see cref="PairWeight"/>.</summary>
    public static double Score(Shape claim, Shape text)
    {
        if (claim.Words.Count < MinimumSyllables || claim.Pairs.Count == 0)
        {
            return 0;
        }

        var words = (double)claim.Words.Count(text.Words.Contains) / claim.Words.Count;
        var pairs = (double)claim.Pairs.Count(text.Pairs.Contains) / claim.Pairs.Count;
        return ((1 - PairWeight) * words) + (PairWeight * pairs);
    }
}

/// <summary>
/// Claim shapes indexed by their syllable pairs, so a text is scored only against the claims it shares enough pairs
/// with (at least <see cref="ClaimText.MinimumPairShare"/>); the rest cannot reach the threshold.
/// </summary>
public sealed class ClaimShapeIndex
{
    private readonly List<(long ClaimId, ClaimText.Shape Shape)> shapes = [];
    private readonly Dictionary<string, List<int>> byPair = new(StringComparer.Ordinal);

    public void Add(long claimId, ClaimText.Shape shape)
    {
        if (shape.Words.Count < ClaimText.MinimumSyllables || shape.Pairs.Count == 0)
        {
            return;
        }

        var index = shapes.Count;
        shapes.Add((claimId, shape));
        foreach (var pair in shape.Pairs)
        {
            if (!byPair.TryGetValue(pair, out var list))
            {
                byPair[pair] = list = [];
            }

            list.Add(index);
        }
    }

    /// <summary>The best score per claim at or above the threshold.</summary>
    public Dictionary<long, double> Match(ClaimText.Shape text)
    {
        var hits = new Dictionary<int, int>();
        foreach (var pair in text.Pairs)
        {
            if (byPair.TryGetValue(pair, out var list))
            {
                foreach (var index in list)
                {
                    hits[index] = hits.GetValueOrDefault(index) + 1;
                }
            }
        }

        var best = new Dictionary<long, double>();
        foreach (var (index, count) in hits)
        {
            var (claimId, shape) = shapes[index];
            if ((double)count / shape.Pairs.Count < ClaimText.MinimumPairShare - 1e-9)
            {
                continue;
            }

            var score = ClaimText.Score(shape, text);
            if (score >= ClaimText.Threshold && score > best.GetValueOrDefault(claimId))
            {
                best[claimId] = score;
            }
        }

        return best;
    }
}
