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
    /// `DuLuan.Bench text segment-eval` on ../shared (95.0 % dev with Viet74K features, see docs/benchmarks-text.md).
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

    [Theory]
    [InlineData("Ông Nguyễn Văn Minh đến Hà Nội ngày 12/3 cùng 1.500 người dân", "Ông Nguyễn_Văn_Minh đến Hà_Nội ngày 12/3 cùng 1.500 người dân")]
    [InlineData("Bà Trần Thị Bích Ngọc , 45 tuổi , ở phường Hòa Khánh", "Bà Trần_Thị_Bích_Ngọc , 45 tuổi , ở phường Hòa_Khánh")]
    [InlineData("Mưa lớn gây ngập lụt nghiêm trọng tại 3 xã", "Mưa lớn gây ngập_lụt nghiêm_trọng tại 3 xã")]
    public void Keeps_names_and_numbers_right_with_the_dictionary(string input, string expected) =>
        Assert.Equal(expected, WordSegmenter.Default.SegmentToText(input));

    [Fact]
    public void The_embedded_model_carries_the_dictionary_in_both_tone_placements()
    {
        var model = WordSegmenter.Default;
        Assert.True(model.DictionaryWords.Count > 60_000, $"{model.DictionaryWords.Count} dictionary words");
        Assert.Equal("hòa_bình", model.SegmentToText("hòa bình"));
        Assert.Equal("hoà_bình", model.SegmentToText("hoà bình"));
    }

    [Fact]
    public void A_dictionary_joins_words_the_training_sentences_never_saw_and_survives_a_round_trip()
    {
        // Each dictionary word occurs in one training sentence only, so the jackknifed training lexicon never holds it
        // and the weights must learn to trust the dictionary.
        string[] first = ["bàn", "cây", "đèn", "hoa", "lá", "mây", "nước", "sông"];
        string[] second = ["xanh", "đỏ", "vàng", "tím", "trắng"];
        var words = first.SelectMany(a => second.Select(b => $"{a} {b}")).ToList();
        IReadOnlyList<string>[] sentences = [.. words.Select(w => (IReadOnlyList<string>)["xã", w, "có", "bão", "to"])];
        string[] dictionary = [.. words, "ngập lụt", "Hòa Bình", "a-dong", "một hai ba bốn năm"];
        var model = WordSegmenterTrainer.Train(sentences, epochs: 5, dictionary: dictionary);
        Assert.Equal(42, model.DictionaryWords.Count);
        Assert.Equal("xã có ngập_lụt", model.SegmentToText("xã có ngập lụt"));
        using var stream = new MemoryStream();
        WordSegmenterTrainer.Save(model, sentences, stream);
        stream.Position = 0;
        var loaded = WordSegmenterTrainer.Load(stream);
        Assert.Equal(model.DictionaryWords, loaded.DictionaryWords);
        Assert.Equal(model.SegmentToText("xã có ngập lụt với nhân dân"), loaded.SegmentToText("xã có ngập lụt với nhân dân"));
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

    [Fact]
    public void A_model_that_references_its_dictionary_loads_only_with_the_same_list()
    {
        IReadOnlyList<string>[] sentences = [["xã", "có", "bão", "to"], ["mưa", "lớn", "ở", "xã"]];
        string[] dictionary = ["ngập lụt", "mưa bão", "nhân dân"];
        var model = WordSegmenterTrainer.Train(sentences, epochs: 3, dictionary: dictionary);
        using var stream = new MemoryStream();
        WordSegmenterTrainer.Save(model, sentences, stream, dictionaryByReference: true);
        var bytes = stream.ToArray();

        var loaded = SegmenterModelFormat.Read(new MemoryStream(bytes), () => DictionaryMatches.ModelEntries(Enumerable.Reverse(dictionary)));
        Assert.Equal(model.DictionaryWords, loaded.DictionaryWords);
        Assert.Equal(model.SegmentToText("xã có ngập lụt"), loaded.SegmentToText("xã có ngập lụt"));
        Assert.Throws<InvalidDataException>(() => SegmenterModelFormat.Read(new MemoryStream(bytes)));
        var other = Assert.Throws<InvalidDataException>(() => SegmenterModelFormat.Read(new MemoryStream(bytes), () => DictionaryMatches.ModelEntries(["ngập lụt", "mưa bão", "nhân viên"])));
        Assert.Contains("not the one the model was trained with", other.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => SegmenterModelFormat.Read(new MemoryStream(bytes), () => DictionaryMatches.ModelEntries(["ngập lụt", "mưa bão"])));
    }

    [Fact]
    public void The_shipped_model_holds_no_copy_of_the_word_list_and_reads_it_from_the_build()
    {
        // The repository's model keeps a reference (count and fingerprint); the words come from npm at build time.
        using var stream = typeof(WordSegmenter).Assembly.GetManifestResourceStream("DuLuan.Analysis.Text.Segmentation.vi-segmenter.bin")!;
        Assert.Throws<InvalidDataException>(() => SegmenterModelFormat.Read(stream));
        var entries = Viet74K.ModelEntries();
        Assert.Equal(WordSegmenter.Default.DictionaryWords.Count, entries.Count);
        Assert.Contains("ngập lụt", entries);
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
