using System.Diagnostics;
using DuLuan.Infrastructure;
using DuLuan.Infrastructure.Text;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Reports.Documents;

/// <summary>LibreOffice was not found or could not convert: the message says so (Vietnamese first).</summary>
public sealed class PdfConversionException(Message text) : MessageException(text);

/// <summary>
/// DOCX to PDF with `libreoffice --headless --convert-to pdf`: a private profile and folder per run (so runs never
/// share LibreOffice's lock files), a timeout that kills the process tree, and a bounded number of runs at once.
/// LibreOffice embeds the (subset) fonts, so the Vietnamese text stays selectable and searchable.
/// LibreOffice always runs in a <see cref="ProcessSandbox"/> (no network, no file outside its work folder), so a
/// document that links to a URL or a local file reaches nothing; without a working sandbox no PDF is made.
/// </summary>
public sealed class PdfConverter(IOptions<ReportOptions> options) : IDisposable
{
    private readonly SemaphoreSlim gate = new(Math.Max(1, options.Value.PdfConcurrency));

    public ProcessSandbox Sandbox { get; } = new(options.Value.Bubblewrap);

    public string? Program => options.Value.LibreOffice is { Length: > 0 } configured ? (File.Exists(configured) ? configured : null) : FindOnPath("libreoffice") ?? FindOnPath("soffice");

    public bool Available => Program is not null;

    public async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct)
    {
        var program = Program ?? throw new PdfConversionException(new Message("Reports.Pdf.NoLibreOffice"));
        if (Sandbox.Problem is { } problem)
        {
            throw new PdfConversionException(new Message("Reports.Pdf.NoSandbox", problem));
        }

        var work = Directory.CreateTempSubdirectory("duluan-pdf-");
        await gate.WaitAsync(ct);
        try
        {
            var input = Path.Combine(work.FullName, "report.docx");
            await File.WriteAllBytesAsync(input, docx, ct);
            var profile = new Uri(Path.Combine(work.FullName, "profile")).AbsoluteUri;
            var start = Sandbox.StartInfo(program, work.FullName, ["-env:UserInstallation=" + profile, "--headless", "--norestore", "--nologo", "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export", "--outdir", work.FullName, input]);
            using var process = Process.Start(start) ?? throw new PdfConversionException(new Message("Reports.Pdf.NotStarted"));
            var stderr = process.StandardError.ReadToEndAsync(ct);
            _ = process.StandardOutput.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.PdfTimeoutSeconds));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                ct.ThrowIfCancellationRequested();
                throw new PdfConversionException(new Message("Reports.Pdf.Timeout", options.Value.PdfTimeoutSeconds));
            }

            var output = Path.Combine(work.FullName, "report.pdf");
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                var detail = (await stderr).Trim();
                throw new PdfConversionException(new Message("Reports.Pdf.Failed", process.ExitCode, detail[..Math.Min(detail.Length, 300)]));
            }

            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            gate.Release();
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A LibreOffice child may still hold a file for a moment; the temp folder is cleaned by the system.
            }
        }
    }

    public void Dispose() => gate.Dispose();

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
