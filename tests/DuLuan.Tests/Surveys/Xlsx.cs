using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DuLuan.Tests.Surveys;

/// <summary>Builds real .xlsx files for the tests with OpenXml, strings in the shared string table as Excel writes them.</summary>
internal static class Xlsx
{
    public static byte[] Build(params (string Sheet, string[][] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var list = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Length; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        var text = rows[r][c];
                        if (string.IsNullOrEmpty(text))
                        {
                            continue;
                        }

                        if (!index.TryGetValue(text, out var at))
                        {
                            at = index[text] = index.Count;
                            strings.SharedStringTable.AppendChild(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(text)));
                        }

                        row.AppendChild(new Cell { CellReference = Column(c) + (r + 1).ToString(CultureInfo.InvariantCulture), DataType = CellValues.SharedString, CellValue = new CellValue(at.ToString(CultureInfo.InvariantCulture)) });
                    }

                    data.AppendChild(row);
                }

                part.Worksheet = new Worksheet(data);
                list.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }
        }

        return stream.ToArray();
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : "A" + (char)('A' + index - 26);

    /// <summary>A zip whose one entry unpacks to <paramref name="megabytes"/> MB of zeros: a small zip bomb.</summary>
    public static byte[] ZipBomb(int megabytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize);
            using var write = entry.Open();
            var block = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++)
            {
                write.Write(block);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A KoboToolbox-style form: two languages, groups, metadata, numeric choice names, an 'or' and a choice filter.</summary>
    public static byte[] Kobo() => Build(
        ("survey",
        [
            ["type", "name", "label::Vietnamese (vi)", "label::English (en)", "hint::Vietnamese (vi)", "hint::English (en)", "required", "relevant", "constraint", "constraint_message::Vietnamese (vi)", "constraint_message::English (en)", "appearance", "choice_filter", "$kuid"],
            ["start", "start", "", "", "", "", "", "", "", "", "", "", "", "k1"],
            ["end", "end", "", "", "", "", "", "", "", "", "", "", "", "k2"],
            ["begin_group", "g_info", "Thông tin chung", "General information", "", "", "", "", "", "", "", "field-list", "", "k3"],
            ["select_one yesno", "used", "Bạn đã dùng dịch vụ công trực tuyến chưa?", "Have you used online public services?", "", "", "yes", "", "", "", "", "", "", "k4"],
            ["select_multiple purposes", "purpose", "Bạn dùng cho việc gì?", "What for?", "Chọn mọi ý đúng", "Pick all that apply", "", "${used} = '1'", "", "", "", "minimal", "", "k5"],
            ["integer", "age", "Tuổi", "Age", "", "", "true", "", ". >= 15 and . <= 120", "Tuổi từ 15 đến 120", "Age from 15 to 120", "", "", "k6"],
            ["text", "other_purpose", "Việc khác", "Other purpose", "", "", "", "selected(${purpose}, 'other') and ${age} > 17", "string-length(.) <= 200", "", "", "", "", "k7"],
            ["end_group", "", "", "", "", "", "", "", "", "", "", "", "", "k8"],
            ["begin group", "g_more", "Thêm", "More", "", "", "", "${used} != ''", "", "", "", "", "", "k9"],
            ["calculate", "calc", "", "", "", "", "", "", "", "", "", "", "", "k10"],
            ["select_one district", "district", "Quận", "District", "", "", "", "${used} = '1' or ${age} > 60", "", "", "", "", "used=${used}", "k11"],
            ["date", "when", "Lần gần nhất", "Last time", "", "", "", "", ". >= date('2020-01-01') and . <= today()", "", "", "", "", "k12"],
            ["note", "thanks", "Cảm ơn", "Thanks", "", "", "", "", "", "", "", "", "", "k13"],
            ["end group", "", "", "", "", "", "", "", "", "", "", "", "", "k14"],
        ]),
        ("choices",
        [
            ["list_name", "name", "label::Vietnamese (vi)", "label::English (en)", "used"],
            ["yesno", "1", "Có", "Yes", ""],
            ["yesno", "0", "Không", "No", ""],
            ["purposes", "birth", "Khai sinh", "Birth registration", ""],
            ["purposes", "land", "Đất đai", "Land", ""],
            ["purposes", "other", "Khác", "Other", ""],
            ["district", "hai_chau", "Hải Châu", "Hai Chau", "1"],
            ["district", "son_tra", "Sơn Trà", "Son Tra", "1"],
        ]),
        ("settings",
        [
            ["form_title", "form_id", "version", "default_language"],
            ["Khảo sát dịch vụ công", "dvc_2026", "2026120101", "Vietnamese (vi)"],
        ]));
}
