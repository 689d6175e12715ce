using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

/// <summary>
/// The span model's eighth pass (#18 item 3): the whole line decoded at once (Viterbi over the labels of the two words
/// before each word, as the features see them), and the features of kinship words, verbs and joiners before a name, the
/// word after it, a given name opening a sentence, minority family names and everyday capitalised pairs.
/// </summary>
public partial class SpanTaggerTests
{
    [Theory]
    [InlineData("Tôi đã nhờ Hiền nộp giúp đơn", "Tôi đã nhờ [họ tên] nộp giúp đơn")]
    [InlineData("Em gọi cho Phượng mấy lần mà không được", "Em gọi cho [họ tên] mấy lần mà không được")]
    [InlineData("Tôi có báo với Sang nhưng không ai xuống", "Tôi có báo với [họ tên] nhưng không ai xuống")]
    [InlineData("Hằng bên tổ 4 nói đã báo phường", "[họ tên] bên tổ 4 nói đã báo phường")]
    [InlineData("thằng tí nhà bên ném đá", "thằng [họ tên] nhà bên ném đá")]
    public void The_model_finds_names_after_verbs_and_kinship_words_at_a_sentences_start_and_of_minorities(string text, string expected)
    {
        Assert.Empty(RulesOnly(text));
        Assert.Equal(expected, Redact(text));
    }

    [Fact]
    public void Names_in_a_list_joined_by_commas_and_và_are_all_removed()
    {
        var text = "Hôm qua Lan, Hoa và Tùng đi họp tổ";
        Assert.Empty(RulesOnly(text));
        var redacted = Redact(text);
        Assert.DoesNotContain("Lan", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("Hoa", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("Tùng", redacted, StringComparison.Ordinal);
        Assert.StartsWith("Hôm qua [họ tên]", redacted, StringComparison.Ordinal);
        Assert.EndsWith("[họ tên] đi họp tổ", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bình thường thì không ngập")]
    [InlineData("Phúc đáp đơn của công dân về việc cấp sổ đỏ.")]
    [InlineData("An toàn giao thông ở cổng trường chưa được bảo đảm.")]
    [InlineData("Hòa Vang mưa lớn, nhiều thôn bị ngập.")]
    public void Everyday_capitalised_words_that_begin_like_names_stay(string text)
        => Assert.Empty(PersonalDataRedactor.Find(VietnameseNormalizer.Normalize(text)));

    /// <summary>The decoder finds the best-scoring labels of the whole line: the same as trying every allowed sequence.</summary>
    [Theory]
    [InlineData("Lan, Hoa và Tùng đi")]
    [InlineData("nhà anh Tuấn ở ngõ 3")]
    [InlineData("Chị Mai báo với Hùng")]
    public void Viterbi_decoding_gives_the_best_sequence_of_the_whole_line(string text)
    {
        var random = new Random(7);
        var weights = new float[SpanFeatures.Size * SpanTagger.Labels];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(random.NextDouble() - 0.5);
        }
        var model = new SpanTagger(weights, nameBias: 0.25f);
        var (view, marks) = PersonalDataRedactor.RuleMarks(VietnameseNormalizer.Normalize(text));
        var info = SpanFeatures.Describe(view);
        var n = info.Length;
        var decoded = new int[n];
        model.Decode(view, info, marks, model.NameBias, decoded);

        var best = float.NegativeInfinity;
        int[]? bestLabels = null;
        var labels = new int[n];
        var total = (int)Math.Pow(SpanTagger.Labels, n);
        for (var code = 0; code < total; code++)
        {
            var c = code;
            for (var i = n - 1; i >= 0; i--)
            {
                labels[i] = c % SpanTagger.Labels;
                c /= SpanTagger.Labels;
            }
            if (!Enumerable.Range(0, n).All(i => SpanTagger.Allowed(i > 0 ? labels[i - 1] : SpanTagger.Outside, labels[i])))
            {
                continue;
            }
            var score = ScoreOf(model, view, info, marks, labels);
            if (score > best + 1e-4f)
            {
                best = score;
                bestLabels = (int[])labels.Clone();
            }
        }
        Assert.Equal(bestLabels, decoded);
        Assert.Equal(best, ScoreOf(model, view, info, marks, decoded), 3);
    }

    private static float ScoreOf(SpanTagger model, RedactionText view, SpanFeatures.WordInfo[] info, byte[] marks, int[] labels)
    {
        var features = new int[SpanFeatures.PerWord];
        var score = 0f;
        for (var i = 0; i < labels.Length; i++)
        {
            var l = labels[i];
            var p1 = i > 0 ? labels[i - 1] : SpanTagger.Outside;
            var p2 = i > 1 ? labels[i - 2] : SpanTagger.Outside;
            var count = SpanFeatures.Extract(view, info, marks, i, features);
            var all = features.Take(count).ToList();
            count = SpanFeatures.ExtractAfter(info, marks, i, p1, features);
            all.AddRange(features.Take(count));
            all.Add(SpanFeatures.Pair(p1, p2));
            if (info[i].Join != 0)
            {
                all.Add(SpanFeatures.JoinedPair(p1, p2, info[i].Join));
            }
            score += all.Sum(f => model.Weights[(f * SpanTagger.Labels) + l]) + (l == SpanTagger.NameFirst ? model.NameBias : 0f);
        }
        return score;
    }
}
