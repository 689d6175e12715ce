using System.Diagnostics;
using System.Globalization;

namespace DuLuan.Bench.Text;

/// <summary>Stopwatch harness: warm-up, several timed repetitions (best kept), bytes allocated on this thread per op.</summary>
internal static class Harness
{
    public readonly record struct Result(double Seconds, double AllocatedPerOp);

    public static Result Measure(int operations, Action body, int repetitions = 5)
    {
        body();
        var best = double.MaxValue;
        long allocated = 0;
        for (var r = 0; r < repetitions; r++)
        {
            GC.Collect();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            body();
            sw.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return new Result(best, (double)allocated / operations);
    }

    public static string F(double value, string format = "N1") => value.ToString(format, CultureInfo.InvariantCulture);

    public static void Table(string title, string command, string[] header, IEnumerable<string[]> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"## {title}");
        Console.WriteLine();
        Console.WriteLine($"`{command}` (load average {DuLuan.Bench.Trust.LoadDrill.LoadAverage()} at the end)");
        Console.WriteLine();
        Console.WriteLine("| " + string.Join(" | ", header) + " |");
        Console.WriteLine("|" + string.Concat(header.Select(_ => " --- |")));
        foreach (var row in rows)
        {
            Console.WriteLine("| " + string.Join(" | ", row) + " |");
        }
    }
}
