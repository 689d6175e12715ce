using DuLuan.Bench.Text;

// Benchmark groups by first argument, so other groups can be added beside "text".
return args.FirstOrDefault() switch
{
    "text" => TextBenchmarks.Run(args.Skip(1).ToArray()),
    "train-segmenter" => TrainSegmenter.Run(
        args.ElementAtOrDefault(1) ?? "/work/shared/data/segmentation",
        args.ElementAtOrDefault(2) ?? "src/DuLuan.Analysis/Text/Segmentation/vi-segmenter.bin"),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: DuLuan.Bench text [filter] | train-segmenter [conllu-dir] [out.bin]");
    return 2;
}
