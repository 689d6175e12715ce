using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DuLuan.Tests.Reports;

/// <summary>Reads a generated DOCX back: validator errors, layout, text; and runs poppler on PDFs.</summary>
public static class DocxInspect
{
    public static List<string> ValidationErrors(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    public static void AssertValid(byte[] docx)
    {
        var errors = ValidationErrors(docx);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    public static string BodyText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => string.Concat(p.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text))));
    }

    public static void AssertLayout(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = document.MainDocumentPart!;
        var section = main.Document.Body!.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal(11906u, size.Width!.Value); // A4, 210 mm
        Assert.Equal(16838u, size.Height!.Value); // 297 mm
        var margin = section.GetFirstChild<PageMargin>()!;
        static double Mm(double twips) => twips * 25.4 / 1440;
        Assert.InRange(Mm(margin.Top!.Value), 19.9, 25.1);
        Assert.InRange(Mm(margin.Bottom!.Value), 19.9, 25.1);
        Assert.InRange(Mm(margin.Left!.Value), 29.9, 35.1);
        Assert.InRange(Mm(margin.Right!.Value), 14.9, 20.1);
        Assert.NotNull(section.GetFirstChild<TitlePage>());

        var defaults = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("Times New Roman", defaults.RunFonts!.Ascii!.Value);
        Assert.InRange(int.Parse(defaults.FontSize!.Val!.Value!, System.Globalization.CultureInfo.InvariantCulture), 26, 28);
        Assert.All(main.Document.Descendants<RunFonts>(), f => Assert.Equal("Times New Roman", f.Ascii?.Value));

        var references = section.Elements<HeaderReference>().ToList();
        var first = (HeaderPart)main.GetPartById(references.Single(r => r.Type?.Value == HeaderFooterValues.First).Id!.Value!);
        var numbered = (HeaderPart)main.GetPartById(references.Single(r => r.Type?.Value == HeaderFooterValues.Default).Id!.Value!);
        Assert.DoesNotContain(first.Header!.Descendants<FieldCode>(), c => c.Text.Contains("PAGE", StringComparison.Ordinal));
        var page = numbered.Header!.Descendants<Paragraph>().Single(p => p.Descendants<FieldCode>().Any(c => c.Text.Trim() == "PAGE"));
        Assert.Equal(JustificationValues.Center, page.ParagraphProperties!.Justification!.Val!.Value);
        Assert.Contains(page.Descendants<FieldChar>(), c => c.FieldCharType!.Value == FieldCharValues.Begin);
    }

    public static (int Exit, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    public static string PdfText(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"duluan-test-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var (exit, text) = Run("pdftotext", "-enc", "UTF-8", file, "-");
            Assert.Equal(0, exit);
            return text.Normalize(System.Text.NormalizationForm.FormC);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>pdffonts rows: every font must say "yes" in the emb column.</summary>
    public static List<string> PdfFonts(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"duluan-test-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var (exit, text) = Run("pdffonts", file);
            Assert.Equal(0, exit);
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
