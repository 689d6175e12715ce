using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DuLuan.Infrastructure.Reporting;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DuLuan.Features.Reports.Documents;

/// <summary>
/// Native Word charts (a chart part per chart) so staff can restyle them in Word or LibreOffice. The series carry
/// their values in the chart's caches, which both programs draw from.
/// </summary>
public static class DocxCharts
{
    private const long Width = 5_760_000; // 16 cm in EMU
    private const long Height = 3_240_000; // 9 cm
    private static readonly string[] Colours = ["1F4E79", "C00000", "548235", "BF8F00", "7030A0", "2E75B6"];

    /// <summary>A centred paragraph holding the chart, its part added to <paramref name="main"/>.</summary>
    public static W.Paragraph Paragraph(MainDocumentPart main, FigureChart chart, uint drawingId)
    {
        var part = main.AddNewPart<ChartPart>();
        part.ChartSpace = ChartSpace(chart);
        var inline = new DW.Inline(
            new DW.Extent { Cx = Width, Cy = Height },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = drawingId, Name = ReportWords.Of("Reports.Doc.ChartName", drawingId.ToString(CultureInfo.InvariantCulture)), Description = chart.Title },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = main.GetIdOfPart(part) }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 };
        return new W.Paragraph(
            new W.ParagraphProperties(new W.KeepNext(), new W.Justification { Val = W.JustificationValues.Center }),
            new W.Run(new W.Drawing(inline)));
    }

    private static C.ChartSpace ChartSpace(FigureChart chart)
    {
        OpenXmlCompositeElement plot = chart.Kind switch
        {
            ChartKind.Pie => new C.PieChart(new C.VaryColors { Val = true }),
            ChartKind.Line => new C.LineChart(new C.Grouping { Val = C.GroupingValues.Standard }, new C.VaryColors { Val = false }),
            _ => new C.BarChart(new C.BarDirection { Val = C.BarDirectionValues.Column }, new C.BarGrouping { Val = C.BarGroupingValues.Clustered }, new C.VaryColors { Val = false }),
        };
        var series = chart.Kind == ChartKind.Pie ? chart.Series.Take(1).ToList() : chart.Series.ToList();
        for (var i = 0; i < series.Count; i++)
        {
            plot.Append(Series(chart.Kind, (uint)i, series[i], chart.Labels));
        }

        var plotArea = new C.PlotArea(new C.Layout());
        switch (plot)
        {
            case C.BarChart bar:
                bar.Append(new C.GapWidth { Val = 150 }, new C.AxisId { Val = 1 }, new C.AxisId { Val = 2 });
                break;
            case C.LineChart line:
                line.Append(new C.ShowMarker { Val = true }, new C.AxisId { Val = 1 }, new C.AxisId { Val = 2 });
                break;
            case C.PieChart pie:
                pie.Append(new C.FirstSliceAngle { Val = 0 });
                break;
        }

        plotArea.Append(plot);
        if (chart.Kind != ChartKind.Pie)
        {
            plotArea.Append(
                new C.CategoryAxis(new C.AxisId { Val = 1 }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }), new C.Delete { Val = false },
                    new C.AxisPosition { Val = C.AxisPositionValues.Bottom }, new C.NumberingFormat { FormatCode = "General", SourceLinked = true },
                    new C.MajorTickMark { Val = C.TickMarkValues.Outside }, new C.MinorTickMark { Val = C.TickMarkValues.None }, new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                    new C.CrossingAxis { Val = 2 }, new C.Crosses { Val = C.CrossesValues.AutoZero }, new C.AutoLabeled { Val = true },
                    new C.LabelAlignment { Val = C.LabelAlignmentValues.Center }, new C.LabelOffset { Val = 100 }, new C.NoMultiLevelLabels { Val = false }),
                new C.ValueAxis(new C.AxisId { Val = 2 }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }, new C.MinAxisValue { Val = 0 }), new C.Delete { Val = false },
                    new C.AxisPosition { Val = C.AxisPositionValues.Left }, new C.MajorGridlines(), new C.NumberingFormat { FormatCode = "#,##0", SourceLinked = false },
                    new C.MajorTickMark { Val = C.TickMarkValues.Outside }, new C.MinorTickMark { Val = C.TickMarkValues.None }, new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                    new C.CrossingAxis { Val = 1 }, new C.Crosses { Val = C.CrossesValues.AutoZero }, new C.CrossBetween { Val = C.CrossBetweenValues.Between }));
        }

        return new C.ChartSpace(
            new C.Date1904 { Val = false },
            new C.EditingLanguage { Val = "vi-VN" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                new C.Title(new C.ChartText(new C.RichText(
                    new A.BodyProperties(), new A.ListStyle(),
                    new A.Paragraph(new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = 1200, Bold = true }), new A.Run(TextRun(1200, bold: true), new A.Text(chart.Title))))),
                    new C.Overlay { Val = false }),
                new C.AutoTitleDeleted { Val = false },
                plotArea,
                new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }),
            new C.TextProperties(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph(new A.ParagraphProperties(new A.DefaultRunProperties(new A.LatinFont { Typeface = Docx.Font }, new A.ComplexScriptFont { Typeface = Docx.Font }) { FontSize = 1000 }), new A.EndParagraphRunProperties { Language = "vi-VN" })));
    }

    private static A.RunProperties TextRun(int size, bool bold) =>
        new(new A.LatinFont { Typeface = Docx.Font }, new A.ComplexScriptFont { Typeface = Docx.Font }) { Language = "vi-VN", FontSize = size, Bold = bold };

    private static OpenXmlCompositeElement Series(ChartKind kind, uint index, ChartSeries series, IReadOnlyList<string> labels)
    {
        var column = ((char)('B' + (int)Math.Min(index, 23))).ToString();
        var name = new C.SeriesText(new C.StringReference(new C.Formula($"Sheet1!${column}$1"), new C.StringCache(new C.PointCount { Val = 1 }, new C.StringPoint(new C.NumericValue(series.Name)) { Index = 0 })));
        var count = (uint)Math.Min(labels.Count, series.Values.Count);
        var last = (count + 1).ToString(CultureInfo.InvariantCulture);
        var categories = new C.CategoryAxisData(new C.StringReference(new C.Formula($"Sheet1!$A$2:$A${last}"),
            new C.StringCache(new[] { new C.PointCount { Val = count } }.Cast<OpenXmlElement>().Concat(Enumerable.Range(0, (int)count).Select(i => new C.StringPoint(new C.NumericValue(labels[i])) { Index = (uint)i })))));
        var values = new C.Values(new C.NumberReference(new C.Formula($"Sheet1!${column}$2:${column}${last}"),
            new C.NumberingCache(new OpenXmlElement[] { new C.FormatCode("General"), new C.PointCount { Val = count } }.Concat(Enumerable.Range(0, (int)count)
                .Select(i => new C.NumericPoint(new C.NumericValue(series.Values[i].ToString("R", CultureInfo.InvariantCulture))) { Index = (uint)i })))));
        var fill = new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = Colours[index % Colours.Length] }));
        return kind switch
        {
            ChartKind.Pie => new C.PieChartSeries(new OpenXmlElement[] { new C.Index { Val = index }, new C.Order { Val = index }, name }
                .Concat(Enumerable.Range(0, (int)count).Select(i => new C.DataPoint(new C.Index { Val = (uint)i }, new C.Bubble3D { Val = false },
                    new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = Colours[i % Colours.Length] })))))
                .Append(new C.DataLabels(new C.ShowLegendKey { Val = false }, new C.ShowValue { Val = false }, new C.ShowCategoryName { Val = false },
                    new C.ShowSeriesName { Val = false }, new C.ShowPercent { Val = true }, new C.ShowBubbleSize { Val = false }, new C.ShowLeaderLines { Val = true }))
                .Append(categories).Append(values)),
            ChartKind.Line => new C.LineChartSeries(new C.Index { Val = index }, new C.Order { Val = index }, name,
                new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = Colours[index % Colours.Length] })) { Width = 28575 }),
                new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.Circle }), categories, values, new C.Smooth { Val = false }),
            _ => new C.BarChartSeries(new C.Index { Val = index }, new C.Order { Val = index }, name, fill, new C.InvertIfNegative { Val = false }, categories, values),
        };
    }
}
