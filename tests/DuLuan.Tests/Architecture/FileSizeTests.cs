using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Architecture;

/// <summary>Small files with one purpose (#17): no C# file of the product, its tests or its benchmarks over 400 lines.</summary>
public sealed class FileSizeTests
{
    private const int MaxLines = 400;

    [Fact]
    public void No_source_file_is_over_400_lines()
    {
        string[] folders = ["src", "tests", "bench"];
        var over = folders
            .SelectMany(f => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, f), "*.cs", SearchOption.AllDirectories))
            .Where(f => !IsBuildOutput(f))
            .Select(f => (Path: Path.GetRelativePath(RepoPaths.Root, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.Path} ({f.Lines} lines)")
            .ToList();
        Assert.True(over.Count == 0, $"Split these files into parts of at most {MaxLines} lines: " + string.Join(", ", over));
    }

    private static bool IsBuildOutput(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj") || parts.Contains("node_modules");
    }
}
