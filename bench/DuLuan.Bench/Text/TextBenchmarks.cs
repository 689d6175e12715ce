namespace DuLuan.Bench.Text;

internal static class TextBenchmarks
{
    public static int Run(string[] args)
    {
        Console.WriteLine("text benchmarks: todo " + args.Length);
        return 0;
    }
}
