using System.Text;
using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

/// <summary>
/// The clean-text pass (what Normalize and NormalizeAndFold run on text with nothing to clean or compose) against the
/// reference path, called directly so the test proves that it, not a fallback, gives the result.
/// </summary>
public class CleanTextPassTests
{
    private static readonly ToneMarkStyle[] Styles = [ToneMarkStyle.New, ToneMarkStyle.Old];

    /// <summary>Null when the pass gave up; else its normal form and fold, each checked against the reference.</summary>
    private static bool? AssertSameAsReference(string input)
    {
        bool? taken = null;
        foreach (var style in Styles)
        {
            var expected = VietnameseNormalizer.NormalizeReference(input, style);
            if (CleanTextPass.TryRun<OnePassNormalizer.NormalizeOnly>(input, style, default, out var normal))
            {
                Assert.Equal(expected, normal);
                taken = true;
            }

            var fold = new char[input.Length];
            if (CleanTextPass.TryRun<OnePassNormalizer.NormalizeAndFold>(input, style, fold, out var normalToo))
            {
                Assert.Equal(expected, normalToo);
                Assert.Equal(VietnameseFold.Fold(expected), new string(fold));
            }
        }
        return taken;
    }

    [Fact]
    public void Equals_the_reference_on_the_labelled_corpus_and_is_what_runs_there()
    {
        var inputs = 0;
        var taken = 0;
        foreach (var line in OnePassNormalizerTests.CorpusLines())
        {
            var old = VietnameseNormalizer.NormalizeReference(line, ToneMarkStyle.Old);
            foreach (var input in new[] { line, line.ToUpperInvariant(), old, old.ToUpperInvariant() })
            {
                inputs++;
                taken += AssertSameAsReference(input) == true ? 1 : 0;
            }
        }
        Assert.True(inputs > 4000, $"only {inputs} inputs");
        Assert.True(taken >= inputs * 0.95, $"the clean-text pass ran on {taken} of {inputs} inputs");
    }

    [Fact]
    public void Equals_the_reference_on_random_clean_strings()
    {
        var pieces = new List<string>();
        pieces.AddRange("abcdeghiklmnopqrstuvxyzAEIOUYDĐđ0123456789 .,;:!?-'\"()\t\n".Select(c => c.ToString()));
        for (var v = 0; v < 12; v++)
        {
            for (var t = 0; t < 6; t++)
            {
                pieces.Add(VietnameseLetters.Compose(v, t, upper: false).ToString());
                pieces.Add(VietnameseLetters.Compose(v, t, upper: true).ToString());
            }
        }
        // Letters that are not Vietnamese (word boundaries or not), a ligature that folds to two letters, CJK, Thai.
        pieces.AddRange(["ж", "Ω", "ñ", "ſ", "ﬁ", "ß", "北京", "ไทย", "oa", "uy", "oe", "ươ", "iê", "qu", "gi", "ngh", "hoà", "thuỷ", "quả", "giá", "ưở"]);
        var random = new Random(20261207);
        var sb = new StringBuilder();
        var taken = 0;
        for (var n = 0; n < 20_000; n++)
        {
            sb.Clear();
            var length = random.Next(0, 24);
            for (var k = 0; k < length; k++)
            {
                sb.Append(pieces[random.Next(pieces.Count)]);
            }
            taken += AssertSameAsReference(sb.ToString()) == true ? 1 : 0;
        }
        Assert.Equal(20_000, taken);
    }

    [Theory]
    [InlineData("a\u0301")]
    [InlineData("x\u200By")]
    [InlineData("🙂 hoà")]
    [InlineData("a\u00A0b")]
    public void Gives_up_on_what_needs_cleaning_or_composing(string input)
    {
        Assert.False(CleanTextPass.TryRun<OnePassNormalizer.NormalizeOnly>(input, ToneMarkStyle.New, default, out _));
        Assert.False(CleanTextPass.TryRun<OnePassNormalizer.NormalizeAndFold>(input, ToneMarkStyle.New, new char[input.Length], out _));
    }

    [Fact]
    public void Returns_the_input_instance_when_no_syllable_changes()
    {
        var text = "Người dân kéo dài, quả thật, giữa khuya.";
        Assert.True(CleanTextPass.TryRun<OnePassNormalizer.NormalizeOnly>(text, ToneMarkStyle.New, default, out var normal));
        Assert.Same(text, normal);
        Assert.True(CleanTextPass.TryRun<OnePassNormalizer.NormalizeOnly>("hoà thuỷ", ToneMarkStyle.New, default, out var repaired));
        Assert.Equal("hòa thủy", repaired);
    }
}
