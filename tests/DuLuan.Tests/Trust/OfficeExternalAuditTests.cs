using System.Diagnostics;
using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Reports.Documents;
using DuLuan.Tests.Infrastructure;
using DuLuan.Tests.Reports;
using DuLuan.Tests.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DuLuan.Tests.Trust;

/// <summary>
/// The Office-file external-resource audit for scripts/trust.sh: every hostile package (each way out of a DOCX, all
/// of them at once, a linked XLSX) uploaded as a template and as an XLSForm, and used from storage as if stored before
/// the check; then converted straight to PDF, bypassing the check. A loopback listener counts requests and a local
/// marker file must not reach any output. The normal suite converts once; the full run converts every kind and
/// measures the same file without the sandbox, to show the bait would catch a leak.
/// </summary>
public sealed class OfficeExternalAuditTests
{
    [Theory, Providers]
    public async Task Hostile_Office_files_are_refused_at_upload_and_from_storage(DatabaseProvider provider)
    {
        await using var bait = new LoopbackBait();
        await using var app = await TestApp.StartAsync(provider);
        using var client = await DraftsTests.EditorAsync(app, "audit@duluan.test", app.Tree.ProvinceA);
        var files = HostileOffice.DocxKinds.Select(k => (Name: k, Part: HostileOffice.Part(k), Bytes: HostileOffice.Docx(bait, k)))
            .Append(("all", "word/document.xml", HostileOffice.Docx(bait, HostileOffice.DocxKinds))).ToList();
        var findings = new List<string>();
        foreach (var (name, part, bytes) in files)
        {
            using var response = await TemplateTests.UploadAsync(client, app.Tree.ProvinceA.Id, "Mẫu " + name, bytes);
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            if (response.StatusCode != HttpStatusCode.BadRequest || !body.Contains(part, StringComparison.Ordinal))
            {
                findings.Add($"template {name}: {(int)response.StatusCode}");
            }
        }

        await app.AddMemberAsync("audit-xls@duluan.test", app.Tree.ProvinceA, Role.Editor);
        using (var surveys = app.Client())
        {
            await surveys.SignInOkAsync("audit-xls@duluan.test");
            using var import = await XlsFormTests.UploadAsync(surveys, HostileOffice.LinkedWorkbook(bait.FileUrl("marker.txt")), app.Tree.ProvinceA.Id);
            var html = WebUtility.HtmlDecode(await import.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            if (!html.Contains("xl/worksheets/sheet1.xml", StringComparison.Ordinal) || html.Contains("accept-import", StringComparison.Ordinal))
            {
                findings.Add("xlsform: accepted");
            }
        }

        // Stored before the check existed: a clean template whose bytes are swapped for each hostile one in turn.
        using (var ok = await TemplateTests.UploadAsync(client, app.Tree.ProvinceA.Id, "Mẫu sạch", TemplateTests.Template(["{{unit}}"])))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        var templateId = await app.WithDbAsync(db => db.ReportTemplates.Select(t => t.Id).SingleAsync());
        var draftId = await DraftsTests.CreateDraftAsync(client, app.Tree.ProvinceA.Id, $"template:{templateId}");
        var downloads = 0;
        var leaks = 0;
        foreach (var (name, part, bytes) in files)
        {
            await app.WithDbAsync(async db =>
            {
                (await db.ReportTemplates.SingleAsync(t => t.Id == templateId)).Content = bytes;
                return await db.SaveChangesAsync();
            });
            foreach (var format in new[] { "docx", "pdf" })
            {
                using var response = await client.GetAsync($"/Reports/Drafts/Download?id={draftId}&format={format}");
                var output = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
                downloads++;
                leaks += bait.Leaked(output) ? 1 : 0;
                if (response.StatusCode != HttpStatusCode.UnprocessableEntity)
                {
                    findings.Add($"stored {name} as {format}: {(int)response.StatusCode}");
                }
            }
        }

        var refused = files.Count + 1 + downloads - findings.Count;
        TrustReport.Add("office", $"hostile Office files ({files.Count} DOCX at upload, 1 XLSX, {downloads} downloads of stored ones): accepted; loopback requests; local bytes in outputs ({provider})",
            $"{findings.Count} accepted, {bait.Requests} requests, {leaks} leaks ({refused} refused naming the part)", findings.Count == 0 && bait.Requests == 0 && leaks == 0);
        Assert.True(findings.Count == 0, string.Join("\n", findings));
        Assert.Equal(0, bait.Requests);
        Assert.Equal(0, leaks);
    }

    [Fact]
    public async Task LibreOffice_reaches_nothing_even_for_files_the_check_refuses()
    {
        using var converter = new PdfConverter(Options.Create(new ReportOptions()));
        if (!converter.Available)
        {
            TrustReport.Add("office", "PDF conversion of hostile DOCX in the sandbox: loopback requests, local bytes in PDF", "not run: LibreOffice is not installed", met: false);
            return;
        }

        await using var bait = new LoopbackBait();
        List<string[]> sets = TrustReport.Full ? [.. HostileOffice.DocxKinds.Select(k => new[] { k }), HostileOffice.DocxKinds] : [HostileOffice.DocxKinds];
        var leaks = 0;
        foreach (var kinds in sets)
        {
            var pdf = await converter.ConvertAsync(HostileOffice.Docx(bait, kinds), TestContext.Current.CancellationToken);
            Assert.Contains("{{unit}}", DocxInspect.PdfText(pdf), StringComparison.Ordinal);
            leaks += bait.Leaked(pdf) ? 1 : 0;
        }

        (int Requests, int Leaks)? baseline = TrustReport.Full ? await UnsandboxedAsync(converter.Program!) : null;
        TrustReport.Add("office", $"PDF conversion of hostile DOCX bypassing the check, LibreOffice sandboxed: loopback requests, local bytes in PDF ({sets.Count} conversions)",
            $"{bait.Requests} requests, {leaks} leaks" + (baseline is { } b ? $" (unsandboxed baseline: {b.Requests} requests, {b.Leaks} leak)" : string.Empty),
            bait.Requests == 0 && leaks == 0);
        Assert.Equal(0, bait.Requests);
        Assert.Equal(0, leaks);
    }

    /// <summary>The same file through LibreOffice without the sandbox: the bait must see it, or the audit proves nothing.</summary>
    private static async Task<(int Requests, int Leaks)> UnsandboxedAsync(string libreOffice)
    {
        await using var bait = new LoopbackBait();
        var work = Directory.CreateTempSubdirectory("duluan-audit-");
        try
        {
            var input = Path.Combine(work.FullName, "hostile.docx");
            await File.WriteAllBytesAsync(input, HostileOffice.Docx(bait, HostileOffice.DocxKinds), TestContext.Current.CancellationToken);
            var start = new ProcessStartInfo(libreOffice) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-env:UserInstallation=" + new Uri(Path.Combine(work.FullName, "profile")).AbsoluteUri, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work.FullName, input })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["HOME"] = work.FullName;
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            var pdf = await File.ReadAllBytesAsync(Path.Combine(work.FullName, "hostile.pdf"), TestContext.Current.CancellationToken);
            return (bait.Requests, bait.Leaked(pdf) ? 1 : 0);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
