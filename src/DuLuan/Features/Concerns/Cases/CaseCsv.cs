using System.Globalization;
using CsvHelper;
using DuLuan.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// The case list as CSV (UTF-8 with BOM so spreadsheet programs read Vietnamese), in the request's language and office
/// time. A cell that starts with = + - @ (or a tab or carriage return) is escaped, so no spreadsheet runs it as a formula.
/// </summary>
public static class CaseCsv
{
    public static byte[] Write(IEnumerable<CaseListRow> rows, Func<CaseListRow, string?> categoryName, OfficeTime office, IStringLocalizer l)
    {
        using var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true))
        {
            foreach (var header in new[] { "Cases.Csv.Id", "Concerns.Field.Title", "Concerns.Field.Status", "Concerns.Field.Category", "Cases.Field.Agency", "Cases.Csv.Place", "Cases.Field.Severity", "Cases.Csv.Created", "Cases.Field.Due", "Cases.Csv.Answered", "Cases.Overdue" })
            {
                csv.WriteField(l[header].Value);
            }

            csv.EndRecord();
            foreach (var row in rows)
            {
                csv.WriteField(row.Id.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(row.Title);
                csv.WriteField(l["Cases.Status." + row.Status].Value);
                csv.WriteField(categoryName(row) ?? string.Empty);
                csv.WriteField(row.Agency ?? string.Empty);
                csv.WriteField(row.Unit);
                csv.WriteField(l["Cases.Severity." + row.Severity].Value);
                csv.WriteField(office.Text(row.CreatedAt));
                csv.WriteField(office.Text(row.DueAt, string.Empty));
                csv.WriteField(office.Text(row.AnsweredAt, string.Empty));
                csv.WriteField(row.Overdue ? l["Cases.Csv.Yes"].Value : string.Empty);
                csv.EndRecord();
            }
        }

        return output.ToArray();
    }
}
