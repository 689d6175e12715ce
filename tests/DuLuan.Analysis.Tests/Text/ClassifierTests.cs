using System.Globalization;
using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

public class ClassifierTests
{
    private static readonly (string, string)[] Tiny =
    [
        ("giảng viên dạy rất nhiệt tình", "lecturer"), ("thầy giảng bài dễ hiểu", "lecturer"), ("cô giáo nhiệt tình", "lecturer"),
        ("phòng học nóng không có máy lạnh", "facility"), ("máy chiếu hư hoài", "facility"), ("wifi yếu phòng học chật", "facility"),
        ("chương trình học nặng", "curriculum"), ("môn học nhiều tín chỉ", "curriculum"), ("giáo trình cũ chương trình lạc hậu", "curriculum"),
    ];

    [Fact]
    public void Trains_predicts_and_round_trips()
    {
        var model = TextClassifier.Train(Tiny);
        var prediction = model.Predict("phòng học không có máy lạnh");
        Assert.Equal("facility", prediction.Label);
        Assert.Equal(1f, prediction.Probabilities.Values.Sum(), 3);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = TextClassifier.Load(stream);
        Assert.Equal(prediction.Probabilities["facility"], loaded.Predict("phòng học không có máy lạnh").Probabilities["facility"], 5);
    }

    [Fact]
    public void The_nb_weighted_model_trains_predicts_and_round_trips()
    {
        var model = TextClassifier.Train(Tiny, new ClassifierOptions { Kind = ClassifierKind.NaiveBayesWeightedLogistic });
        var prediction = model.Predict("phòng học không có máy lạnh");
        Assert.Equal("facility", prediction.Label);
        Assert.Equal("lecturer", model.Predict("thầy giảng bài nhiệt tình").Label);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = TextClassifier.Load(stream);
        Assert.Equal(ClassifierKind.NaiveBayesWeightedLogistic, loaded.Options.Kind);
        Assert.Equal(prediction.Probabilities["facility"], loaded.Predict("phòng học không có máy lạnh").Probabilities["facility"], 5);
    }

    [Fact]
    public void Rejects_a_model_of_another_version()
    {
        using var stream = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new BinaryWriter(gzip))
        {
            w.Write("DULUAN-TEXT-CLASSIFIER");
            w.Write(99);
        }
        stream.Position = 0;
        var e = Assert.Throws<ModelFormatException>(() => TextClassifier.Load(stream));
        Assert.Contains("99", e.Message, StringComparison.Ordinal);
        Assert.Throws<ModelFormatException>(() => TextClassifier.Load(new MemoryStream([1, 2, 3])));
    }

    internal static List<(string, string)> Load(string split)
    {
        var sents = File.ReadAllLines(Path.Combine(split, "sents.txt"));
        var topics = File.ReadAllLines(Path.Combine(split, "topics.txt"));
        string[] names = ["lecturer", "curriculum", "facility", "others"];
        return sents.Zip(topics).Select(p => (p.First, names[int.Parse(p.Second.Trim(), CultureInfo.InvariantCulture)])).ToList();
    }
}
