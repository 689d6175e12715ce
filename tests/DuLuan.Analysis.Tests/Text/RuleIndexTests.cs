using System.Globalization;
using System.Text;
using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

/// <summary>The bit-set matcher (<see cref="WatchTopicSet.Match"/>) against the reference evaluation it replaced.</summary>
public class RuleIndexTests
{
    private static readonly string[] Words =
        ["lũ", "lụt", "sạt", "lở", "đất", "miền", "trung", "giá", "xăng", "hòa", "bình", "thủy", "ngập", "mưa", "lớn", "tăng", "5", "2025"];

    [Fact]
    public void Fast_path_equals_the_reference_on_random_rules_and_documents()
    {
        var random = new Random(21);
        var compared = 0;
        var matched = 0;
        var nearMatched = 0;
        for (var round = 0; round < 300; round++)
        {
            var topics = Enumerable.Range(0, 1 + random.Next(60)).Select(i => KeyValuePair.Create($"t{i}", RandomRule(random, 3))).ToList();
            var set = WatchTopicSet.Compile(topics);
            for (var d = 0; d < 30; d++)
            {
                var document = RandomDocument(random);
                var expected = set.MatchReference(document);
                var actual = set.Match(document);
                Assert.True(expected.SequenceEqual(actual), $"round {round}, document \"{document}\": reference [{string.Join(", ", expected)}], fast [{string.Join(", ", actual)}]");
                compared += topics.Count;
                matched += actual.Count;
                nearMatched += actual.Count(m => topics.First(t => t.Key == m.TopicId).Value.Contains("NEAR", StringComparison.Ordinal));
            }
        }
        // The generator must exercise both outcomes, NEAR included, or the comparison proves little.
        Assert.InRange(matched, compared / 20, compared - compared / 20);
        Assert.True(nearMatched > 1000, $"only {nearMatched} NEAR matches");
    }

    [Fact]
    public void Fast_path_equals_the_reference_on_hand_picked_edge_cases()
    {
        string[] rules =
        [
            "NOT lũ", "NOT NOT lũ", "lũ OR NOT lụt", "NOT (lũ AND lụt)", "lũ NEAR/1 lũ", "\"lũ\" NEAR/2 lụt", "lũ lụt NEAR/1 lũ",
            "(lũ OR \"LỤT\") AND NOT (sạt lở OR \"hoà bình\")", "giá NEAR/3 \"xăng\" AND NOT 5", "2025 NEAR/1 5", "mưa lớn mưa lớn",
        ];
        string[] documents =
        [
            "", "lũ", "Lũ lụt, lũ.", "lụt lũ lũ lụt", "lu lut LŨ", "Hoà Bình lũ", "hòa bình lụt", "giá 5 lít xăng", "giá, xăng",
            "mưa lớn mưa lớn mưa lớn", "2025 5 2025", "xăng xăng xăng giá", "LỤT lũ sạt lở",
        ];
        var set = WatchTopicSet.Compile(rules.Select((r, i) => KeyValuePair.Create($"r{i}", r)));
        foreach (var document in documents)
        {
            Assert.Equal(set.MatchReference(document), set.Match(document));
        }
    }

    [Fact]
    public void One_set_matched_from_many_threads_gives_the_reference_results()
    {
        var random = new Random(5);
        var set = WatchTopicSet.Compile(Enumerable.Range(0, 200).Select(i => KeyValuePair.Create($"t{i}", RandomRule(random, 3))));
        var documents = Enumerable.Range(0, 400).Select(_ => RandomDocument(random)).ToArray();
        var expected = documents.Select(set.MatchReference).ToArray();
        var actual = new List<TopicMatch>[documents.Length];
        Parallel.For(0, documents.Length * 4, k => actual[k % documents.Length] = set.Match(documents[k % documents.Length]));
        for (var d = 0; d < documents.Length; d++)
        {
            Assert.Equal(expected[d], actual[d]);
        }
    }

    private static string RandomRule(Random random, int depth)
    {
        if (depth == 0 || random.Next(3) == 0)
        {
            return Term(random);
        }

        return random.Next(7) switch
        {
            0 => $"{RandomRule(random, depth - 1)} AND {RandomRule(random, depth - 1)}",
            1 => $"{RandomRule(random, depth - 1)} OR {RandomRule(random, depth - 1)}",
            2 => $"NOT {Primary(random, depth - 1)}",
            3 => $"{Primary(random, depth - 1)} NOT {Primary(random, depth - 1)}",
            4 => $"({RandomRule(random, depth - 1)})",
            _ => $"{Term(random)} NEAR/{1 + random.Next(4)} {Term(random)}",
        };
    }

    private static string Primary(Random random, int depth) => random.Next(2) == 0 ? Term(random) : $"({RandomRule(random, depth)})";

    /// <summary>One to three words, folded or not, bare (any diacritics) or quoted (exact, any case).</summary>
    private static string Term(Random random)
    {
        var words = Enumerable.Range(0, 1 + random.Next(random.Next(4) == 0 ? 3 : 1)).Select(_ => Vary(random, Words[random.Next(Words.Length)]));
        var phrase = string.Join(' ', words);
        return random.Next(4) == 0 ? $"\"{phrase}\"" : phrase;
    }

    private static string RandomDocument(Random random)
    {
        var sb = new StringBuilder();
        var length = random.Next(40);
        for (var w = 0; w < length; w++)
        {
            sb.Append(Vary(random, Words[random.Next(Words.Length)]));
            sb.Append(random.Next(8) switch
            {
                0 => ", ",
                1 => ". ",
                2 => " - ",
                _ => " ",
            });
        }
        return sb.ToString();
    }

    /// <summary>The word as typed: usually as is, sometimes folded, upper case, capitalised or in the old tone placement.</summary>
    private static string Vary(Random random, string word) => random.Next(10) switch
    {
        0 => VietnameseFold.Fold(word),
        1 => word.ToUpper(CultureInfo.InvariantCulture),
        2 => char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..],
        3 => VietnameseNormalizer.NormalizeReference(word, ToneMarkStyle.Old),
        _ => word,
    };
}
