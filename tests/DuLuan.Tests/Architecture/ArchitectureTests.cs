using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Architecture;

/// <summary>
/// Features depend on the kernel, and on each other only through observer interfaces the using feature declares
/// (Concerns/IConcernObserver, Monitoring/IStoryObserver: see docs/claims.md); the kernel depends on no other feature.
/// Any other edge fails here unless it is on the allowed list below, which may only shrink.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>Everyone may use these; they may use only each other.</summary>
    public static readonly IReadOnlySet<string> Kernel = new HashSet<string>(StringComparer.Ordinal)
    {
        "Account", "Audit", "Members", "Units", "Infrastructure", "Data",
    };

    /// <summary>Edges into a non-kernel feature that exist today. Delete a line when its edge goes.</summary>
    private static readonly HashSet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
    {
        // Observers the using feature implements (Concerns/IConcernObserver, Monitoring/IStoryObserver,
        // Publish/Portal/IPortalContent) and Claims' use of Publish's approval tiers and portal cache eviction.
        "Claims -> Concerns", "Claims -> Monitoring", "Claims -> Publish",
        // Filing a concern from an opinion report (one way).
        "Opinions -> Concerns",
    };

    [Fact]
    public void Features_use_each_other_only_through_the_kernel_or_an_allowed_edge()
    {
        var forbidden = Graph().AllEdges
            .Where(e => !Kernel.Contains(e.To))
            .Select(e => $"{e.From} -> {e.To}")
            .Where(e => !Allowed.Contains(e))
            .ToList();

        Assert.True(forbidden.Count == 0, "Feature edges outside the kernel and the allowed list (use an observer interface instead): " + string.Join(", ", forbidden));
    }

    [Fact]
    public void Every_allowed_edge_still_exists_so_the_list_only_shrinks()
    {
        var edges = Graph().AllEdges.Select(e => $"{e.From} -> {e.To}").ToHashSet(StringComparer.Ordinal);

        var gone = Allowed.Where(a => !edges.Contains(a)).Order(StringComparer.Ordinal).ToList();

        Assert.True(gone.Count == 0, "These edges are gone: delete them from ArchitectureTests.Allowed: " + string.Join(", ", gone));
    }

    /// <summary>
    /// The features, plus the kernel's Infrastructure and Data folders. The composition root (WebHost, Pipeline) wires
    /// every feature by design and is left out.
    /// </summary>
    public static FeatureGraph Graph()
    {
        var source = Path.Combine(RepoPaths.Root, "src", "DuLuan");
        var features = Path.Combine(source, "Features");
        var nodes = Directory.GetDirectories(features).Select(d => (Path.GetFileName(d), d))
            .Append(("Infrastructure", Path.Combine(source, "Infrastructure")))
            .Append(("Data", Path.Combine(source, "Data")))
            .ToList();
        string[] compositionRoot = [Path.Combine(source, "Infrastructure", "WebHost.cs"), Path.Combine(source, "Infrastructure", "Pipeline.cs")];
        return FeatureGraph.Read(nodes, features, compositionRoot.Contains);
    }
}
