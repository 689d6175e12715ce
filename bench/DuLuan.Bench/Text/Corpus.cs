using System.Text;

namespace DuLuan.Bench.Text;

/// <summary>Realistic Vietnamese news text: the sentences of UD Vietnamese-VTB dev (news genre), detokenised lightly.</summary>
internal static class Corpus
{
    /// <summary>The founders' data beside the repository (run from the repository root), else /work/shared.</summary>
    public static string SharedData { get; } = Directory.Exists("../shared/data") ? Path.GetFullPath("../shared/data") : "/work/shared/data";

    public static string SegmentationDir => Path.Combine(SharedData, "segmentation");

    public static List<string> Sentences()
    {
        var sentences = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(SegmentationDir, "vi_vtb-ud-dev.conllu")))
        {
            if (!line.StartsWith("# text", StringComparison.Ordinal))
            {
                continue;
            }

            var text = line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim();
            sentences.Add(text.Replace(" ,", ",", StringComparison.Ordinal).Replace(" .", ".", StringComparison.Ordinal));
        }
        return sentences;
    }

    /// <summary>Articles of about <paramref name="bytes"/> UTF-8 bytes made of consecutive sentences.</summary>
    public static List<string> Articles(List<string> sentences, int bytes, int count, int seed)
    {
        var random = new Random(seed);
        var articles = new List<string>(count);
        var sb = new StringBuilder();
        for (var a = 0; a < count; a++)
        {
            sb.Clear();
            var s = random.Next(sentences.Count);
            while (Encoding.UTF8.GetByteCount(sb.ToString()) < bytes)
            {
                sb.Append(sentences[s++ % sentences.Count]).Append(' ');
            }
            articles.Add(sb.ToString());
        }
        return articles;
    }
}
