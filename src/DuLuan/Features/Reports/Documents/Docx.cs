using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DuLuan.Infrastructure.Reporting;
using DuLuan.Infrastructure.Time;

namespace DuLuan.Features.Reports.Documents;

/// <summary>
/// Small builders for WordprocessingML shared by the built-in layouts and template filling: paragraphs with the
/// few run properties a report uses, tables of figures, the document defaults and the A4 section.
/// </summary>
public static class Docx
{
    public const string Font = "Times New Roman";

    // A4 in twentieths of a point, margins of Decree 30/2020: top/bottom 20 mm, left 30 mm, right 15 mm.
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;
    public const int MarginTop = 1134;
    public const int MarginBottom = 1134;
    public const int MarginLeft = 1701;
    public const int MarginRight = 851;
    public const int HeaderDistance = 567;
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;

    /// <summary>Body text: 14 pt (half-points).</summary>
    public const int BodySize = 28;

    public sealed record Style(bool Bold = false, bool Italic = false, bool Underline = false, int Size = BodySize, JustificationValues? Align = null, int FirstLineIndent = 0, int After = 120, bool KeepNext = false);

    public static Paragraph Paragraph(string text, Style? style = null) => Paragraph([text], style);

    /// <summary>One paragraph; several lines are joined with line breaks inside it.</summary>
    public static Paragraph Paragraph(IReadOnlyList<string> lines, Style? style = null)
    {
        style ??= new Style();
        var properties = new ParagraphProperties();
        if (style.KeepNext)
        {
            properties.Append(new KeepNext());
        }

        properties.Append(new SpacingBetweenLines { Before = "0", After = style.After.ToString(System.Globalization.CultureInfo.InvariantCulture), Line = "288", LineRule = LineSpacingRuleValues.Auto });
        if (style.FirstLineIndent > 0)
        {
            properties.Append(new Indentation { FirstLine = style.FirstLineIndent.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        properties.Append(new Justification { Val = style.Align ?? JustificationValues.Both });
        var paragraph = new Paragraph(properties);
        var run = new Run(RunProperties(style));
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        paragraph.Append(run);
        return paragraph;
    }

    public static RunProperties RunProperties(Style style)
    {
        var properties = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font });
        if (style.Bold)
        {
            properties.Append(new Bold());
        }

        if (style.Italic)
        {
            properties.Append(new Italic());
        }

        properties.Append(new FontSize { Val = style.Size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        properties.Append(new FontSizeComplexScript { Val = style.Size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (style.Underline)
        {
            properties.Append(new Underline { Val = UnderlineValues.Single });
        }

        return properties;
    }

    /// <summary>Document defaults: Times New Roman 14 pt, Vietnamese language, so text typed later by staff keeps the layout.</summary>
    public static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        var fonts = new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font };
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(fonts, new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }, new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "288", LineRule = LineSpacingRuleValues.Auto }))),
            new DocumentFormat.OpenXml.Wordprocessing.Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new DocumentFormat.OpenXml.Wordprocessing.Style(new StyleName { Val = "Table Grid" }, new StyleTableProperties(Borders())) { Type = StyleValues.Table, StyleId = "TableGrid" });
    }

    private static TableBorders Borders() => new(
        new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
        new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
        new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
        new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
        new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" });

    /// <summary>
    /// The A4 section: page numbers centred in the top margin on every page but the first (a title page with an
    /// empty first-page header), as Decree 30/2020 and Guide 36-HD/VPTW ask.
    /// </summary>
    public static SectionProperties Section(MainDocumentPart main)
    {
        var first = main.AddNewPart<HeaderPart>();
        first.Header = new Header(new Paragraph());
        var numbered = main.AddNewPart<HeaderPart>();
        numbered.Header = new Header(PageNumber());
        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(numbered) },
            new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(first) },
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin { Top = MarginTop, Right = MarginRight, Bottom = MarginBottom, Left = MarginLeft, Header = HeaderDistance, Footer = HeaderDistance, Gutter = 0 },
            new TitlePage());
    }

    private static Paragraph PageNumber()
    {
        var style = new Style(Size: 26);
        return new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(RunProperties(style), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(RunProperties(style), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(RunProperties(style), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(RunProperties(style), new Text("2")),
            new Run(RunProperties(style), new FieldChar { FieldCharType = FieldCharValues.End }));
    }

    /// <summary>A table of figures: the label column, then one column per value, numbers right-aligned in Vietnamese format.</summary>
    public static Table Table(FigureTable table)
    {
        var valueCount = table.Rows.Count == 0 ? Math.Max(table.Columns.Count - 1, 1) : table.Rows.Max(r => r.Values.Count);
        var headers = table.Columns.Count == valueCount + 1 ? table.Columns : [ReportWords.Of("Reports.Doc.ContentColumn"), .. table.Columns];
        var columns = valueCount + 1;
        var labelWidth = columns == 1 ? TextWidth : TextWidth * 2 / 5;
        var valueWidth = columns == 1 ? 0 : (TextWidth - labelWidth) / (columns - 1);
        var grid = new TableGrid(Enumerable.Range(0, columns).Select(i => new GridColumn { Width = (i == 0 ? labelWidth : valueWidth).ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        var result = new Table(
            new TableProperties(new TableStyle { Val = "TableGrid" }, new TableWidth { Width = TextWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }, Borders(), new TableLayout { Type = TableLayoutValues.Fixed }),
            grid);
        result.Append(Row(headers.Take(columns).Select(h => (h, JustificationValues.Center)).ToList(), labelWidth, valueWidth, bold: true, header: true));
        foreach (var row in table.Rows)
        {
            var cells = new List<(string, JustificationValues)> { (row.Label, JustificationValues.Left) };
            cells.AddRange(Enumerable.Range(0, valueCount).Select(i => (i < row.Values.Count && row.Values[i] is { } v ? VietnameseFormat.Number(v) : "-", JustificationValues.Right)));
            result.Append(Row(cells, labelWidth, valueWidth, bold: false, header: false));
        }

        return result;
    }

    private static TableRow Row(IReadOnlyList<(string Text, JustificationValues Align)> cells, int labelWidth, int valueWidth, bool bold, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var width = (i == 0 ? labelWidth : valueWidth).ToString(System.Globalization.CultureInfo.InvariantCulture);
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = width, Type = TableWidthUnitValues.Dxa }),
                Paragraph(cells[i].Text, new Style(Bold: bold, Size: 26, Align: cells[i].Align, After: 0))));
        }

        return row;
    }
}
