using System.Text;
using System.Text.RegularExpressions;
using DuLuan.Analysis.Text;

namespace DuLuan.Bench.Text.Redaction;

/// <summary>A span annotated in the evaluation set: what must go ([[KIND|...]]) or stay ({{KIND|...}}).</summary>
internal readonly record struct GoldSpan(int Start, int End, string Kind, bool Remove);

internal sealed record EvalLine(string Text, List<GoldSpan> Gold, int Number);

/// <summary>Reads tests/DuLuan.Analysis.Tests/data/redaction-eval/{dev,heldout}.txt (README.md there says how they were written).</summary>
internal static partial class RedactionEvalSet
{
    [GeneratedRegex(@"\[\[(?<rk>[A-Z]+)\|(?<rt>[^\]]+)\]\]|\{\{(?<kk>[A-Z]+)\|(?<kt>[^}]+)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    public static string Directory()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "DuLuan.Analysis.Tests", "data", "redaction-eval");
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new DirectoryNotFoundException("tests/DuLuan.Analysis.Tests/data/redaction-eval not found above the current directory");
    }

    public static List<EvalLine> Load(string part)
    {
        var lines = new List<EvalLine>();
        var number = 0;
        foreach (var raw in File.ReadLines(Path.Combine(Directory(), part + ".txt"), Encoding.UTF8))
        {
            number++;
            if (raw.Length == 0 || raw[0] == '#')
            {
                continue;
            }

            var sb = new StringBuilder();
            var gold = new List<GoldSpan>();
            var at = 0;
            foreach (Match m in Markup().Matches(raw))
            {
                sb.Append(raw, at, m.Index - at);
                var remove = m.Groups["rk"].Success;
                var inner = remove ? m.Groups["rt"].Value : m.Groups["kt"].Value;
                gold.Add(new GoldSpan(sb.Length, sb.Length + inner.Length, remove ? m.Groups["rk"].Value : m.Groups["kk"].Value, remove));
                sb.Append(inner);
                at = m.Index + m.Length;
            }
            sb.Append(raw, at, raw.Length - at);
            var text = sb.ToString();
            // The app redacts normalised text; the offsets hold when normalising does not change the length.
            var normal = VietnameseNormalizer.Normalize(text);
            lines.Add(new EvalLine(normal.Length == text.Length ? normal : text, gold, number));
        }
        return lines;
    }
}
