namespace DuLuan.Bench.Foundation;

/// <summary>
/// `DuLuan.Bench foundation [startup [--duluan PATH]|subtree] [--runs N]`: start-up of `duluan serve` against a bare
/// ASP.NET Core app, and the subtree count through EF against hand-written SQL. Program.cs passes
/// the arguments after (or including) "foundation"; `bare-health --urls URL` is the baseline app the
/// start-up benchmark launches from this same executable.
/// </summary>
public static class FoundationBenchmarks
{
    public static int Run(string[] args)
    {
        if (args.Length > 0 && string.Equals(args[0], "foundation", StringComparison.Ordinal))
        {
            args = args[1..];
        }

        var verb = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
        switch (verb)
        {
            case "bare-health":
                return BareHealthApp.Run(Option(args, "--urls") ?? "http://127.0.0.1:5099");
            case "startup":
                return StartupBenchmark.Run(RunsOption(args, 5), Option(args, "--duluan"));
            case "subtree":
                return SubtreeQueryBenchmark.Run(RunsOption(args, 300));
            case "all":
                var startup = StartupBenchmark.Run(RunsOption(args, 5));
                Console.WriteLine();
                return startup | SubtreeQueryBenchmark.Run(300);
            default:
                Console.Error.WriteLine($"Unknown foundation benchmark \"{verb}\": use startup, subtree or nothing for both.");
                return 2;
        }
    }

    internal static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int RunsOption(string[] args, int fallback)
        => int.TryParse(Option(args, "--runs"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var runs) && runs > 0 ? runs : fallback;

    /// <summary>The folder holding DuLuan.slnx, found upwards from the executable.</summary>
    internal static string RepositoryRoot()
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
