using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DuLuan.Infrastructure.Reporting;

namespace DuLuan.Features.Reports.Documents;

/// <summary>
/// Writes a report in one of the two built-in layouts: the heading table (issuing body and number left; national
/// motto or "ĐẢNG CỘNG SẢN VIỆT NAM", place and date right), the title, the edited text with each section's tables
/// and native charts, then recipients and signature.
/// </summary>
public static class DocxReportWriter
{
    private const int Half = Docx.TextWidth / 2;

    public static void Write(Stream output, ReportHeading heading, ReportText text, ReportFigures figures)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        document.PackageProperties.Title = ReportWords.Of("Reports.Doc.Title", figures.Period.VietnameseLabel);
        document.PackageProperties.Creator = heading.IssuingBody;
        document.PackageProperties.Language = "vi-VN";
        var main = document.AddMainDocumentPart();
        Docx.AddStyles(main);
        var body = new Body();
        main.Document = new Document(body);
        body.Append(HeadingTable(heading));
        body.Append(Docx.Paragraph(string.Empty, new Docx.Style(After: 240)));
        body.Append(Docx.Paragraph(ReportWords.Of("Reports.Doc.Heading"), new Docx.Style(Bold: true, Align: JustificationValues.Center, After: 0)));
        body.Append(Docx.Paragraph(text.Subtitle, new Docx.Style(Bold: true, Align: JustificationValues.Center, After: 360)));
        AppendBody(main, body, text, figures);
        body.Append(SignatureTable(heading));
        body.Append(Docx.Section(main));
        main.Document.Save();
    }

    /// <summary>The text of a report with its tables and charts, as the built-in layouts and {{report}} in a template place it.</summary>
    public static void AppendBody(MainDocumentPart main, OpenXmlElement into, ReportText text, ReportFigures figures, OpenXmlElement? before = null)
    {
        var body = new List<OpenXmlElement>();
        var indented = new Docx.Style(FirstLineIndent: 567);
        body.AddRange(text.Opening.Select(p => Docx.Paragraph(p, indented)));
        uint drawing = (uint)main.ChartParts.Count() + 1;
        int table = 1, chart = 1, number = 1;
        foreach (var section in text.Sections)
        {
            body.Add(Docx.Paragraph($"{Roman(number++)}. {section.Title.ToUpperInvariant()}", new Docx.Style(Bold: true, FirstLineIndent: 567, KeepNext: true)));
            body.AddRange(section.Paragraphs.Select(p => Docx.Paragraph(p, indented)));
            var source = figures.Sections.FirstOrDefault(s => s.Key == section.Key);
            if (source is null)
            {
                continue;
            }

            foreach (var t in source.Tables)
            {
                body.Add(Docx.Paragraph(ReportWords.Of("Reports.Doc.Table", table++, t.Title), new Docx.Style(Bold: true, Italic: true, Size: 26, Align: JustificationValues.Center, KeepNext: true)));
                body.Add(Docx.Table(t));
                body.Add(Docx.Paragraph(string.Empty, new Docx.Style(After: 0)));
            }

            foreach (var c in source.Charts.Where(c => c.Labels.Count > 0 && c.Series.Count > 0))
            {
                body.Add(DocxCharts.Paragraph(main, c, drawing++));
                body.Add(Docx.Paragraph(ReportWords.Of("Reports.Doc.Chart", chart++, c.Title), new Docx.Style(Italic: true, Size: 26, Align: JustificationValues.Center)));
            }
        }

        body.AddRange(text.Closing.Select(p => Docx.Paragraph(p, indented)));
        foreach (var element in body)
        {
            if (before is null)
            {
                into.Append(element);
            }
            else
            {
                before.InsertBeforeSelf(element);
            }
        }
    }

    private static TableCell AppendAll(this TableCell cell, IEnumerable<OpenXmlElement> children)
    {
        cell.Append(children);
        return cell;
    }

    public static string Roman(int n) => n switch
    {
        <= 0 => n.ToString(CultureInfo.InvariantCulture),
        _ => string.Concat(Enumerable.Repeat("M", n / 1000)) + new[] { "", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM" }[n % 1000 / 100]
            + new[] { "", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC" }[n % 100 / 10] + new[] { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX" }[n % 10],
    };

    private static Table HeadingTable(ReportHeading heading)
    {
        var left = new List<Paragraph>();
        var centre = JustificationValues.Center;
        if (heading.ParentBody is { } parent)
        {
            left.Add(Docx.Paragraph(parent, new Docx.Style(Size: 26, Align: centre, After: 0)));
        }

        left.Add(Docx.Paragraph(heading.IssuingBody, new Docx.Style(Bold: true, Size: 26, Align: centre, After: heading.Layout == ReportLayout.Party ? 0 : 120)));
        if (heading.Layout == ReportLayout.Party)
        {
            left.Add(Docx.Paragraph("*", new Docx.Style(Size: 26, Align: centre, After: 0)));
        }

        left.Add(Docx.Paragraph(heading.Number, new Docx.Style(Size: 26, Align: centre, After: 0)));
        var right = new List<Paragraph>();
        if (heading.Layout == ReportLayout.Party)
        {
            right.Add(Docx.Paragraph(ReportHeading.PartyName, new Docx.Style(Bold: true, Underline: true, Size: 30, Align: centre, After: 240)));
        }
        else
        {
            right.Add(Docx.Paragraph(ReportHeading.NationalName, new Docx.Style(Bold: true, Size: 24, Align: centre, After: 0)));
            right.Add(Docx.Paragraph(ReportHeading.NationalMotto, new Docx.Style(Bold: true, Underline: true, Size: 28, Align: centre, After: 240)));
        }

        right.Add(Docx.Paragraph(heading.PlaceAndDate, new Docx.Style(Italic: true, Size: 28, Align: centre, After: 0)));
        return TwoColumns(left, right, heading.Layout == ReportLayout.Party ? Docx.TextWidth / 2 : Docx.TextWidth * 7 / 20);
    }

    private static Table SignatureTable(ReportHeading heading)
    {
        var left = new List<Paragraph>
        {
            Docx.Paragraph(ReportWords.Of("Reports.Doc.Recipients"), new Docx.Style(Bold: true, Italic: true, Underline: heading.Layout == ReportLayout.Party, Size: 24, Align: JustificationValues.Left, After: 0)),
        };
        left.AddRange(heading.Recipients.Select(r => Docx.Paragraph("- " + r, new Docx.Style(Size: 22, Align: JustificationValues.Left, After: 0))));
        var right = new List<Paragraph> { Docx.Paragraph(heading.SignerTitle, new Docx.Style(Bold: true, Size: 28, Align: JustificationValues.Center, After: 1440)) };
        return TwoColumns(left, right, Half);
    }

    private static Table TwoColumns(List<Paragraph> left, List<Paragraph> right, int leftWidth)
    {
        var none = new TableBorders(new TopBorder { Val = BorderValues.Nil }, new LeftBorder { Val = BorderValues.Nil }, new BottomBorder { Val = BorderValues.Nil },
            new RightBorder { Val = BorderValues.Nil }, new InsideHorizontalBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil });
        var rightWidth = Docx.TextWidth - leftWidth;
        string W(int w) => w.ToString(CultureInfo.InvariantCulture);
        return new Table(
            new TableProperties(new TableWidth { Width = W(Docx.TextWidth), Type = TableWidthUnitValues.Dxa }, none, new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = W(leftWidth) }, new GridColumn { Width = W(rightWidth) }),
            new TableRow(
                new TableCell(new TableCellProperties(new TableCellWidth { Width = W(leftWidth), Type = TableWidthUnitValues.Dxa })).AppendAll(left),
                new TableCell(new TableCellProperties(new TableCellWidth { Width = W(rightWidth), Type = TableWidthUnitValues.Dxa })).AppendAll(right)));
    }
}
