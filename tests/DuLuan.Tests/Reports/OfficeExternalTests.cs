using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Reports.Documents;
using DuLuan.Features.Reports.Templates;
using DuLuan.Infrastructure;
using DuLuan.Infrastructure.Files;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DuLuan.Tests.Reports;

/// <summary>
/// Issue #16 item 1: a template must not make the server fetch a URL or read a local file. The upload and every later
/// use of a stored template refuse any way out of the package, naming the part; LibreOffice runs with no network and
/// sees no file outside its work folder, so even a package the check missed reaches nothing.
/// </summary>
public sealed class OfficeExternalTests
{
    public static TheoryData<string> Kinds() => [.. HostileOffice.DocxKinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_way_out_of_a_template_is_refused_naming_its_part(string kind)
    {
        await using var bait = new LoopbackBait();
        var error = Assert.Throws<TemplateException>(() => TemplateFiller.Inspect(HostileOffice.Docx(bait, kind)));
        Assert.Contains(error.Problems, p => p.Contains(HostileOffice.Part(kind), StringComparison.Ordinal) && p.Contains(" / ", StringComparison.Ordinal));
    }

    [Fact]
    public void Ordinary_documents_pass_the_check()
    {
        // A built-in report (tables, native charts with their workbooks), a table of contents' internal links and a
        // PAGE field, a real XLSForm: none of them points outside.
        Assert.Empty(OfficeLinks.Find(PdfTests.Docx(ReportLayout.State)));
        Assert.Empty(OfficeLinks.Find(Surveys.Xlsx.Kobo()));
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(
                new Paragraph(new SimpleField(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text("Mục 1"))) { Instruction = " HYPERLINK \\l \"_Toc1\" \\h " }),
                new Paragraph(new Hyperlink(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text("Mục 1"))) { Anchor = "_Toc1" }),
                new Paragraph(
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                    new Run(new FieldCode(" PAGE ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                    new Run(new DocumentFormat.OpenXml.Wordprocessing.Text("1")),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.End })),
                new Paragraph(new BookmarkStart { Id = "1", Name = "_Toc1" }, new Run(new DocumentFormat.OpenXml.Wordprocessing.Text("{{unit}}")), new BookmarkEnd { Id = "1" })));
            main.Document.Save();
        }

        Assert.Empty(OfficeLinks.Find(stream.ToArray()));
        Assert.Contains("unit", TemplateFiller.Inspect(stream.ToArray()));
    }

    [Theory, Providers]
    public async Task A_hostile_template_is_refused_at_upload_and_a_stored_one_at_draft_and_download(DatabaseProvider provider)
    {
        await using var bait = new LoopbackBait();
        await using var app = await TestApp.StartAsync(provider);
        using var client = await DraftsTests.EditorAsync(app, "ngoai@duluan.test", app.Tree.ProvinceA);
        var hostile = HostileOffice.Docx(bait, "image-http", "image-file");
        using (var refused = await TemplateTests.UploadAsync(client, app.Tree.ProvinceA.Id, "Mẫu có ảnh liên kết", hostile))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("word/document.xml", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.ReportTemplates.CountAsync()));

        // A template stored before the check existed: uploaded clean here, then its bytes swapped in the database.
        using (var ok = await TemplateTests.UploadAsync(client, app.Tree.ProvinceA.Id, "Mẫu cũ", TemplateTests.Template(["{{unit}}"])))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        var templateId = await app.WithDbAsync(db => db.ReportTemplates.Select(t => t.Id).SingleAsync());
        var draftId = await DraftsTests.CreateDraftAsync(client, app.Tree.ProvinceA.Id, $"template:{templateId}");
        await app.WithDbAsync(async db =>
        {
            var stored = await db.ReportTemplates.SingleAsync(t => t.Id == templateId);
            stored.Content = hostile;
            return await db.SaveChangesAsync();
        });
        foreach (var format in new[] { "docx", "pdf" })
        {
            using var download = await client.GetAsync($"/Reports/Drafts/Download?id={draftId}&format={format}");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, download.StatusCode);
            Assert.Contains("word/document.xml", await download.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        var drafts = await app.WithDbAsync(db => db.ReportDrafts.CountAsync());
        using (var create = await client.PostFormAsync($"/Reports/Drafts/Create?unit={app.Tree.ProvinceA.Id}&period=2026-Q3", new Dictionary<string, string> { ["unit"] = app.Tree.ProvinceA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["period"] = "2026-Q3", ["layout"] = $"template:{templateId}" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
            Assert.Contains("word/document.xml", WebUtility.HtmlDecode(await create.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        }

        Assert.Equal(drafts, await app.WithDbAsync(db => db.ReportDrafts.CountAsync()));
        Assert.Equal(0, bait.Requests);
    }

    [Fact]
    public async Task Pdf_conversion_reaches_no_network_and_no_file_outside_its_folder()
    {
        await using var bait = new LoopbackBait();
        using var converter = new PdfConverter(Options.Create(new ReportOptions()));
        // Straight to the converter, as if the package check had missed them: what LibreOffice would follow.
        var docx = HostileOffice.Docx(bait, "image-http", "image-file", "includepicture", "vml-src");
        if (!converter.Available)
        {
            var error = await Assert.ThrowsAsync<PdfConversionException>(() => converter.ConvertAsync(docx, TestContext.Current.CancellationToken));
            Assert.StartsWith("Máy chủ chưa cài LibreOffice", error.Message, StringComparison.Ordinal);
            return;
        }

        var pdf = await converter.ConvertAsync(docx, TestContext.Current.CancellationToken);
        Assert.Contains("{{unit}}", DocxInspect.PdfText(pdf), StringComparison.Ordinal);
        Assert.Equal(0, bait.Requests);
        Assert.False(bait.Leaked(pdf), "the local marker file reached the PDF");
    }

    [Fact]
    public async Task Without_a_sandbox_no_pdf_is_made()
    {
        using var converter = new PdfConverter(Options.Create(new ReportOptions { Bubblewrap = "/nonexistent/bwrap" }));
        var error = await Assert.ThrowsAsync<PdfConversionException>(() => converter.ConvertAsync(PdfTests.Docx(ReportLayout.State), TestContext.Current.CancellationToken));
        Assert.Contains("bubblewrap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Office_file_is_never_taken_as_a_case_attachment()
    {
        await using var bait = new LoopbackBait();
        var (file, error) = AttachmentFiles.Check("bao-cao.docx", HostileOffice.Docx(bait, "image-http"));
        Assert.Null(file);
        Assert.Equal("Respond.Attach.BadType", error);
    }
}
