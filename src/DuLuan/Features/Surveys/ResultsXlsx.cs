using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DuLuan.Features.Surveys;

/// <summary>
/// The results as an .xlsx workbook, labels in the report's language: one row per option (all
/// units), per mean, per unit cell and per cross-tab cell, as the CSV. Text is stored as inline
/// strings (never as formulas); hidden cells read "ẩn" / "hidden".
/// </summary>
public static class ResultsXlsx
{
    public static byte[] Build(ResultsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var row = 0u;
            void Add(params object?[] cells)
            {
                row++;
                var r = new Row { RowIndex = row };
                for (var c = 0; c < cells.Length; c++)
                {
                    var reference = Column(c) + row.ToString(CultureInfo.InvariantCulture);
                    r.Append(cells[c] switch
                    {
                        null => new Cell { CellReference = reference },
                        double d when double.IsFinite(d) => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(Math.Round(d, 4).ToString("R", CultureInfo.InvariantCulture)) },
                        int i => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)) },
                        var v => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Clean(Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty)) { Space = SpaceProcessingModeValues.Preserve }) },
                    });
                }

                data.Append(r);
            }

            var all = SurveyResults.Say(report.Language, "Surveys.Export.All");
            var hidden = SurveyResults.Say(report.Language, "Surveys.Export.Hidden");
            Add(report.Title);
            Add(report.WeightNote, report.Filter);
            Add(SurveyResults.Say(report.Language, "Surveys.Export.XlsxColumns").Split('|'));
            foreach (var q in report.Questions)
            {
                foreach (var o in q.Options)
                {
                    Add(q.Label, q.Key, o.Label, all, o.Count is { } n ? n : hidden, o.Percent, o.Margin, o.DesignEffect, o.Summary);
                }

                if (q.Mean is { } mean)
                {
                    Add(q.Label, q.Key, SurveyResults.Say(report.Language, "Surveys.Export.Mean"), all, q.Answered is { } answered ? answered : hidden, mean.Estimate, mean.Margin, mean.DesignEffect, mean.Summary);
                }

                foreach (var unit in q.ByUnit)
                {
                    for (var i = 0; i < q.Options.Count; i++)
                    {
                        var cell = unit.Cells[i];
                        Add(q.Label, q.Key, q.Options[i].Label, unit.Unit, cell.Count is { } n ? n : hidden, cell.Percent, cell.Margin, null, null);
                    }
                }

                foreach (var group in q.CrossTab ?? [])
                {
                    for (var i = 0; i < q.Options.Count; i++)
                    {
                        var cell = group.Cells[i];
                        Add(q.Label, q.Key, q.Options[i].Label, group.Label, cell.Count is { } n ? n : hidden, cell.Percent, cell.Margin, null, null);
                    }
                }
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SurveyResults.Say(report.Language, "Surveys.Export.Sheet") }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static string Column(int index)
    {
        var name = string.Empty;
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>XML cannot hold most control characters; a cell holds at most 32,767 characters.</summary>
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch >= ' ' || ch is '\t' or '\n' or '\r')
            {
                builder.Append(ch);
            }
        }

        return builder.Length > 32_767 ? builder.ToString(0, 32_767) : builder.ToString();
    }
}
