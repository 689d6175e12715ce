using System.Globalization;
using System.IO.Compression;
using System.Text;
using DuLuan.Tests.Surveys;

namespace DuLuan.Tests.Trust;

/// <summary>Hostile files for the importers: XLSForm workbooks and platform metrics CSVs.</summary>
public sealed partial class Hostile
{
    private static readonly string[] XlsTypes =
    [
        "text", "integer", "decimal", "date", "note", "select_one yn", "select_multiple yn", "select_one missing", "begin_group", "end_group",
        "begin group", "end group", "begin_repeat", "calculate", "start", "end", "geopoint", "image", "select_one_from_file x.csv", "rank yn", "",
    ];

    private static readonly string[] XlsHeaders =
    [
        "type", "name", "label", "label::Vietnamese (vi)", "label::English (en)", "hint", "required", "relevant", "constraint",
        "constraint_message", "appearance", "choice_filter", "calculation", "default", "read_only", "label::", "label::x (", "$kuid",
    ];

    private static readonly string[] Expressions =
    [
        "${q1} = 'yes'", "${q1} = 'yes' and ${q2} > 3", "selected(${q2}, 'yes')", ". >= 15 and . <= 120", "string-length(.) <= 200",
        "${q1", "${nothing} = 1", "((((((((((1))))))))))", string.Concat(Enumerable.Repeat("(", 2000)), "today() > date('2026-02-30')",
        "1 div 0", "count-selected(${q2}) > 9999999999999999999", "regex(., '(a+)+$')", "${q1} = 'a' or ${q1} = 'b' or ${q1} = 'c'",
    ];

    /// <summary>An .xlsx upload: a valid XLSForm with hostile cells, a damaged workbook, a hand-made zip or random bytes.</summary>
    public (byte[] Bytes, string Kind) Xlsx()
    {
        switch (random.Next(10))
        {
            case 0:
                return (Enumerable.Range(0, random.Next(0, 4000)).Select(_ => (byte)random.Next(256)).ToArray(), "random bytes");
            case 1:
                {
                    var valid = Form();
                    if (valid.Length < 2)
                    {
                        return (valid, "tiny file");
                    }

                    var bytes = valid.ToArray();
                    for (var i = random.Next(1, 40); i > 0; i--)
                    {
                        bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    }

                    return (bytes, "byte-flipped workbook");
                }

            case 2:
                {
                    var valid = Form();
                    return (valid.Length < 2 ? valid : valid[..random.Next(1, valid.Length)], "truncated workbook");
                }

            case 3:
                return (HandMadeZip(), "hand-made zip");
            default:
                return (Form(), "XLSForm with hostile cells");
        }
    }

    private byte[] Form()
    {
        string Cell() => random.Next(4) switch
        {
            0 => Value(),
            1 => Random(random.Next(1, 30)),
            _ => "q" + random.Next(6).ToString(CultureInfo.InvariantCulture),
        };

        var headers = random.Next(5) == 0
            ? Enumerable.Range(0, random.Next(1, 8)).Select(_ => random.Next(3) == 0 ? Value() : XlsHeaders[random.Next(XlsHeaders.Length)]).ToArray()
            : ["type", "name", "label::Vietnamese (vi)", "label::English (en)", "required", "relevant", "constraint"];
        var rows = new List<string[]> { headers };
        for (var r = random.Next(0, 12); r > 0; r--)
        {
            rows.Add(
            [
                random.Next(5) == 0 ? Value() : XlsTypes[random.Next(XlsTypes.Length)],
                random.Next(4) == 0 ? Cell() : "q" + random.Next(8).ToString(CultureInfo.InvariantCulture),
                Cell(), Cell(),
                random.Next(3) == 0 ? Value() : "yes",
                random.Next(2) == 0 ? Expressions[random.Next(Expressions.Length)] : random.Next(3) == 0 ? Value() : string.Empty,
                random.Next(2) == 0 ? Expressions[random.Next(Expressions.Length)] : string.Empty,
            ]);
        }

        var choices = new List<string[]> { random.Next(6) == 0 ? [Value(), Value()] : ["list_name", "name", "label::Vietnamese (vi)", "label::English (en)"] };
        for (var r = random.Next(0, 8); r > 0; r--)
        {
            choices.Add([random.Next(4) == 0 ? Value() : "yn", random.Next(3) == 0 ? Value() : random.Next(2) == 0 ? "yes" : "no", Cell(), Cell()]);
        }

        var sheets = new List<(string, string[][])>();
        if (random.Next(10) > 0)
        {
            sheets.Add((random.Next(10) == 0 ? Random(random.Next(1, 31)) : "survey", [.. rows]));
        }

        if (random.Next(5) > 0)
        {
            sheets.Add(("choices", [.. choices]));
        }

        if (random.Next(2) == 0)
        {
            sheets.Add(("settings", [["form_title", "form_id", "version", "default_language"], [Value(), Cell(), Number(), random.Next(2) == 0 ? "Vietnamese (vi)" : Value()]]));
        }

        try
        {
            return Surveys.Xlsx.Build([.. sheets]);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.Xml.XmlException)
        {
            // OpenXml refuses some sheet names or characters itself; such a file cannot be made, send bytes instead.
            return Encoding.UTF8.GetBytes(Value());
        }
    }

    /// <summary>A zip with workbook parts written by hand: entity expansion, DTDs, absurd cell references, missing parts.</summary>
    private byte[] HandMadeZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Entry(string name, string text)
            {
                using var write = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                write.Write(text);
            }

