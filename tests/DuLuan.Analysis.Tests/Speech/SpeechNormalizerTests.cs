using System.Globalization;
using DuLuan.Analysis.Text.Speech;

namespace DuLuan.Analysis.Tests.Speech;

/// <summary>
/// The spoken-style normaliser against a hand-written test set (data/speech/cases.tsv, issue #22: at least 300 cases,
/// accuracy at least 0.98). The accuracy is printed so docs/benchmarks.md can quote it.
/// </summary>
public sealed class SpeechNormalizerTests(ITestOutputHelper output)
{
    public const double RequiredAccuracy = 0.98;

    public static List<(string Written, string Spoken)> Cases()
        => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "speech", "cases.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1]))
            .ToList();

    [Fact]
    public void The_test_set_is_read_aloud_with_at_least_98_percent_accuracy()
    {
        var cases = Cases();
        var wrong = cases.Select(c => (c.Written, c.Spoken, Got: SpeechNormalizer.Normalize(c.Written)))
            .Where(c => c.Got != c.Spoken).ToList();
        var accuracy = 1.0 - ((double)wrong.Count / cases.Count);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"speech normalisation: {cases.Count - wrong.Count}/{cases.Count} exact = {accuracy:0.0000}"));
        foreach (var w in wrong)
        {
            output.WriteLine($"  {w.Written}\n    want {w.Spoken}\n    got  {w.Got}");
        }

        Assert.True(cases.Count >= 300, $"only {cases.Count} cases");
        Assert.True(accuracy >= RequiredAccuracy, $"accuracy {accuracy:0.0000} < {RequiredAccuracy}: " + string.Join(" | ", wrong.Select(w => w.Written + " => " + w.Got)));
    }

    [Theory]
    [InlineData("21", "hai mươi mốt")]
    [InlineData("11", "mười một")]
    [InlineData("24", "hai mươi tư")]
    [InlineData("14", "mười bốn")]
    [InlineData("105", "một trăm linh năm")]
    [InlineData("115", "một trăm mười lăm")]
    [InlineData("2000050", "hai triệu không trăm năm mươi")]
    public void Numbers_follow_the_mot_tu_lam_linh_rules(string digits, string spoken)
        => Assert.Equal(spoken, VietnameseNumbers.Whole(digits));

    [Fact]
    public void Every_number_up_to_a_million_leaves_no_digit_and_no_double_space()
    {
        for (var n = 0; n <= 1_000_000; n += 7)
        {
            var text = VietnameseNumbers.Whole(n);
            Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
            Assert.False(text.Any(char.IsAsciiDigit), text);
            Assert.False(text.StartsWith(' ') || text.EndsWith(' '), text);
        }
    }

    [Theory]
    [InlineData("IIII")]
    [InlineData("VX")]
    [InlineData("MMM")]
    [InlineData("")]
    public void Non_canonical_roman_numerals_are_refused(string letters) => Assert.Null(RomanNumeral.Parse(letters));

    [Fact]
    public void Hostile_input_is_read_in_bounded_time_and_keeps_its_words()
    {
        var digits = new string('9', 5000);
        var spoken = SpeechNormalizer.Normalize("Số " + digits);
        Assert.StartsWith("Số chín chín", spoken, StringComparison.Ordinal);

        var noise = string.Concat(Enumerable.Repeat("1.2,3/4-5h6:7%8 ", 4000));
        var read = SpeechNormalizer.Normalize(noise);
        Assert.False(read.Any(char.IsAsciiDigit), "digits left");

        var unpaired = "Bản tin \uD800 lúc 7h30 <script>alert(1)</script>";
        Assert.Contains("bảy giờ ba mươi phút", SpeechNormalizer.Normalize(unpaired), StringComparison.Ordinal);
    }
}
