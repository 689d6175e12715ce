using System.CommandLine;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Reports;
using DuLuan.Features.Reports.Documents;
using DuLuan.Features.Reports.Drafts;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Cli;

/// <summary>`duluan reports generate`: a unit's periodic report as DOCX or PDF, for operators and scripts.</summary>
public static class ReportsCommand
{
    public static Command Create()
    {
        var unit = new Option<string>("--unit") { Description = "Mã đơn vị hành chính, ví dụ 48 hoặc 20200 / Official unit code", Required = true };
        var period = new Option<string>("--period") { Description = "Kỳ báo cáo: 2026-Q3, 2026-H1 hoặc 2026 / Period", Required = true };
        var layout = new Option<string>("--layout") { Description = "Bố cục: state (Nghị định 30/2020) hoặc party (Hướng dẫn 36-HD/VPTW) / Layout", DefaultValueFactory = _ => "state" };
        var format = new Option<string>("--format") { Description = "Định dạng: docx hoặc pdf / Format", DefaultValueFactory = _ => "docx" };
        var output = new Option<FileInfo>("--out") { Description = "Tệp kết quả / Output file", Required = true };
        var generate = new Command("generate", "Lập báo cáo định kỳ của một đơn vị / Generate a unit's periodic report") { unit, period, layout, format, output };
        generate.SetAction(async (parse, ct) =>
        {
            if (!ReportPeriod.TryParse(parse.GetValue(period), out var reportPeriod, out var periodError))
            {
                return CliHost.Fail(parse, "--period: " + periodError);
            }

            var reportLayout = parse.GetValue(layout)?.Trim().ToLowerInvariant() switch
            {
                "state" => ReportLayout.State,
                "party" => ReportLayout.Party,
                _ => (ReportLayout?)null,
            };
            if (reportLayout is null)
            {
                return CliHost.Fail(parse, "--layout: chỉ nhận state hoặc party / only state or party");
            }

            var pdf = parse.GetValue(format)?.Trim().ToLowerInvariant() switch
            {
                "docx" => false,
                "pdf" => true,
                _ => (bool?)null,
            };
            if (pdf is null)
            {
                return CliHost.Fail(parse, "--format: chỉ nhận docx hoặc pdf / only docx or pdf");
            }

            var file = parse.GetValue(output)!;
            if (file.Directory is { Exists: false })
            {
                return CliHost.Fail(parse, $"--out: thư mục {file.Directory.FullName} không tồn tại / folder does not exist");
            }

            await using var services = CliHost.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await MigrateCommand.MigrateAsync(scope.ServiceProvider, ct);
            var code = parse.GetValue(unit)!.Trim();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var found = await db.Units.AsNoTracking().Where(u => u.Code == code).Select(u => new { u.Id, u.Name }).FirstOrDefaultAsync(ct);
            if (found is null)
            {
                return CliHost.Fail(parse, $"--unit: không có đơn vị mã {code} / no unit with code {code}");
            }

            try
            {
                var generator = scope.ServiceProvider.GetRequiredService<ReportGenerator>();
                var (figures, docx) = await generator.RenderAsync(found.Id, reportPeriod, reportLayout.Value, ct);
                var bytes = pdf.Value ? await scope.ServiceProvider.GetRequiredService<PdfConverter>().ConvertAsync(docx, ct) : docx;
                await File.WriteAllBytesAsync(file.FullName, bytes, ct);
                await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(AuditActions.Export, found.Id, $"report {reportPeriod.Code}", $"cli {reportLayout} {(pdf.Value ? "pdf" : "docx")}", ct);
                parse.InvocationConfiguration.Output.WriteLine($"Đã lập báo cáo {reportPeriod.VietnameseLabel} của {figures.UnitName}: {file.FullName} ({bytes.Length} byte)");
                return 0;
            }
            catch (PdfConversionException e)
            {
                return CliHost.Fail(parse, e.Message);
            }
        });
        return new Command("reports", "Báo cáo định kỳ / Periodic reports") { generate };
    }
}