            if (random.Next(4) > 0)
            {
                Entry("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
            }

            if (random.Next(4) > 0)
            {
                Entry("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            }

            if (random.Next(4) > 0)
            {
                Entry("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"" + (random.Next(5) == 0 ? "../../../../etc/passwd" : "worksheets/sheet1.xml") + "\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            }

            var sheetName = random.Next(4) == 0 ? System.Security.SecurityElement.Escape(Value()) : "survey";
            if (random.Next(5) > 0)
            {
                Entry("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"" + sheetName + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            }

            var strings = random.Next(5) switch
            {
                0 => "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&d;</t></si></sst>",
                1 => "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&x;</t></si></sst>",
                2 => "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>" + Value() + "</t></si>",
                _ => "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>type</t></si><si><t>name</t></si><si><t>" + System.Security.SecurityElement.Escape(Value()) + "</t></si></sst>",
            };
            Entry("xl/sharedStrings.xml", strings);
            string Reference() => random.Next(4) switch
            {
                0 => "XFD1048576",
                1 => Random(random.Next(1, 12)).Replace("\"", string.Empty, StringComparison.Ordinal),
                2 => "A" + random.NextInt64().ToString(CultureInfo.InvariantCulture),
                _ => "A" + random.Next(1, 6).ToString(CultureInfo.InvariantCulture),
            };
            var cells = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => random.Next(3) switch
            {
                0 => $"<c r=\"{System.Security.SecurityElement.Escape(Reference())}\" t=\"s\"><v>{(random.Next(2) == 0 ? random.Next(-3, 5).ToString(CultureInfo.InvariantCulture) : "99999999999")}</v></c>",
                1 => $"<c r=\"{System.Security.SecurityElement.Escape(Reference())}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(Value())}</t></is></c>",
                _ => $"<c r=\"{System.Security.SecurityElement.Escape(Reference())}\" t=\"{System.Security.SecurityElement.Escape(Value())}\"><v>{System.Security.SecurityElement.Escape(Number())}</v></c>",
            }));
            var sheet = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"{(random.Next(3) == 0 ? Number() : "1")}\">{cells}</row></sheetData></worksheet>";
            Entry("xl/worksheets/sheet1.xml", random.Next(6) == 0 && sheet.Length > 2 ? sheet[..random.Next(1, sheet.Length)] : sheet);
        }

        return stream.ToArray();
    }

    private static readonly string[] MetricHeaders = ["Post ID", "Mã bài viết", "Date", "Ngày", "Views", "Lượt xem", "Reach", "Reactions", "Comments", "Bình luận", "Shares", "Link clicks", "id", ""];

    /// <summary>A platform metrics export: right or wrong headers, hostile cells, numbers both ways, invalid UTF-8.</summary>
    public (byte[] Bytes, string Kind) MetricsCsv(string postKey)
    {
        switch (random.Next(8))
        {
            case 0:
                return (Enumerable.Range(0, random.Next(0, 3000)).Select(_ => (byte)random.Next(256)).ToArray(), "random bytes");
            case 1:
                return (Encoding.UTF8.GetBytes(Csv("Post ID,Date,Views,Reach,Reactions,Comments,Shares,Link clicks", 8)), "hostile cells");
            case 2:
                // A valid export (Vietnamese headers and numbers), so the store path runs under the fuzzer too.
                return (Encoding.UTF8.GetBytes("Mã bài viết;Ngày;Lượt xem;Lượt tiếp cận\n" + string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ =>
                    $"{postKey};{new DateOnly(2026, 1, 1).AddDays(random.Next(0, 330)):yyyy-MM-dd};{random.Next(0, 2_000_000):N0};{random.Next(0, 1000)}\n".Replace(",", ".", StringComparison.Ordinal)))), "valid export");
        }

        var separator = random.Next(4) == 0 ? ";" : ",";
        var header = random.Next(5) == 0
            ? string.Join(separator, Enumerable.Range(0, random.Next(1, 9)).Select(_ => random.Next(3) == 0 ? Value().Replace("\n", " ", StringComparison.Ordinal) : MetricHeaders[random.Next(MetricHeaders.Length)]))
            : string.Join(separator, "Post ID", "Date", "Views", "Reach", "Reactions", "Comments", "Shares", "Link clicks");
        var builder = new StringBuilder(header).Append('\n');
        string Count() => random.Next(6) switch
        {
            0 => Number(),
            1 => "1.517.792",
            2 => "1,517,792",
            3 => string.Empty,
            _ => random.Next(0, 100_000).ToString(CultureInfo.InvariantCulture),
        };
        for (var r = random.Next(0, 15); r > 0; r--)
        {
            var key = random.Next(3) > 0 ? postKey : Number();
            var day = random.Next(4) > 0 ? new DateOnly(2026, 1, 1).AddDays(random.Next(0, 330)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Value();
            var cells = new[] { key, day, Count(), Count(), Count(), Count(), Count(), Count() }
                .Select(c => c.Contains(separator, StringComparison.Ordinal) || c.Contains('"', StringComparison.Ordinal) || c.Contains('\n', StringComparison.Ordinal) ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c);
            builder.Append(string.Join(separator, cells)).Append(random.Next(3) == 0 ? "\r\n" : "\n");
        }

        var bytes = Encoding.UTF8.GetBytes(builder.ToString());
        if (random.Next(10) == 0)
        {
            bytes = [.. Encoding.UTF8.GetPreamble(), .. bytes];
        }

        if (random.Next(10) == 0 && bytes.Length > 0)
        {
            bytes[random.Next(bytes.Length)] = 0xC3;
        }

        return (bytes, "metrics export");
    }
}
