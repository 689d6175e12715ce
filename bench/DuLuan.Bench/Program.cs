using DuLuan.Bench.Claims;
using DuLuan.Bench.Foundation;
using DuLuan.Bench.Monitoring;
using DuLuan.Bench.Publish;
using DuLuan.Bench.Respond;
using DuLuan.Bench.Surveys;
using DuLuan.Bench.Text;

// dotnet run -c Release --project bench/DuLuan.Bench -- <group> [options]
return args.FirstOrDefault() switch
{
    "claims" => ClaimMatchBenchmark.Run(args),
    "foundation" => FoundationBenchmarks.Run(args),
    "monitoring" => await IngestBenchmark.Run(args),
    "respond" => RespondBenchmarks.Run(args),
    "surveys" when args.ElementAtOrDefault(1) == "results" => ResultsBenchmark.Run(args),
    "surveys" when args.ElementAtOrDefault(1) == "demo-page" => await DemoResultsBench.Run(args),
    "publish" => await PublishBenchmarks.Run(args),
    "pages" => await DuLuan.Bench.Pages.PageBench.Run(args),
    "dashboard" => await DuLuan.Bench.Reports.DashboardBench.Run(args),
    "reports" => await DuLuan.Bench.Reports.ReportsBench.Run(args),
    "surveys" => ResponseBenchmark.Run(args),
    "trust" when args.ElementAtOrDefault(1) == "crash" => await DuLuan.Bench.Trust.CrashDrill.Run(args),
    "trust" when args.ElementAtOrDefault(1) is "load" or "soak" => await DuLuan.Bench.Trust.LoadDrill.Run(args),
    "trust" when args.ElementAtOrDefault(1) == "scale" => await DuLuan.Bench.Trust.ScaleDrill.Run(args),
    "trust" when args.ElementAtOrDefault(1) == "diskfull" => await DuLuan.Bench.Trust.DiskFullDrill.Run(args),
    "text" when args.ElementAtOrDefault(1) == "segment-eval" => SegmentationEval.Run(),
    "text" when args.ElementAtOrDefault(1) == "redact-eval" => DuLuan.Bench.Text.Redaction.RedactionEval.Run(args.Skip(2).ToArray()),
    "text" when args.ElementAtOrDefault(1) == "story-eval" => StoryEval.Run(args.Skip(2).ToArray()),
    "text" => TextBenchmarks.Run(args.Skip(1).ToArray()),
    "train-redactor" => DuLuan.Bench.Text.Redaction.TrainRedactor.Run(args.Skip(1).ToArray()),
    "train-segmenter" => TrainSegmenter.Run(
        args.ElementAtOrDefault(1) ?? "../shared/data/segmentation",
        args.ElementAtOrDefault(2) ?? "src/DuLuan.Analysis/Text/Segmentation/vi-segmenter.bin"),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: DuLuan.Bench claims [claims] [batch] | monitoring [entries] [search-articles] | foundation [startup|subtree|bare-health ...] | respond [open-cases] [sweep-cases] | publish rollup [posts] | publish portal [seconds] | surveys [--clients N] [--seconds S] [--provider sqlite|postgres] [--hold-slots] | surveys results [--responses N] [--hold-slots] | trust crash --provider sqlite|postgres [--kills N] [--rate R] [--out file] | trust diskfull --dir DIR [--out file] | trust load|soak|scale [--provider P] [--minutes M] (see Trust/LoadDrill.cs) | pages [--provider sqlite|postgres] [--cases N] [--requests R] [--sessions S --seconds T] [--only text] [--sql] (see Pages/PageBench.cs) | dashboard [cases] (see Reports/DashboardBench.cs) | reports [communes] [pdfs] | text [filter] | text story-eval [pairs.tsv] [misses to print] | text redact-eval [dev|heldout|round2-dev|round2-heldout|round3-heldout|...|round7-heldout] [--errors] [--speed] [--summary] | train-redactor [--cv] [out.bin] | train-segmenter [conllu-dir] [out.bin]");
    return 2;
}
