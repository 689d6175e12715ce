using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DuLuan.Tests.Architecture;

/// <summary>
/// Which feature uses which, read from the source of src/DuLuan/Features: a file under Features/Y that names
/// DuLuan.Features.X (a using line or a fully qualified name), Features.X. (qualified from DuLuan), or X.Type with a
/// type or sub-namespace of X (resolved without a using because the file sits inside DuLuan.Features, as every page
/// model and view does) makes an edge Y → X. Comments count too: a cref is a dependency a reader follows.
/// </summary>
public sealed partial class FeatureGraph
{
    private FeatureGraph(IReadOnlyList<string> nodes, SortedDictionary<string, SortedSet<string>> edges)
    {
        Nodes = nodes;
        Edges = edges;
    }

    public IReadOnlyList<string> Nodes { get; }

    /// <summary>From → the nodes it uses, both sorted.</summary>
    public SortedDictionary<string, SortedSet<string>> Edges { get; }

    public IEnumerable<(string From, string To)> AllEdges => Edges.SelectMany(e => e.Value.Select(to => (e.Key, to)));

    public int EdgeCount => Edges.Values.Sum(v => v.Count);

    /// <summary>Pairs that use each other, each once, the smaller name first.</summary>
    public IReadOnlyList<(string A, string B)> MutualPairs => AllEdges
        .Where(e => string.CompareOrdinal(e.From, e.To) < 0 && Uses(e.To, e.From))
        .ToList();

    public bool Uses(string from, string to) => Edges.TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>Every folder directly under <paramref name="featuresFolder"/> is a feature.</summary>
    public static FeatureGraph ReadFeatures(string featuresFolder)
        => Read(Directory.GetDirectories(featuresFolder).Select(d => (Path.GetFileName(d), d)).ToList(), featuresFolder, _ => false);

    /// <summary>
    /// The edges of <paramref name="nodes"/> (name, folder) to the features under <paramref name="featuresFolder"/>;
    /// files for which <paramref name="skip"/> is true are not read.
    /// </summary>
    public static FeatureGraph Read(IReadOnlyList<(string Name, string Folder)> nodes, string featuresFolder, Func<string, bool> skip)
    {
        var features = Directory.GetDirectories(featuresFolder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var files = nodes.ToDictionary(n => n.Name, n => SourceFiles(n.Folder).Where(f => !skip(f)).Select(f => (Path: f, Text: File.ReadAllText(f))).ToList());
        var featureFiles = features.SelectMany(f => SourceFiles(Path.Combine(featuresFolder, f)).Select(File.ReadAllText));
        var members = TypesAndSubNamespaces(featureFiles);
        var edges = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (node, sources) in files)
        {
            foreach (var feature in features.Where(f => f != node))
            {
                if (sources.Any(s => Names(s.Path, s.Text, feature, members.GetValueOrDefault(feature) ?? new HashSet<string>())))
                {
                    edges.TryAdd(node, new SortedSet<string>(StringComparer.Ordinal));
                    edges[node].Add(feature);
                }
            }
        }

        return new FeatureGraph(nodes.Select(n => n.Name).Order(StringComparer.Ordinal).ToList(), edges);
    }

    /// <summary>The graph in Graphviz DOT; mutual edges are drawn red, edges out of <paramref name="kernel"/> orange.</summary>
    public string ToDot(IReadOnlySet<string> kernel)
    {
        var dot = new StringBuilder("digraph features {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n");
        foreach (var node in Nodes)
        {
            dot.Append(CultureInfo.InvariantCulture, $"  \"{node}\"{(kernel.Contains(node) ? " [style=filled, fillcolor=\"#dde8f5\"]" : "")};\n");
        }

        foreach (var (from, to) in AllEdges)
        {
            var colour = Uses(to, from) ? " [color=red]" : kernel.Contains(from) && !kernel.Contains(to) ? " [color=orange]" : "";
            dot.Append(CultureInfo.InvariantCulture, $"  \"{from}\" -> \"{to}\"{colour};\n");
        }

        return dot.Append("}\n").ToString();
    }

    private static IEnumerable<string> SourceFiles(string folder) => Directory
        .EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
        .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal);

    private static bool Names(string path, string text, string feature, IReadOnlySet<string> members)
    {
        if (Regex.IsMatch(text, $@"\bDuLuan\.Features\.{feature}\b|\bFeatures\.{feature}\."))
        {
            return true;
        }

        // X.Member resolves to DuLuan.Features.X.Member only inside DuLuan.Features (views import it in _ViewImports).
        var insideFeatures = path.EndsWith(".cshtml", StringComparison.Ordinal) || InsideFeatures().IsMatch(text);
        return insideFeatures && Regex.Matches(text, $@"(?<![\w.]){feature}\.(\w+)").Any(m => members.Contains(m.Groups[1].Value));
    }

    /// <summary>Per feature: the names of the types declared in its namespace and of its sub-namespaces' first parts.</summary>
    private static Dictionary<string, IReadOnlySet<string>> TypesAndSubNamespaces(IEnumerable<string> texts)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var ns = FileNamespace().Match(text);
            if (!ns.Success)
            {
                continue;
            }

            var set = result.TryGetValue(ns.Groups["feature"].Value, out var existing) ? existing : result[ns.Groups["feature"].Value] = [];
            if (ns.Groups["sub"].Success)
            {
                set.Add(ns.Groups["sub"].Value);
                continue;
            }

            foreach (Match type in TypeDeclaration().Matches(text))
            {
                set.Add(type.Groups[1].Value);
            }
        }

        return result.ToDictionary(r => r.Key, r => (IReadOnlySet<string>)r.Value, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^namespace DuLuan\.Features\.(?<feature>\w+)(\.(?<sub>\w+))?", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"^namespace DuLuan\.Features\b|^using DuLuan\.Features;", RegexOptions.Multiline)]
    private static partial Regex InsideFeatures();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(\w+)")]
    private static partial Regex TypeDeclaration();
}
