using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Architecture;

/// <summary>The feature graph as Graphviz DOT; scripts/feature-graph.sh runs this with DULUAN_FEATURE_GRAPH_OUT set.</summary>
public sealed class FeatureGraphTests
{
    public const string OutputVariable = "DULUAN_FEATURE_GRAPH_OUT";

    [Fact]
    public void The_DOT_graph_draws_every_edge_once_and_each_mutual_pair_in_red()
    {
        var graph = FeatureGraph.ReadFeatures(Path.Combine(RepoPaths.Root, "src", "DuLuan", "Features"));

        var dot = graph.ToDot(ArchitectureTests.Kernel);

        var lines = dot.Split('\n');
        Assert.All(graph.AllEdges, e => Assert.Single(lines, l => l.StartsWith($"  \"{e.From}\" -> \"{e.To}\"", StringComparison.Ordinal)));
        Assert.Equal(graph.EdgeCount, lines.Count(l => l.Contains(" -> ", StringComparison.Ordinal)));
        Assert.Equal(graph.MutualPairs.Count * 2, lines.Count(l => l.Contains("color=red", StringComparison.Ordinal)));
        var folder = Environment.GetEnvironmentVariable(OutputVariable);
        if (!string.IsNullOrWhiteSpace(folder))
        {
            File.WriteAllText(Path.Combine(folder, "feature-graph.dot"), dot);
            File.WriteAllText(Path.Combine(folder, "feature-graph.txt"), Summary(graph));
        }
    }

    private static string Summary(FeatureGraph graph)
    {
        var mutual = graph.MutualPairs.Select(p => $"{p.A} <-> {p.B}").ToList();
        var kernelOut = graph.AllEdges.Where(e => ArchitectureTests.Kernel.Contains(e.From) && !ArchitectureTests.Kernel.Contains(e.To)).Select(e => $"{e.From} -> {e.To}").ToList();
        return $"""
            {graph.Nodes.Count} features, {graph.EdgeCount} edges
            {mutual.Count} mutual pairs: {string.Join(", ", mutual)}
            {kernelOut.Count} kernel edges to other features: {string.Join(", ", kernelOut)}

            """;
    }
}
