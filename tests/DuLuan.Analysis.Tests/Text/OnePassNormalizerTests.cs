using System.Globalization;
using System.Text;
using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

/// <summary>
/// Differential tests: the one-pass normaliser (what <see cref="VietnameseNormalizer.Normalize"/> runs) against the
/// reference path (clean, .NET NFC, tone repair), and its fold against <see cref="VietnameseFold.Fold(string)"/> of the
/// reference, on the labelled corpus and on random hostile strings.
/// </summary>
public class OnePassNormalizerTests
{
    private static readonly ToneMarkStyle[] Styles = [ToneMarkStyle.New, ToneMarkStyle.Old];

    public static IEnumerable<string> CorpusLines()
    {
        var files = new List<string>
        {
            Path.Combine(AppContext.BaseDirectory, "data", "segmentation", "vtb-dev-excerpt.conllu"),
            Path.Combine(AppContext.BaseDirectory, "data", "redaction", "sentences.txt"),
            Path.Combine(AppContext.BaseDirectory, "data", "dedup", "stories.jsonl"),
        };
        // The founders' labelled corpora, when the machine has them (UD Vietnamese-VTB, UIT-VSFC).
        foreach (var dir in new[] { "/work/shared/data/segmentation", "/work/shared/data/uit-vsfc" })
        {
            if (Directory.Exists(dir))
            {
                files.AddRange(Directory.EnumerateFiles(dir, "*.conllu", SearchOption.AllDirectories));
                files.AddRange(Directory.EnumerateFiles(dir, "sents.txt", SearchOption.AllDirectories));
            }
        }
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.StartsWith("# text", StringComparison.Ordinal))
                {
                    yield return line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim();
                }
                else if (!line.StartsWith('#') && line.Length > 0 && !char.IsDigit(line[0]))
                {
                    yield return line;
                }
            }
        }
    }

    private static IEnumerable<string> Variants(string line)
    {
        yield return line;
        yield return line.Normalize(NormalizationForm.FormD);
        yield return line.ToUpperInvariant();
        yield return line.ToUpperInvariant().Normalize(NormalizationForm.FormD);
        var old = VietnameseNormalizer.NormalizeReference(line, ToneMarkStyle.Old);
        yield return old;
        yield return old.Normalize(NormalizationForm.FormD);
        yield return line.Replace(" ", "\u00A0\u200B", StringComparison.Ordinal).Replace('Đ', '\u00D0');
    }

    private static void AssertSame(string input)
    {
        foreach (var style in Styles)
        {
            var expected = VietnameseNormalizer.NormalizeReference(input, style);
            var actual = VietnameseNormalizer.Normalize(input, style);
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                Assert.Fail($"{style}: {Escape(input)} -> {Escape(actual)}, reference {Escape(expected)}");
            }

            var normal = VietnameseNormalizer.NormalizeAndFold(input, out var folded, style);
            Assert.Equal(expected, normal);
            var expectedFold = VietnameseFold.Fold(expected);
            if (!string.Equals(expectedFold, folded, StringComparison.Ordinal))
            {
                Assert.Fail($"fold {style}: {Escape(input)} -> {Escape(folded)}, reference {Escape(expectedFold)}");
            }
        }
    }

    private static bool OnePass(string input)
    {
        var normal = new char[input.Length];
        var folded = new char[input.Length];
        return OnePassNormalizer.TryRun<OnePassNormalizer.NormalizeAndFold>(input, ToneMarkStyle.New, normal, folded, out _, out _, out _);
    }

    private static string Escape(string s) =>
        string.Concat(s.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));

    [Fact]
    public void Equals_the_reference_on_the_labelled_corpus_in_every_form()
    {
        var lines = 0;
        var onePass = 0;
        var inputs = 0;
        foreach (var line in CorpusLines())
        {
            lines++;
            foreach (var input in Variants(line))
            {
                AssertSame(input);
                inputs++;
                onePass += OnePass(input) ? 1 : 0;
            }
        }
        Assert.True(lines > 1000, $"only {lines} corpus lines read");
        // The fast path must really be the one taken on Vietnamese text (else this test would only test the fallback).
        Assert.True(onePass >= inputs * 0.99, $"one pass took {onePass} of {inputs} inputs");
    }

    [Fact]
    public void Equals_the_reference_on_every_vowel_with_up_to_three_marks()
    {
        const string marks = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B\u0308";
        const string vowels = "aăâeêioôơuưy";
        foreach (var baseVowel in vowels + vowels.ToUpperInvariant() + "áẠỚỨẾ")
        {
            foreach (var m1 in marks)
            {
                foreach (var m2 in " " + marks)
                {
                    foreach (var m3 in " \u0301")
                    {
                        var cluster = string.Concat(baseVowel.ToString(), m1.ToString(), m2.ToString(), m3.ToString()).Replace(" ", "", StringComparison.Ordinal);
                        foreach (var word in new[] { $"ho{cluster}", $"b{cluster}o", $"ngh{cluster}m", $"qu{cluster}", $"g{cluster}a", cluster, $"th{cluster}y\u200B" })
                        {
                            AssertSame(word);
                            AssertSame("Người " + word + " nói");
                        }
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("hoà bình", "hòa bình")]
    [InlineData("ho\u0300a", "hòa")]
    [InlineData("HOÀ", "HÒA")]
    [InlineData("\u00D0a\u0300 N\u0103\u0303ng", "Đà Nẵng")]
    [InlineData("đaị học", "đại học")]
    [InlineData("lựơng 🙂 thuỷ", "lượng 🙂 thủy")]
    [InlineData("o\u0301\u031B", "ớ")]
    public void Takes_the_one_pass_on_common_shapes(string input, string expected)
    {
        Assert.True(OnePass(input));
        Assert.Equal(expected, VietnameseNormalizer.Normalize(input));
    }

    [Theory]
    [InlineData("naïve cafe\u0301 n\u0300")]
    [InlineData("ភាសាខ្មែរ")]
    [InlineData("\u1100\u1161")]
    [InlineData("\u0301 leading mark")]
    public void Gives_up_to_the_reference_on_other_shapes_and_still_equals_it(string input)
    {
        Assert.False(OnePass(input));
        AssertSame(input);
    }

    [Fact]
    public void Gives_up_on_a_lone_surrogate()
    {
        // Not an InlineData: the test runner's serialisation would turn the lone surrogate into U+FFFD.
        var input = "a" + '\uD800' + "b";
        Assert.False(OnePass(input));
        AssertSame(input);
        Assert.Equal("a\uFFFDb", VietnameseNormalizer.Normalize(input));
    }

    [Fact]
    public void Returns_normal_text_without_a_copy_and_folds_it()
    {
        var s = "Người dân phản ánh tình trạng ngập úng kéo dài.";
        Assert.Same(s, VietnameseNormalizer.Normalize(s));
        Assert.Same(s, VietnameseNormalizer.NormalizeAndFold(s, out var folded));
        Assert.Equal("nguoi dan phan anh tinh trang ngap ung keo dai.", folded);
        var lower = "ascii only";
        Assert.Same(lower, VietnameseNormalizer.NormalizeAndFold(lower, out var same));
        Assert.Same(lower, same);
        Assert.Equal("", VietnameseNormalizer.NormalizeAndFold("", out var empty));
        Assert.Equal("", empty);
    }

    [Fact]
    public void Equals_the_reference_on_random_hostile_strings()
    {
        var pieces = new List<string>();
        pieces.AddRange("abcdeghiklmnopqrstuvxyzAEIOUYDĐđÐ0123456789 .,;:!?-'\"()".Select(c => c.ToString()));
        for (var v = 0; v < 12; v++)
        {
            for (var t = 0; t < 6; t++)
            {
                pieces.Add(VietnameseLetters.Compose(v, t, upper: false).ToString());
                pieces.Add(VietnameseLetters.Compose(v, t, upper: true).ToString());
            }
        }
        pieces.AddRange([
            "\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031B", "\u0308", "\u0327", "\u0345", "\u20DD",
            "\u200B", "\u200D", "\u00AD", "\uFEFF", "\u202E", "\u00A0", "\u3000", "\u2028", "\u201C", "\u2019", "\u2014", "\t", "\n", "\r", "\0", "\u0007", "\u0085",
            "🙂", "👨‍👩‍👧", "𝔸", "\uD800", "\uDC00", "\uFFFE", "\uFFFF", "\uFDD0", "北京", "ภาษา", "ไทย", "\u0E31", "ភា", "\u17D2", "\u1100", "\u1161", "\u11A8", "가",
            "Å", "\u212B", "ǹ", "ǅ", "ﬁ", "ß", "İ", "\u0344", "\u0F73", "\u0B3E", "\u0B47", "\u09CB", "oa", "uy", "oe", "ươ", "iê", "qu", "gi", "ngh",
        ]);
        var random = new Random(20261206);
        var sb = new StringBuilder();
        for (var n = 0; n < 20_000; n++)
        {
            sb.Clear();
            var length = random.Next(0, 24);
            for (var k = 0; k < length; k++)
            {
                sb.Append(pieces[random.Next(pieces.Count)]);
            }
            AssertSame(sb.ToString());
        }
    }

    [Fact]
    public void Equals_the_reference_on_long_texts_and_mark_floods()
    {
        var line = string.Join(' ', CorpusLines().Take(400));
        AssertSame(line);
        AssertSame(line.Normalize(NormalizationForm.FormD));
        AssertSame("a" + new string('\u0301', 40) + " hoà");
        AssertSame(string.Concat(Enumerable.Repeat("ho\u0300a\u200B", 5000)));
        AssertSame(new string('x', 100_000).ToString(CultureInfo.InvariantCulture));
    }
}
