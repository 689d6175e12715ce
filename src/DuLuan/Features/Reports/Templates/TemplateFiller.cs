using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DuLuan.Features.Reports.Documents;
using DuLuan.Infrastructure;
using DuLuan.Infrastructure.Files;
using DuLuan.Infrastructure.Reporting;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Reports.Templates;

/// <summary>
/// Checks an uploaded template and fills it. A placeholder may be split over several runs (Word does that when a
/// word is retyped or spell-checked): a paragraph's text is matched as a whole and the runs are rewritten, the value
/// taking the formatting of the run where the placeholder starts.
/// </summary>
public static class TemplateFiller
{
    public const int MaxFileBytes = 5 * 1024 * 1024;
    public const long MaxUnpackedBytes = 40L * 1024 * 1024;
    public const int MaxEntries = 300;
    private const string MainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    /// <summary>The placeholder names of a template, or the reasons it is refused (size, zip bomb, macros, not a DOCX).</summary>
    public static List<string> Inspect(byte[] file)
    {
        Refuse(file);
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(file, writable: false), false, new OpenSettings { MaxCharactersInPart = 20_000_000, AutoSave = false });
            if (document.MainDocumentPart?.ContentType != MainContentType)
            {
                throw new TemplateException([new Message("Reports.Template.NotDocx")]);
            }

