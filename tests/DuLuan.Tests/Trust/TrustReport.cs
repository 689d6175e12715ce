using System.Globalization;

namespace DuLuan.Tests.Trust;

/// <summary>
/// Figures for scripts/trust.sh: when DULUAN_TRUST_REPORT names a file, each measured goal is appended as
/// "area TAB goal TAB measured TAB met". DULUAN_TRUST_FULL=1 selects the full counts (quick ones otherwise).
/// </summary>
public static class TrustReport
{
    public static bool Full => Environment.GetEnvironmentVariable("DULUAN_TRUST_FULL") == "1";

    public static int Count(int quick, int full) => Full ? full : quick;

    /// <summary>Generated fuzz cases per target: DULUAN_FUZZ_CASES if set (scripts/trust.sh: 10,000), else 200 (10,000 with DULUAN_TRUST_FULL=1).</summary>
    public static int FuzzCases =>
        int.TryParse(Environment.GetEnvironmentVariable("DULUAN_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var cases) && cases > 0 ? cases : Count(200, 10_000);

    private static readonly Lock Gate = new();

    public static void Add(string area, string goal, string measured, bool met)
    {
        var path = Environment.GetEnvironmentVariable("DULUAN_TRUST_REPORT");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        lock (Gate)
        {
            File.AppendAllText(path, string.Join('\t', area, goal, measured, met ? "met" : "NOT met") + "\n");
        }
    }

    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
