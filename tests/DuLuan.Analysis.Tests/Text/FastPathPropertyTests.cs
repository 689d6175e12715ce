using System.Text;
using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

/// <summary>
/// The fast paths (Normalize and NormalizeAndFold, with the clean-text pass that notes toned vowels) against the
/// reference path on random Vietnamese: real syllable shapes with the tone on any vowel (so both placements and
/// misplaced marks occur), NFC and NFD, đ/Đ, mixed case, punctuation, odd spaces, emoji and lone surrogates.
/// </summary>
public class FastPathPropertyTests
{
    private static readonly string[] Onsets = ["", "b", "c", "ch", "d", "đ", "Đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"];
    private static readonly string[] Nuclei = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "yê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "iêu", "yêu", "oai", "oay", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu"];
    private static readonly string[] Codas = ["", "", "", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
    private static readonly string[] Between = [" ", " ", " ", ", ", ". ", "-", "\n", "\"", "(", ") ", "!", "?", "…", "\u00A0", "’", "🙂", "👍🏽", "\uD800", "\uDC00", "x\u200By", "ж", "2025", "_"];
    private static readonly string[] ToneMarks = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];

    /// <summary>One syllable: onset, nucleus and coda, a tone mark on one random vowel (or none), random case.</summary>
    private static string Syllable(Random random)
    {
        var plain = Onsets[random.Next(Onsets.Length)] + Nuclei[random.Next(Nuclei.Length)] + Codas[random.Next(Codas.Length)];
        var sb = new StringBuilder();
        var vowels = plain.Select((c, k) => (c, k)).Where(p => VietnameseLetters.VowelOf(p.c) >= 0).Select(p => p.k).ToList();
        var tone = ToneMarks[random.Next(ToneMarks.Length)];
        var at = vowels.Count > 0 ? vowels[random.Next(vowels.Count)] : -1;
        var caseMode = random.Next(6);
        for (var k = 0; k < plain.Length; k++)
        {
            var c = caseMode switch
            {
                0 => char.ToUpperInvariant(plain[k]),
                1 when k == 0 => char.ToUpperInvariant(plain[k]),
                2 when random.Next(3) == 0 => char.ToUpperInvariant(plain[k]),
                _ => plain[k],
            };
            sb.Append(c);
            if (k == at)
            {
                sb.Append(tone);
            }
        }
        // NFC mostly; NFD sometimes; a second tone mark now and then.
        var syllable = sb.ToString();
        if (random.Next(20) == 0 && vowels.Count > 1)
        {
            syllable += ToneMarks[1 + random.Next(5)];
        }

        return random.Next(4) == 0 ? syllable.Normalize(NormalizationForm.FormD) : syllable.Normalize(NormalizationForm.FormC);
    }

    private static string Text(Random random, int syllables)
    {
        var sb = new StringBuilder();
        for (var s = 0; s < syllables; s++)
        {
            sb.Append(Syllable(random));
            sb.Append(random.Next(8) == 0 ? Between[random.Next(Between.Length)] : " ");
        }
        return sb.ToString();
    }

    [Fact]
    public void Normalize_and_fold_equal_the_reference_on_random_vietnamese()
    {
        var random = new Random(21_06);
        var cleanRuns = 0;
        var repaired = 0;
        for (var n = 0; n < 6_000; n++)
        {
            var text = Text(random, random.Next(1, 30));
            foreach (var style in new[] { ToneMarkStyle.New, ToneMarkStyle.Old })
            {
                var expected = VietnameseNormalizer.NormalizeReference(text, style);
                Assert.Equal(expected, VietnameseNormalizer.Normalize(text, style));
                var normal = VietnameseNormalizer.NormalizeAndFold(text, out var folded, style);
                Assert.Equal(expected, normal);
                Assert.Equal(VietnameseFold.Fold(expected), folded);

                // The clean-text pass itself, where it runs (NFC text without odd characters).
                var fold = new char[text.Length];
                if (CleanTextPass.TryRun<OnePassNormalizer.NormalizeAndFold>(text, style, fold, out var clean))
                {
                    cleanRuns++;
                    Assert.Equal(expected, clean);
                    Assert.Equal(VietnameseFold.Fold(expected), new string(fold));
                    repaired += ReferenceEquals(clean, text) ? 0 : 1;
                }
            }
        }
        // Both outcomes occur: the pass ran on many texts and repaired a good share of them.
        Assert.True(cleanRuns > 1_000, $"the clean-text pass ran {cleanRuns} times");
        Assert.True(repaired > 500, $"only {repaired} texts were repaired by the clean-text pass");
    }

    [Theory]
    [InlineData("hoà")]
    [InlineData("Hoà")]
    [InlineData("ĐOÀN THUỶ")]
    [InlineData("quả")]
    [InlineData("giá")]
    [InlineData("bánha")]
    [InlineData("oà")]
    [InlineData("aòa")]
    [InlineData("hoàhoàhoà")]
    [InlineData("ưở")]
    [InlineData("thuỷ\uD800")]
    [InlineData("ò")]
    [InlineData("á")]
    [InlineData("aá")]
    public void Equals_the_reference_at_the_edges(string text)
    {
        foreach (var style in new[] { ToneMarkStyle.New, ToneMarkStyle.Old })
        {
            var expected = VietnameseNormalizer.NormalizeReference(text, style);
            Assert.Equal(expected, VietnameseNormalizer.NormalizeAndFold(text, out var folded, style));
            Assert.Equal(VietnameseFold.Fold(expected), folded);
            Assert.Equal(expected, VietnameseNormalizer.Normalize(text, style));
        }
    }
}
