using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DuLuan.Bench.Text;

namespace DuLuan.Bench.Monitoring;

/// <summary>
/// A realistic archive for search: articles assembled from real Vietnamese news sentences (UD Vietnamese-VTB train and
/// dev, news genre, CC BY-SA 4.0, read from the shared data folder at run time and never copied into the repository),
/// varied so that a million articles are not a few thousand texts repeated. Article <c>i</c> is always the same text
/// (seeded by <c>i</c>), so SQLite and PostgreSQL hold the same archive:
/// <list type="bullet">
/// <item>text: 3 to 8 consecutive sentences from a random starting sentence;</item>
/// <item>a dateline "Tại {ward}, {province}, ngày d/m/yyyy." at a random place among them, the ward drawn from the 3,321
/// wards and communes of the official list (MIT), so place names have their real long tail;</item>
/// <item>every number replaced by a random one with the same count of digits;</item>
/// <item>title: the first 14 words at most of another random sentence.</item>
/// </list>
/// Word frequencies are therefore those of real news prose (Zipfian: "người" in about two articles of three, "sạt lở" in
/// under 2 %), not those of a 100-word vocabulary in which every word is in half the archive.
/// </summary>
internal sealed partial class NewsCorpus
{
    private readonly List<string> sentences;
    private readonly List<(string Ward, string Province)> places;

    private NewsCorpus(List<string> sentences, List<(string Ward, string Province)> places)
    {
        this.sentences = sentences;
        this.places = places;
    }

    public int SentenceCount => sentences.Count;

    public static NewsCorpus Load()
    {
        var sentences = new List<string>();
        foreach (var file in new[] { "vi_vtb-ud-train.conllu", "vi_vtb-ud-dev.conllu" })
        {
            foreach (var line in File.ReadLines(Path.Combine(Corpus.SegmentationDir, file)))
            {
                if (line.StartsWith("# text", StringComparison.Ordinal))
                {
                    sentences.Add(Detokenise(line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim()));
                }
            }
        }
        var places = new List<(string, string)>();
        using var units = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Corpus.SharedData, "units", "vn-units-2025-07-01.json")));
        foreach (var province in units.RootElement.EnumerateArray())
        {
            var provinceName = province.GetProperty("FullName").GetString()!;
            foreach (var ward in province.GetProperty("Wards").EnumerateArray())
            {
                places.Add((ward.GetProperty("FullName").GetString()!, provinceName));
            }
        }
        return new NewsCorpus(sentences, places);
    }

    public (string Title, string Text) Article(int i)
    {
        var random = new Random(unchecked((i * 7919) + 17));
        var start = random.Next(sentences.Count);
        var count = random.Next(3, 9);
        var body = new List<string>(count + 1);
        for (var k = 0; k < count; k++)
        {
            body.Add(sentences[(start + k) % sentences.Count]);
        }
        var (ward, province) = places[random.Next(places.Count)];
        var dateline = string.Create(CultureInfo.InvariantCulture, $"Tại {ward}, {province}, ngày {random.Next(1, 29)}/{random.Next(1, 13)}/{(random.Next(2) == 0 ? 2025 : 2026)}.");
        body.Insert(random.Next(count + 1), dateline);
        var text = Number().Replace(string.Join(' ', body), m => RandomDigits(random, m.Length));
        var title = string.Join(' ', sentences[random.Next(sentences.Count)].Split(' ').Take(14));
        return (title, text);
    }

    private static string RandomDigits(Random random, int length)
    {
        var sb = new StringBuilder(length);
        sb.Append((char)('1' + random.Next(9)));
        for (var d = 1; d < length; d++)
        {
            sb.Append((char)('0' + random.Next(10)));
        }
        return sb.ToString();
    }

    private static string Detokenise(string text)
    {
        foreach (var (from, to) in new[] { (" ,", ","), (" .", "."), (" :", ":"), (" !", "!"), (" ?", "?"), (" ;", ";"), ("( ", "("), (" )", ")") })
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }
        return text;
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Number();
}
