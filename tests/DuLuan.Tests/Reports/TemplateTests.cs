using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DuLuan.Data;
using DuLuan.Features.Reports.Documents;
using DuLuan.Features.Reports.Templates;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Reports;

public sealed class TemplateTests
{
    /// <summary>A .docx whose paragraphs are given as runs, so a placeholder can be split the way Word splits it.</summary>
    internal static byte[] Template(params string[][] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(runs => new Paragraph(runs.Select(r => new Run(new RunProperties(new Bold()), new DocumentFormat.OpenXml.Wordprocessing.Text(r) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }))))));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static byte[] WithEntry(byte[] docx, string name, byte[] content)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(name).Open();
            entry.Write(content);
        }

        return stream.ToArray();
    }

    [Fact]
    public void Placeholders_split_across_runs_are_filled_and_blocks_become_tables_and_charts()
    {
        var figures = SampleFigures.Build();
        var template = Template(
            ["Báo cáo của ", "{{un", "it}}", " — ", "{{ period }}"],
            ["Đã tiếp nhận {{concerns.", "received}} phản ánh (", "{{concerns.received.change}})."],
            ["{{table:concerns.by_agency}}"],
            ["{{chart:", "concerns.by_month}}"],
            ["{{section:concerns}}"]);
        var heading = ReportHeading.For(ReportLayout.State, figures.UnitName, null, "Thành phố Đà Nẵng", new DateOnly(2026, 10, 5));
        var filled = TemplateFiller.Fill(template, heading, ReportComposer.Compose(figures), figures);
        DocxInspect.AssertValid(filled);
        var text = DocxInspect.BodyText(filled);
        Assert.Contains("Báo cáo của Phường Hoà Khánh — quý III năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("Đã tiếp nhận 1.204 phản ánh (tăng 4,7% so với quý II năm 2026).", text, StringComparison.Ordinal);
        Assert.Contains("Phòng Kinh tế", text, StringComparison.Ordinal);
        Assert.Contains("Trong quý III năm 2026, đã tiếp nhận 1.204", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(new MemoryStream(filled), false);
        Assert.Single(document.MainDocumentPart!.ChartParts);
        // The value keeps the formatting of the run where its placeholder began.
        var run = document.MainDocumentPart.Document.Body!.Descendants<Run>().First(r => r.InnerText.Contains("Phường Hoà Khánh", StringComparison.Ordinal));
        Assert.NotNull(run.RunProperties?.Bold);
    }

    [Fact]
    public void Placeholders_that_refer_to_nothing_are_named_before_generation()
    {
        var template = Template(["{{unit}} {{concerns.recieved}}"], ["{{table:nothing}}"], ["Bảng ở giữa câu {{chart:concerns.by_month}} không được"]);
        var problems = TemplateFiller.Problems(template, SampleFigures.Build());
        Assert.Contains(problems, p => p.Contains("{{concerns.recieved}}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("{{table:nothing}}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("phải đứng riêng", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("{{unit}}", StringComparison.Ordinal));
        var error = Assert.Throws<TemplateException>(() => TemplateFiller.Fill(template, ReportHeading.For(ReportLayout.State, "X", null, null, new DateOnly(2026, 10, 5)), ReportComposer.Compose(SampleFigures.Build()), SampleFigures.Build()));
        Assert.Equal(problems.Count, error.Problems.Count);
    }

    public static TheoryData<string> Hostile() => ["empty", "not-zip", "too-large", "macro", "docm", "bomb", "damaged"];

    internal static byte[] HostileFile(string kind)
    {
        var good = Template(["{{unit}}"]);
        return kind switch
        {
            "empty" => [],
            "not-zip" => "<html>{{unit}}</html>"u8.ToArray(),
            "too-large" => new byte[TemplateFiller.MaxFileBytes + 1],
            "macro" => WithEntry(good, "word/vbaProject.bin", [1, 2, 3]),
            "docm" => Docm(good),
            "bomb" => WithEntry(good, "word/media/zeros.bin", new byte[50 * 1024 * 1024]),
            "damaged" => good[..(good.Length / 2)],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static byte[] Docm(byte[] docx)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("[Content_Types].xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
            writer.Write(xml.Replace("document.main+xml", "document.macroEnabled.main+xml", StringComparison.Ordinal));
        }

        return stream.ToArray();
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_templates_are_refused_with_a_reason(string kind)
    {
        var error = Assert.Throws<TemplateException>(() => TemplateFiller.Inspect(HostileFile(kind)));
        Assert.NotEmpty(error.Problems);
        Assert.All(error.Problems, p => Assert.Contains(" / ", p, StringComparison.Ordinal));
    }

    internal static async Task<HttpResponseMessage> UploadAsync(TestClient client, long unitId, string name, byte[] file)
    {
        var page = $"/Reports/Templates?unit={unitId}";
        var html = await client.GetStringAsync(page);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent(unitId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "unit" },
            { new StringContent(name), "name" },
        };
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        content.Add(bytes, "file", "mau.docx");
        return await client.Http.PostAsync(page, content);
    }

    [Theory, Providers]
    public async Task An_uploaded_template_fills_a_draft_and_bad_uploads_store_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await DraftsTests.EditorAsync(app, "mau@duluan.test", app.Tree.ProvinceA);
        foreach (var kind in new[] { "macro", "docm", "bomb", "not-zip" })
        {
            using var refused = await UploadAsync(client, app.Tree.ProvinceA.Id, "Mẫu xấu", HostileFile(kind));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using (var unknown = await UploadAsync(client, app.Tree.ProvinceA.Id, "Mẫu sai tên", Template(["{{concerns.recieved}}"])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("{{concerns.recieved}}", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.ReportTemplates.CountAsync()));
        var template = Template(["Kính gửi: Ban Tuyên giáo"], ["{{unit.upper}} báo cáo {{pe", "riod}}: tiếp nhận {{concerns.received}} phản ánh."], ["{{section:concerns}}"]);
        using (var ok = await UploadAsync(client, app.Tree.ProvinceA.Id, "Mẫu của tỉnh", template))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        var templateId = await app.WithDbAsync(db => db.ReportTemplates.Select(t => t.Id).SingleAsync());
        // The province's template is offered to its communes too.
        Assert.Contains("Mẫu của tỉnh", WebUtility.HtmlDecode(await client.GetStringAsync($"/Reports/Drafts/Create?unit={app.Tree.CommuneA2.Id}&period=2026-Q3")), StringComparison.Ordinal);
        var id = await DraftsTests.CreateDraftAsync(client, app.Tree.CommuneA2.Id, $"template:{templateId}");
        using var response = await client.GetAsync($"/Reports/Drafts/Download?id={id}&format=docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var docx = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        DocxInspect.AssertValid(docx);
        var text = DocxInspect.BodyText(docx);
        Assert.Contains("PHƯỜNG HẢI VÂN báo cáo quý III năm 2026: tiếp nhận 0 phản ánh.", text, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Ban Tuyên giáo", text, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "reports.template-uploaded")));
    }
}
