using System.IO.Compression;
using System.Text;
using System.Xml;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Infrastructure;

/// <summary>
/// Finds every way an Office package (.docx, .xlsx) reaches outside itself, so a file that would make the server
/// fetch a URL or read a local file when a parser or LibreOffice opens it is refused before it is stored or used:
/// external relationships of any kind (linked images, hyperlinks, attached templates, external chart data, frames,
/// sub-documents, mail-merge sources, workbook links) and absolute targets without TargetMode; altChunk and OLE objects
/// even when embedded; fields that load or link content (INCLUDEPICTURE, INCLUDETEXT, LINK, DDE, HYPERLINK to an
/// address, ...); src/href/url attributes (VML, SVG images); data connections; and the same inside embedded packages.
/// </summary>
public static class OfficeLinks
{
    /// <summary>Field instructions that load or link content from outside the document.</summary>
    private static readonly HashSet<string> OutwardFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "IMPORT", "LINK", "DDE", "DDEAUTO", "DATABASE", "EMBED",
    };

    /// <summary>Relationship types refused even when their target is inside the package.</summary>
    private static readonly HashSet<string> OutwardRelationships = new(StringComparer.OrdinalIgnoreCase)
    {
        "oleObject", "aFChunk", "subDocument", "attachedTemplate", "frame", "externalLink", "mailMergeSource", "mailMergeHeaderSource",
    };

    private static readonly HashSet<string> AddressAttributes = new(StringComparer.OrdinalIgnoreCase) { "href", "src", "url", "connectString" };

    private const int MaxDepth = 2;
    private const int MaxFindings = 10;

    /// <summary>Bytes read in all, nested packages included, so a small nested zip cannot inflate without bound.</summary>
    private const long MaxReadBytes = 64L * 1024 * 1024;

    /// <summary>The outward references found (at most ten), each naming its part, in Vietnamese and English; empty when none.</summary>
    public static List<(string Vi, string En)> Find(byte[] file)
    {
        var found = new List<(string Vi, string En)>();
        Scan(file, string.Empty, 0, found, new long[] { MaxReadBytes });
        return found.Take(MaxFindings).ToList();
    }

    /// <param name="budget">One cell: the bytes still allowed to be read (see <see cref="MaxReadBytes"/>).</param>
    private static void Scan(byte[] file, string prefix, int depth, List<(string Vi, string En)> found, long[] budget)
    {
        using var zip = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            if (found.Count >= MaxFindings)
            {
                return;
            }

            var name = prefix + entry.FullName;
            var bytes = Read(entry, budget);
            try
            {
                if (entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                {
                    Relationships(bytes, prefix + SourcePart(entry.FullName), found);
                }
                else if (entry.FullName.EndsWith("connections.xml", StringComparison.OrdinalIgnoreCase))
                {
                    found.Add(Problem(name, new Message("Office.Link.DataConnection")));
                }
                else if (bytes.AsSpan().StartsWith("PK"u8))
                {
                    if (depth >= MaxDepth)
                    {
                        found.Add(Problem(name, new Message("Office.Link.NestedTooDeep")));
                        continue;
                    }

                    var before = found.Count;
                    try
                    {
                        Scan(bytes, name + " → ", depth + 1, found, budget);
                    }
                    catch (InvalidDataException)
                    {
                        found.Add(Problem(name, new Message("Office.Link.EmbeddedDamaged")));
                    }

                    if (found.Count > before)
                    {
                        found.Insert(before, Problem(name, new Message("Office.Link.EmbeddedOutside")));
                    }
                }
                else if (LooksLikeXml(bytes))
                {
                    Markup(bytes, name, found);
                }
            }
            catch (XmlException)
            {
                found.Add(Pair(new Message("Office.Link.Unreadable", name)));
            }
        }
    }

    private static void Relationships(byte[] xml, string part, List<(string Vi, string En)> found)
    {
        using var reader = XmlReader.Create(new MemoryStream(xml), Settings);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship")
            {
                continue;
            }

            var type = reader.GetAttribute("Type") ?? string.Empty;
            var kind = type[(type.LastIndexOf('/') + 1)..];
            var target = reader.GetAttribute("Target") ?? string.Empty;
            if (string.Equals(reader.GetAttribute("TargetMode")?.Trim(), "External", StringComparison.OrdinalIgnoreCase) || IsAddress(target))
            {
                found.Add(Problem(part, new Message("Office.Link.External", kind, Shorten(target))));
            }
            else if (OutwardRelationships.Contains(kind))
            {
                found.Add(Problem(part, new Message("Office.Link.Part", kind)));
            }
        }
    }

    private static void Markup(byte[] xml, string part, List<(string Vi, string En)> found)
    {
        using var reader = XmlReader.Create(new MemoryStream(xml), Settings);
        var instruction = new StringBuilder();
        var inInstruction = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                var word = reader.NamespaceURI.Contains("wordprocessingml", StringComparison.Ordinal);
                switch (reader.LocalName)
                {
                    case "fldChar":
                        Field(instruction.ToString(), part, found);
                        instruction.Clear();
                        break;
                    case "instrText":
                        inInstruction = !reader.IsEmptyElement;
                        break;
                    case "fldSimple":
                        Field(reader.GetAttribute("instr", reader.NamespaceURI) ?? string.Empty, part, found);
                        break;
                    case "altChunk":
                        found.Add(Problem(part, new Message("Office.Link.AltChunk")));
                        break;
                    case "OLEObject" or "oleObject":
                        found.Add(Problem(part, new Message("Office.Link.Ole")));
                        break;
                    case "frameset" or "frame" when word:
                        found.Add(Problem(part, new Message("Office.Link.Frame")));
                        break;
                    case "mailMerge" when word:
                        found.Add(Problem(part, new Message("Office.Link.MailMerge")));
                        break;
                    case "externalReference" or "externalBook":
                        found.Add(Problem(part, new Message("Office.Link.Workbook")));
                        break;
                }

                Attributes(reader, part, found);
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "instrText")
            {
                inInstruction = false;
            }
            else if (inInstruction && reader.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                instruction.Append(reader.Value);
            }
        }

        Field(instruction.ToString(), part, found);
    }

    private static void Attributes(XmlReader reader, string part, List<(string Vi, string En)> found)
    {
        if (!reader.MoveToFirstAttribute())
        {
            return;
        }

        do
        {
            var value = reader.Value.Trim();
            if (AddressAttributes.Contains(reader.LocalName) && reader.Prefix != "xmlns" && value.Length > 0 && !value.StartsWith('#'))
            {
                found.Add(Problem(part, new Message("Office.Link.Address", reader.LocalName, Shorten(value))));
            }
        }
        while (reader.MoveToNextAttribute());
        reader.MoveToElement();
    }

    private static void Field(string instruction, string part, List<(string Vi, string En)> found)
    {
        var trimmed = instruction.Trim();
        var name = new string(trimmed.TakeWhile(char.IsAsciiLetter).ToArray()).ToUpperInvariant();
        var rest = trimmed[name.Length..].TrimStart();
        // HYPERLINK \l "_Toc…" (a table of contents) stays inside the document; any other target does not.
        var outward = OutwardFields.Contains(name) || (name == "HYPERLINK" && !rest.StartsWith("\\l", StringComparison.Ordinal))
            || trimmed.Contains("://", StringComparison.Ordinal) || trimmed.Contains("file:", StringComparison.OrdinalIgnoreCase) || trimmed.Contains(@"\\\\", StringComparison.Ordinal);
        if (trimmed.Length > 0 && outward)
        {
            found.Add(Problem(part, new Message("Office.Link.Field", name)));
        }
    }

    /// <summary>An absolute address: a scheme (http:, file:, a drive letter C:) or a network path (//host, \\host).</summary>
    private static bool IsAddress(string value)
    {
        var text = value.Trim();
        if (text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith('\\'))
        {
            return true;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && text[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
    }

    /// <summary>word/_rels/document.xml.rels names word/document.xml; _rels/.rels names the package itself.</summary>
    private static string SourcePart(string rels)
    {
        var at = rels.LastIndexOf("_rels/", StringComparison.OrdinalIgnoreCase);
        var folder = at < 0 ? string.Empty : rels[..at];
        var file = rels[(at < 0 ? 0 : at + "_rels/".Length)..];
        return file == ".rels" ? (folder.Length == 0 ? "_rels/.rels" : folder) : folder + file[..^".rels".Length];
    }

    private static bool LooksLikeXml(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        span = span.TrimStart(" \t\r\n"u8);
        return span.Length > 0 && span[0] == '<';
    }

    private static byte[] Read(ZipArchiveEntry entry, long[] budget)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            budget[0] -= read;
            if (budget[0] < 0)
            {
                throw new InvalidDataException("The package unpacks to more than the links check reads");
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    private static string Shorten(string value) => value.Length > 80 ? value[..80] + "…" : value;

    private static (string Vi, string En) Problem(string part, Message what)
    {
        return Pair(new Message("Office.Link.Problem", part, what));
    }

    private static (string Vi, string En) Pair(Message message) => (message.Vietnamese, message.English);

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        MaxCharactersInDocument = 100_000_000,
    };
}
