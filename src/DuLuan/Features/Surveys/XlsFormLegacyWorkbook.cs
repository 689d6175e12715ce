using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace DuLuan.Features.Surveys;

/// <summary>
/// Legacy Excel 97–2003 (.xls, BIFF) workbooks through ExcelDataReader, with the limits of the .xlsx reader. BIFF is
/// not compressed, so the 10 MB file cap bounds what is read; a damaged file's parser errors become one clear refusal,
/// and a loop in a crafted file stops at a cap on the rows walked. Macros (VBA streams) are never read.
/// </summary>
internal static class XlsFormLegacyWorkbook
{
    private const int MaxSheets = 50;
    private const int MaxRowsWalked = 200_000;

    static XlsFormLegacyWorkbook()
    {
        // BIFF strings older than Excel 97 are in Windows code pages, which .NET only knows through this provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static Dictionary<string, XlsSheet>? Read(byte[] file, List<XlsFormIssue> errors)
    {
        try
        {
            using var stream = new MemoryStream(file, writable: false);
            using var reader = ExcelReaderFactory.CreateBinaryReader(stream, new ExcelReaderConfiguration { FallbackEncoding = Encoding.GetEncoding(1252), LeaveOpen = true });
            var sheets = new Dictionary<string, XlsSheet>(StringComparer.OrdinalIgnoreCase);
            var walked = 0;
            var sheetCount = 0;
            do
            {
                if (++sheetCount > MaxSheets)
                {
                    errors.Add(XlsFormWorkbook.Issue("—", 0, null, "Surveys.Xls.TooManySheets", MaxSheets));
                    return null;
                }

                var name = reader.Name?.Trim() ?? string.Empty;
                var builder = new XlsSheetBuilder(name, errors);
                var number = 0;
                while (reader.Read())
                {
                    number++;
                    if (++walked > MaxRowsWalked)
                    {
                        errors.Add(XlsFormWorkbook.Issue(name, number, null, "Surveys.Xls.TooManyRows", XlsFormWorkbook.MaxRows));
                        return null;
                    }

                    var values = new Dictionary<int, string>();
                    for (var column = 0; column < reader.FieldCount; column++)
                    {
                        if (reader.GetValue(column) is { } value && !builder.Cell(number, column, Text(value), values))
                        {
                            return null;
                        }
                    }

                    if (!builder.Row(number, values))
                    {
                        return null;
                    }
                }

                if (name.Length > 0 && !sheets.ContainsKey(name))
                {
                    sheets[name] = builder.Build();
                }
            }
            while (reader.NextResult());

            return sheets;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // ExcelDataReader reports a damaged or encrypted BIFF file with many exception types (its own, IO, index,
            // argument...); the file came from a user, so each of them is the same refusal, never a server error.
            errors.Add(XlsFormWorkbook.Issue("—", 0, null, "Surveys.Xls.UnreadableXls", e.GetType().Name));
            return null;
        }
    }

    private static string Text(object value) => value switch
    {
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
