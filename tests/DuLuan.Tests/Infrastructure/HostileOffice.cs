using System.IO.Compression;
using System.Text;

namespace DuLuan.Tests.Infrastructure;

/// <summary>
/// Office packages written part by part, each with one way of reaching outside the file: linked images over HTTP and
/// file://, an absolute target without TargetMode, INCLUDEPICTURE / INCLUDETEXT fields (the latter split over runs),
/// altChunk, a linked OLE object, an attached template, external chart data, a frame, a hyperlink, VML src/href, and
/// an embedded workbook that itself links out. Every package also holds a valid {{unit}} paragraph.
/// </summary>
public static class HostileOffice
{
    public static readonly string[] DocxKinds =
    [
        "image-http", "image-file", "image-absolute-target", "includepicture", "includetext-split", "altchunk", "ole-link",
        "attached-template", "chart-external-data", "frame", "hyperlink", "vml-src", "nested-package",
    ];

    /// <summary>The part a refusal of <paramref name="kind"/> must name.</summary>
    public static string Part(string kind) => kind switch
    {
        "attached-template" => "word/settings.xml",
        "chart-external-data" => "word/charts/chart1.xml",
        "frame" => "word/webSettings.xml",
        "nested-package" => "word/embeddings/Book1.xlsx",
        _ => "word/document.xml",
    };

    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    public static byte[] Docx(LoopbackBait bait, params string[] kinds)
    {
        var body = new StringBuilder("<w:p><w:r><w:t>{{unit}}</w:t></w:r></w:p>");
        var rels = new List<string>();
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var overrides = new List<(string Part, string Type)>();
        foreach (var kind in kinds)
        {
            switch (kind)
            {
                case "image-http":
                    body.Append(Picture("rImgHttp", 11, link: true));
                    rels.Add(Relationship("rImgHttp", "image", bait.Url("image.svg"), external: true));
                    break;
                case "image-file":
                    body.Append(Picture("rImgFile", 12, link: true));
                    rels.Add(Relationship("rImgFile", "image", bait.FileUrl("marker.svg"), external: true));
                    break;
                case "image-absolute-target":
                    body.Append(Picture("rImgAbs", 13, link: false));
                    rels.Add(Relationship("rImgAbs", "image", bait.Url("absolute.svg"), external: false));
                    break;
                case "includepicture":
                    body.Append(System.Globalization.CultureInfo.InvariantCulture, $"<w:p><w:fldSimple w:instr=\" INCLUDEPICTURE &quot;{bait.Url("field.svg")}&quot; \\d \"><w:r><w:t>pic</w:t></w:r></w:fldSimple></w:p>");
                    break;
                case "includetext-split":
                    body.Append(System.Globalization.CultureInfo.InvariantCulture, $"<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> INCLU</w:instrText></w:r><w:r><w:instrText xml:space=\"preserve\">detext &quot;{bait.FileUrl("marker.txt")}&quot; </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>old</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
                    break;
                case "altchunk":
                    body.Append("<w:altChunk r:id=\"rChunk\"/>");
                    rels.Add(Relationship("rChunk", "aFChunk", bait.FileUrl("marker.html"), external: true));
                    break;
                case "ole-link":
                    body.Append("<w:p><w:r><w:object w:dxaOrig=\"1440\" w:dyaOrig=\"1440\"><v:shape id=\"_x0000_i1025\" type=\"#_x0000_t75\" style=\"width:72pt;height:72pt\"/><o:OLEObject Type=\"Link\" ProgID=\"Word.Document.12\" ShapeID=\"_x0000_i1025\" DrawAspect=\"Content\" r:id=\"rOle\" UpdateMode=\"Always\"/></w:object></w:r></w:p>");
                    rels.Add(Relationship("rOle", "oleObject", bait.FileUrl("marker.txt"), external: true));
                    break;
                case "attached-template":
                    parts["word/settings.xml"] = $"<w:settings xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:attachedTemplate r:id=\"rTpl\"/><w:linkStyles/></w:settings>";
                    parts["word/_rels/settings.xml.rels"] = Relationships(Relationship("rTpl", "attachedTemplate", bait.Url("template.dotx"), external: true));
                    rels.Add(Relationship("rSettings", "settings", "settings.xml", external: false));
                    overrides.Add(("/word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"));
                    break;
                case "chart-external-data":
                    parts["word/charts/chart1.xml"] = "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:r=\"" + R + "\"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart><c:externalData r:id=\"rData\"><c:autoUpdate val=\"1\"/></c:externalData></c:chartSpace>";
                    parts["word/charts/_rels/chart1.xml.rels"] = Relationships(Relationship("rData", "oleObject", bait.Url("data.xlsx"), external: true));
                    rels.Add(Relationship("rChart", "chart", "charts/chart1.xml", external: false));
                    overrides.Add(("/word/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"));
                    break;
                case "frame":
                    parts["word/webSettings.xml"] = $"<w:webSettings xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:frameset><w:frame><w:name w:val=\"f1\"/><w:sourceFileName r:id=\"rFrame\"/></w:frame></w:frameset></w:webSettings>";
                    parts["word/_rels/webSettings.xml.rels"] = Relationships(Relationship("rFrame", "frame", bait.FileUrl("marker.html"), external: true));
                    rels.Add(Relationship("rWeb", "webSettings", "webSettings.xml", external: false));
                    overrides.Add(("/word/webSettings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.webSettings+xml"));
                    break;
                case "hyperlink":
                    body.Append("<w:p><w:hyperlink r:id=\"rLink\"><w:r><w:t>liên kết</w:t></w:r></w:hyperlink></w:p>");
                    rels.Add(Relationship("rLink", "hyperlink", bait.Url("page.html"), external: true));
                    break;
                case "vml-src":
                    body.Append(System.Globalization.CultureInfo.InvariantCulture, $"<w:p><w:r><w:pict><v:shape id=\"s1\" style=\"width:72pt;height:72pt\"><v:imagedata src=\"{bait.FileUrl("marker.svg")}\" o:title=\"\"/></v:shape></w:pict></w:r></w:p>");
                    break;
                case "nested-package":
                    entries["word/embeddings/Book1.xlsx"] = LinkedWorkbook(bait.FileUrl("marker.txt"));
                    rels.Add(Relationship("rBook", "package", "embeddings/Book1.xlsx", external: false));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kinds), kind, null);
            }
        }

