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

    /// <summary>0..1: the mean of the shares of the claim's syllables and syllable pairs found in the text.</summary>
    public static double Score(Shape claim, Shape text)
    {
        if (claim.Words.Count < MinimumSyllables || claim.Pairs.Count == 0)
        {
            return 0;
        }

        var words = (double)claim.Words.Count(text.Words.Contains) / claim.Words.Count;
        var pairs = (double)claim.Pairs.Count(text.Pairs.Contains) / claim.Pairs.Count;
        return (words + pairs) / 2;
    }
}
