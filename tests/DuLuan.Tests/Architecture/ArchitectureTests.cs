using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Architecture;

/// <summary>
/// Features depend on the kernel, and on each other only through the contracts the kernel declares (Infrastructure/:
/// observers, ICaseOpener, IConcernFiling, IOfficialApproval, the portal cache, report sections), which one feature
/// implements and another consumes; the kernel depends on no other feature. Any other edge fails here unless it is on
/// the allowed list below, which may only shrink (it is empty now: keep it so).
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>Everyone may use these; they may use only each other.</summary>
    public static readonly IReadOnlySet<string> Kernel = new HashSet<string>(StringComparer.Ordinal)
    {
        "Account", "Audit", "Members", "Units", "Infrastructure", "Data",
    };

    /// <summary>Edges into a non-kernel feature that exist today. Delete a line when its edge goes; never add one.</summary>
    private static readonly HashSet<string> Allowed = new HashSet<string>(StringComparer.Ordinal);

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