        var document = $"<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\" xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\"><w:body>{body}</w:body></w:document>";
        var types = string.Concat(overrides.Select(o => $"<Override PartName=\"{o.Part}\" ContentType=\"{o.Type}\"/>"));
        parts["[Content_Types].xml"] = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"xlsx\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>" + types + "</Types>";
        parts["_rels/.rels"] = Relationships(Relationship("rDoc", "officeDocument", "word/document.xml", external: false));
        parts["word/document.xml"] = document;
        parts["word/_rels/document.xml.rels"] = Relationships([.. rels]);
        return Zip(parts, entries);
    }

    /// <summary>A one-sheet workbook whose sheet carries an external hyperlink and whose workbook links to another file.</summary>
    public static byte[] LinkedWorkbook(string target) => Zip(
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["[Content_Types].xml"] = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>",
            ["_rels/.rels"] = Relationships(Relationship("rId1", "officeDocument", "xl/workbook.xml", external: false)),
            ["xl/workbook.xml"] = $"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"{R}\"><sheets><sheet name=\"survey\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            ["xl/_rels/workbook.xml.rels"] = Relationships(Relationship("rId1", "worksheet", "worksheets/sheet1.xml", external: false)),
            ["xl/worksheets/sheet1.xml"] = $"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"{R}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>type</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>name</t></is></c></row></sheetData><hyperlinks><hyperlink ref=\"A1\" r:id=\"rLink\"/></hyperlinks></worksheet>",
            ["xl/worksheets/_rels/sheet1.xml.rels"] = Relationships(Relationship("rLink", "hyperlink", target, external: true)),
        },
        []);

    private static string Picture(string id, int n, bool link) =>
        $"<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"3600000\" cy=\"360000\"/><wp:docPr id=\"{n}\" name=\"p{n}\"/><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"p{n}\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip {(link ? "r:link" : "r:embed")}=\"{id}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"3600000\" cy=\"360000\"/></a:xfrm><a:prstGeom prst=\"rect\"/></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>";

    private static string Relationship(string id, string type, string target, bool external) =>
        $"<Relationship Id=\"{id}\" Type=\"{(type == "officeDocument" || !type.Contains(':', StringComparison.Ordinal) ? Rel + type : type)}\" Target=\"{System.Security.SecurityElement.Escape(target)}\"{(external ? " TargetMode=\"External\"" : string.Empty)}/>";

    private static string Relationships(params string[] relationships) =>
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + string.Concat(relationships) + "</Relationships>";

    private static byte[] Zip(Dictionary<string, string> parts, Dictionary<string, byte[]> entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
                writer.Write(text);
            }

            foreach (var (name, bytes) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(bytes);
            }
        }

        return stream.ToArray();
    }
}
