namespace DuLuan.Tests.Infrastructure;

public static class RepoPaths
{
    /// <summary>The repository root, found by walking up from the test binaries to DuLuan.slnx.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DuLuan.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DuLuan.slnx not found above " + AppContext.BaseDirectory);
    }
}