            return Parts(document).SelectMany(root => Paragraphs(root)).SelectMany(p => TemplatePlaceholders.Pattern().Matches(Text(p)).Select(m => m.Groups[1].Value.Trim())).Distinct(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or FileFormatException or NotSupportedException)
        {
            throw new TemplateException([new Message("Reports.Template.Unreadable", e.GetType().Name)]);
        }
    }

    /// <summary>As <see cref="ProblemMessages"/>, each "Vietnamese / English".</summary>
    public static List<string> Problems(byte[] file, ReportFigures figures) => [.. ProblemMessages(file, figures).Select(p => p.Both())];

    /// <summary>Problems before generation: placeholders that refer to nothing, named, and blocks that do not stand alone.</summary>
    public static List<Message> ProblemMessages(byte[] file, ReportFigures figures)
    {
        var problems = TemplatePlaceholders.Unknown(Inspect(file), figures)
            .Select(n => new Message("Reports.Template.UnknownField", "{{" + n + "}}")).ToList();
        using var document = WordprocessingDocument.Open(new MemoryStream(file, writable: false), false);
        foreach (var paragraph in Parts(document).SelectMany(Paragraphs))
        {
            var text = Text(paragraph);
            foreach (var match in TemplatePlaceholders.Pattern().Matches(text).Where(m => TemplatePlaceholders.IsBlock(m.Groups[1].Value.Trim())))
            {
                if (text.Trim() != match.Value || paragraph.Ancestors<Body>().FirstOrDefault() is null)
                {
                    problems.Add(new Message("Reports.Template.BlockAlone", match.Value));
                }
            }
        }

        return problems;
    }

    public static byte[] Fill(byte[] file, ReportHeading heading, ReportText text, ReportFigures figures)
    {
        var problems = ProblemMessages(file, figures);
        if (problems.Count > 0)
        {
            throw new TemplateException(problems);
        }

        using var stream = new MemoryStream();
        stream.Write(file);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var main = document.MainDocumentPart!;
            foreach (var root in Parts(document))
            {
                foreach (var paragraph in Paragraphs(root).ToList())
                {
                    FillParagraph(main, paragraph, heading, text, figures);
                }
            }

            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void Refuse(byte[] file)
    {
        if (file.Length == 0)
        {
            throw new TemplateException([new Message("Reports.Template.Empty")]);
        }

        if (file.Length > MaxFileBytes)
        {
            throw new TemplateException([new Message("Reports.Template.TooLarge")]);
        }

        if (file.Length < 4 || file[0] != 'P' || file[1] != 'K')
        {
            throw new TemplateException([new Message("Reports.Template.NotZip")]);
        }

        if (OfficePackage.Check(file, MaxEntries, MaxUnpackedBytes) is { } problem)
        {
            throw new TemplateException([new Message("Reports.Template.Package", new TextPair(problem.Vi, problem.En))]);
        }

        var names = OfficePackage.EntryNames(file);
        string[] active = ["vbaproject", "vbadata", "activex", "macros/", "customizations.xml"];
        if (names.Any(n => active.Any(a => n.Contains(a, StringComparison.OrdinalIgnoreCase))) || ContentTypes(file).Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
        {
            throw new TemplateException([new Message("Reports.Template.Macros")]);
        }
    }

    private static string ContentTypes(byte[] file)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(file, writable: false));
        var entry = zip.GetEntry("[Content_Types].xml");
        if (entry is null || entry.Length > 1_000_000)
        {
            return string.Empty;
        }

        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    private static IEnumerable<OpenXmlElement> Parts(WordprocessingDocument document)
    {
        var main = document.MainDocumentPart;
        if (main?.Document?.Body is { } body)
        {
            yield return body;
        }

        foreach (var header in main?.HeaderParts ?? [])
        {
            if (header.Header is { } h)
            {
                yield return h;
            }
        }

        foreach (var footer in main?.FooterParts ?? [])
        {
            if (footer.Footer is { } f)
            {
                yield return f;
            }
        }
    }

    private static IEnumerable<Paragraph> Paragraphs(OpenXmlElement root) => root.Descendants<Paragraph>();

    /// <summary>Text nodes whose nearest paragraph is <paramref name="paragraph"/> (not a text box nested inside it).</summary>
    private static List<Text> Texts(Paragraph paragraph) => paragraph.Descendants<Text>().Where(t => t.Ancestors<Paragraph>().FirstOrDefault() == paragraph).ToList();

    private static string Text(Paragraph paragraph) => string.Concat(Texts(paragraph).Select(t => t.Text));

    private static void FillParagraph(MainDocumentPart main, Paragraph paragraph, ReportHeading heading, ReportText text, ReportFigures figures)
    {
        var texts = Texts(paragraph);
        var full = string.Concat(texts.Select(t => t.Text));
        var matches = TemplatePlaceholders.Pattern().Matches(full);
        if (matches.Count == 0)
        {
            return;
        }

        var name = matches[0].Groups[1].Value.Trim();
        if (matches.Count == 1 && TemplatePlaceholders.IsBlock(name))
        {
            ReplaceWithBlock(main, paragraph, name, text, figures);
            return;
        }

        foreach (var match in matches.Reverse())
        {
            var value = TemplatePlaceholders.Value(match.Groups[1].Value.Trim(), heading, text, figures) ?? string.Empty;
            Replace(texts, match.Index, match.Length, value);
        }
    }

    /// <summary>Puts <paramref name="value"/> where characters [start, start+length) of the joined texts were.</summary>
    private static void Replace(List<Text> texts, int start, int length, string value)
    {
        var offset = 0;
        var placed = false;
        foreach (var node in texts)
        {
            var nodeStart = offset;
            var nodeEnd = offset + node.Text.Length;
            offset = nodeEnd;
            if (nodeEnd <= start || nodeStart >= start + length)
            {
                continue;
            }

            var keepBefore = node.Text[..Math.Max(0, start - nodeStart)];
            var keepAfter = node.Text[Math.Min(node.Text.Length, start + length - nodeStart)..];
            node.Text = keepBefore + (placed ? string.Empty : value) + keepAfter;
            node.Space = SpaceProcessingModeValues.Preserve;
            placed = true;
        }
    }

    private static void ReplaceWithBlock(MainDocumentPart main, Paragraph paragraph, string name, ReportText text, ReportFigures figures)
    {
        var indented = new Docx.Style(FirstLineIndent: 567);
        var kind = name.Split(':', 2);
        var key = kind.Length == 2 ? kind[1] : string.Empty;
        List<OpenXmlElement> blocks = kind[0] switch
        {
            "opening" => [.. text.Opening.Select(p => Docx.Paragraph(p, indented))],
            "closing" => [.. text.Closing.Select(p => Docx.Paragraph(p, indented))],
            "notes" => [.. figures.Notes.Select(p => Docx.Paragraph(p, indented))],
            "section" => [.. (text.Section(key)?.Paragraphs ?? []).Select(p => Docx.Paragraph(p, indented))],
            "table" => figures.Sections.SelectMany(s => s.Tables).FirstOrDefault(t => t.Key == key) is { } table
                ? [Docx.Paragraph(table.Title, new Docx.Style(Bold: true, Italic: true, Size: 26, Align: JustificationValues.Center, KeepNext: true)), Docx.Table(table)]
                : [],
            "chart" => figures.Sections.SelectMany(s => s.Charts).FirstOrDefault(c => c.Key == key) is { } chart && chart.Labels.Count > 0 && chart.Series.Count > 0
                ? [DocxCharts.Paragraph(main, chart, 1000 + (uint)main.ChartParts.Count())]
                : [Docx.Paragraph(ReportWords.Of("Reports.Doc.NoChartData"), new Docx.Style(Italic: true, Align: JustificationValues.Center))],
            _ => [],
        };
        if (kind[0] == "report")
        {
            DocxReportWriter.AppendBody(main, paragraph.Parent!, text, figures, paragraph);
        }

        foreach (var block in blocks)
        {
            paragraph.InsertBeforeSelf(block);
        }

        var parent = paragraph.Parent;
        paragraph.Remove();
        if (parent is TableCell cell && cell.LastChild is not Paragraph)
        {
            cell.Append(new Paragraph());
        }
    }
}
