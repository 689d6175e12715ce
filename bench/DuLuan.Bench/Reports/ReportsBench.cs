using System.Diagnostics;
using System.Globalization;
using DuLuan.Features.Reports;
using DuLuan.Features.Reports.Documents;
using DuLuan.Infrastructure.Reporting;
using Microsoft.Extensions.Options;

namespace DuLuan.Bench.Reports;

/// <summary>
/// The quarterly DOCX of every commune of one province (default 100): compose the sentences and write the document
/// with its tables and native charts, against a baseline measured in the same run (writing the same text as a plain
/// .txt file). Then PDF time per report through LibreOffice for a few of them. Figures are built in memory with the
/// shape the figure source returns (six sections, tables, charts), so this measures the documents half only.
/// </summary>
public static class ReportsBench
{
    public static async Task<int> Run(string[] args)
    {
        var communes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var pdfs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var dir = Directory.CreateTempSubdirectory("duluan-bench-reports-");
        var figures = Enumerable.Range(0, communes).Select(i => Figures(i)).ToList();
        var heading = (ReportFigures f, ReportLayout l) => ReportHeading.For(l, f.UnitName, "Thành phố Đà Nẵng", "Thành phố Đà Nẵng", new DateOnly(2026, 10, 5));

        GC.Collect();
        var before = Process.GetCurrentProcess().PeakWorkingSet64;
        var baseline = Stopwatch.StartNew();
        foreach (var f in figures)
        {
            var text = ReportComposer.Compose(f);
            File.WriteAllLines(Path.Combine(dir.FullName, f.UnitCode + ".txt"), text.Opening.Concat(text.Sections.SelectMany(s => s.Paragraphs.Prepend(s.Title))).Concat(text.Closing));
        }

        baseline.Stop();
        var docx = Stopwatch.StartNew();
        long bytes = 0;
        var files = new List<string>();
        for (var i = 0; i < figures.Count; i++)
        {
            var f = figures[i];
            var path = Path.Combine(dir.FullName, f.UnitCode + ".docx");
            using (var stream = File.Create(path))
            {
                DocxReportWriter.Write(stream, heading(f, i % 2 == 0 ? ReportLayout.State : ReportLayout.Party), ReportComposer.Compose(f), f);
                bytes += stream.Length;
            }

            files.Add(path);
        }

        docx.Stop();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;

        var pdfTimes = new List<double>();
        using var converter = new PdfConverter(Options.Create(new ReportOptions { PdfConcurrency = 1 }));
        if (converter.Available)
        {
            foreach (var path in files.Take(pdfs))
            {
                var watch = Stopwatch.StartNew();
                await converter.ConvertAsync(await File.ReadAllBytesAsync(path), CancellationToken.None);
                pdfTimes.Add(watch.Elapsed.TotalSeconds);
            }
        }

        dir.Delete(recursive: true);
        Console.WriteLine($"## Quarterly reports of {communes} communes (DOCX with tables and native charts; load average {File.ReadAllText("/proc/loadavg").Trim()})");
        Console.WriteLine();
        Console.WriteLine("| measure | total s | per report ms | vs baseline |");
        Console.WriteLine("| --- | --- | --- | --- |");
        Console.WriteLine(Row("same text as .txt (baseline)", baseline.Elapsed.TotalSeconds, communes, baseline.Elapsed.TotalSeconds));
        Console.WriteLine(Row("DOCX, state and party layouts alternating", docx.Elapsed.TotalSeconds, communes, baseline.Elapsed.TotalSeconds));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DOCX total {docx.Elapsed.TotalSeconds:F2} s (goal < 120 s), average size {bytes / communes / 1024.0:F0} KiB, peak working set {peak / 1048576.0:F0} MiB (before: {before / 1048576.0:F0} MiB; goal < 1024 MiB)"));
        Console.WriteLine(pdfTimes.Count == 0
            ? "PDF: LibreOffice not installed"
            : string.Create(CultureInfo.InvariantCulture, $"PDF through LibreOffice: {pdfTimes.Average():F2} s per report (min {pdfTimes.Min():F2}, max {pdfTimes.Max():F2}, {pdfTimes.Count} reports, one at a time; a fresh LibreOffice profile each)"));
        return 0;
    }

    private static string Row(string name, double seconds, int count, double baseline) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {seconds:F3} | {seconds * 1000 / count:F1} | {seconds / baseline:F1}x |");

    private static ReportFigures Figures(int i)
    {
        var random = new Random(i);
        double N(int max) => random.Next(max);
        var months = new[] { "Tháng 7", "Tháng 8", "Tháng 9" };
        ReportSection Section(string key, string title, int figures, int rows)
        {
            var list = Enumerable.Range(0, figures).Select(k => new Figure($"{key}.f{k}", $"Chỉ tiêu {k + 1} của mục", N(5000), N(5000), k == 1 ? FigureKind.Percent : FigureKind.Count, null)).ToList();
            var table = new FigureTable($"{key}.table", $"Chi tiết {title.ToLowerInvariant()}", ["Kỳ này", "Kỳ trước"],
                [.. Enumerable.Range(0, rows).Select(r => new FigureRow($"Dòng {r + 1}", [N(900), N(900)], null))]);
            var chart = new FigureChart($"{key}.chart", title, (ChartKind)(i % 3), months, [new ChartSeries("Kỳ này", [N(500), N(500), N(500)]), new ChartSeries("Kỳ trước", [N(500), N(500), N(500)])]);
            return new ReportSection(key, title, list, [table], [chart]);
        }

        return new ReportFigures(i + 1, $"Xã Thử Nghiệm {i + 1}", (30000 + i).ToString(CultureInfo.InvariantCulture), ReportPeriod.Parse("2026-Q3"),
            [
                Section("opinions", "Dư luận xã hội", 3, 10), Section("concerns", "Phản ánh, kiến nghị", 5, 12), Section("surveys", "Khảo sát", 2, 5),
                Section("publish", "Thông tin chính thống", 3, 4), Section("claims", "Thông tin sai sự thật", 2, 4), Section("monitoring", "Theo dõi báo chí", 2, 8),
            ],
            ["Số liệu tính theo đơn vị quản lý tại thời điểm phát sinh."], DateTimeOffset.UtcNow);
    }
}
