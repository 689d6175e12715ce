using System.Globalization;
using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

public class SegmenterTests
{
    private static readonly string Excerpt = Path.Combine(AppContext.BaseDirectory, "data", "segmentation", "vtb-dev-excerpt.conllu");

    [Theory]
    [InlineData("Hiện nay xã có 68 tổ nhân dân .", "Hiện_nay xã có 68 tổ nhân_dân .")]
    [InlineData("Chính phủ chỉ đạo các địa phương", "Chính_phủ chỉ_đạo các địa_phương")]
    public void Joins_multi_syllable_words(string input, string expected) =>
        Assert.Equal(expected, WordSegmenter.Default.SegmentToText(input));

    /// <summary>
    /// A gold excerpt of UD VTB dev ships with the tests; the full train/dev F1 is measured by
    /// `DuLuan.Bench text segment-eval` on ../shared (88.4 % dev, 99.4 % train, see docs/text-core.md).
    /// </summary>
    [Fact]
    public void Scores_on_a_gold_excerpt_of_vtb_dev()
    {
        var gold = ReadForms(Excerpt);
        Assert.Equal(40, gold.Count);
        var d = SegmentationEvaluator.Evaluate(WordSegmenter.Default, gold);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"segmentation F1 on the 40-sentence dev excerpt {d.F1:P2} (P {d.Precision:P2} R {d.Recall:P2})"));
        Assert.True(d.F1 > 0.84, $"F1 {d.F1:P2}");
    }

    [Fact]
    public void Trainer_round_trips_through_a_stream()
    {
        IReadOnlyList<string>[] sentences = [["Hiện nay", "xã", "có", "tổ", "nhân dân"], ["nhân dân", "đồng tình"]];
        var model = WordSegmenterTrainer.Train(sentences, epochs: 3);
        using var stream = new MemoryStream();
        WordSegmenterTrainer.Save(model, sentences, stream);
        stream.Position = 0;
        var loaded = WordSegmenterTrainer.Load(stream);
        Assert.Equal(model.SegmentToText("Hiện nay nhân dân"), loaded.SegmentToText("Hiện nay nhân dân"));
    }

    internal static List<IReadOnlyList<string>> ReadForms(string path)
    {
        var sentences = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                if (current.Count > 0)
                {
                    sentences.Add(current);
                }

                current = [];
            }
            else if (line[0] != '#')
            {
                var cols = line.Split('\t');
                if (!cols[0].Contains('-', StringComparison.Ordinal))
                {
                    current.Add(cols[1]);
                }
            }
        }
        if (current.Count > 0)
        {
            sentences.Add(current);
        }

        return sentences;
    }
}
