using DuLuan.Bench.Foundation;

// dotnet run -c Release --project bench/DuLuan.Bench -- <group> [options]
return args switch
{
    ["foundation", ..] => FoundationBenchmarks.Run(args),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: DuLuan.Bench foundation [startup|subtree|bare-health ...]");
    return 2;
}
