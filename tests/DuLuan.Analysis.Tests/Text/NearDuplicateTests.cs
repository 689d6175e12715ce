using System.Globalization;
using System.Text.Json;
using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

public class NearDuplicateTests
{
    private static List<(string Id, string Story, string Text)> LoadStories()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "dedup", "stories.jsonl");
        return File.ReadLines(path).Where(l => l.Length > 0).Select(l =>
        {
            using var doc = JsonDocument.Parse(l);
            var r = doc.RootElement;
            return (r.GetProperty("id").GetString()!, r.GetProperty("story").GetString()!, r.GetProperty("text").GetString()!);
        }).ToList();
    }

    private static (double Precision, double Recall) PairScores(List<(string Id, string Story, string Text)> docs, int[] clusters)
    {
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < docs.Count; i++)
        {
            for (var j = i + 1; j < docs.Count; j++)
            {
                var same = string.Equals(docs[i].Story, docs[j].Story, StringComparison.Ordinal);
                var predicted = clusters[i] == clusters[j];
                if (same && predicted)
                {
                    tp++;
                }
                else if (predicted)
                {
                    fp++;
                }
                else if (same)
                {
                    fn++;
                }
            }
        }
        return (tp + fp == 0 ? 1 : (double)tp / (tp + fp), (double)tp / (tp + fn));
    }

    [Fact]
    public void Same_story_pairs_precision_and_recall()
    {
        var docs = LoadStories();
        var output = TestContext.Current.TestOutputHelper;
        foreach (var threshold in new[] { 0.2, 0.3, 0.4, 0.5 })
        {
            var batch = NearDuplicateClustering.Cluster(docs.Select(d => d.Text).ToList(), threshold);
            var (p, r) = PairScores(docs, batch);
            output?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threshold {threshold}: same-story pairs precision {p:P1} recall {r:P1} ({docs.Count} documents)"));
        }
        var index = new NearDuplicateIndex();
        foreach (var d in docs)
        {
            index.Add(d.Text);
        }

        var incremental = Enumerable.Range(0, docs.Count).Select(index.ClusterOf).ToArray();
        var (precision, recall) = PairScores(docs, incremental);
        output?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"incremental index (default threshold {index.Threshold}): precision {precision:P1} recall {recall:P1}"));
        Assert.True(precision >= 0.95);
        Assert.True(recall >= 0.8);
    }

    [Fact]
    public void Identical_and_diacritic_free_copies_share_a_cluster()
    {
        var index = new NearDuplicateIndex();
        var a = index.Add("Mưa lớn kéo dài khiến nhiều tuyến đường tại Đại Lộc bị ngập sâu, hơn một nghìn hộ dân phải sơ tán.");
        var b = index.Add("Mua lon keo dai khien nhieu tuyen duong tai Dai Loc bi ngap sau, hon mot nghin ho dan phai so tan.");
        var c = index.Add("Giá xăng RON 95 tăng 520 đồng mỗi lít từ chiều nay.");
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Hostile_text_does_not_throw()
    {
        var random = new Random(5);
        var index = new NearDuplicateIndex();
        for (var i = 0; i < 2000; i++)
        {
            index.Add(HostileInputTests.RandomText(random, 100));
        }

        index.Add(string.Empty);
        index.Add(new string('\u0301', 1000));
    }
}
