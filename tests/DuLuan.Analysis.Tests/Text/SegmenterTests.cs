using System.Globalization;
using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

public class SegmenterTests
{
    private const string DataDir = "/work/shared/data/segmentation";

    [Theory]
    [InlineData("Hiện nay xã có 68 tổ nhân dân .", "Hiện_nay xã có 68 tổ nhân_dân .")]
    [InlineData("Chính phủ chỉ đạo các địa phương", "Chính_phủ chỉ_đạo các địa_phương")]
    public void Joins_multi_syllable_words(string input, string expected) =>
        Assert.Equal(expected, WordSegmenter.Default.SegmentToText(input));

    [Fact]
    public void Reports_f1_on_vtb_train_and_dev()
    {
        if (!File.Exists(Path.Combine(DataDir, "vi_vtb-ud-dev.conllu"))) return;
        var train = ReadForms(Path.Combine(DataDir, "vi_vtb-ud-train.conllu"));
        var dev = ReadForms(Path.Combine(DataDir, "vi_vtb-ud-dev.conllu"));
        var t = SegmentationEvaluator.Evaluate(WordSegmenter.Default, train);
        var d = SegmentationEvaluator.Evaluate(WordSegmenter.Default, dev);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"segmentation F1 train {t.F1:P2} (P {t.Precision:P2} R {t.Recall:P2}); dev {d.F1:P2} (P {d.Precision:P2} R {d.Recall:P2})"));
        Assert.True(t.F1 > 0.97);
        Assert.True(d.F1 > 0.86);
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
                if (current.Count > 0) sentences.Add(current);
                current = [];
            }
            else if (line[0] != '#')
            {
                var cols = line.Split('\t');
                if (!cols[0].Contains('-', StringComparison.Ordinal)) current.Add(cols[1]);
            }
        }
        if (current.Count > 0) sentences.Add(current);
        return sentences;
    }
}
