using System.Text;
using System.Text.Json;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Units;

/// <summary>
/// Reads administrative units from the official JSON list (provinces with their "Wards") or from a
/// CSV with the columns code,name,kind,parent_code. Throws <see cref="UnitImportException"/> with a
/// line and field on the first problem; nothing is written here.
/// </summary>
public static class UnitFileReader
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static IReadOnlyList<UnitImportRow> Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new UnitImportException(new Message("Units.Import.FileNotFound", path));
        }

        if (info.Length > MaxBytes)
        {
            throw new UnitImportException(new Message("Units.Import.FileTooLarge", info.Length, MaxBytes));
        }

        return Parse(File.ReadAllBytes(path), Path.GetExtension(path));
    }

    public static IReadOnlyList<UnitImportRow> Parse(byte[] bytes, string extension)
    {
        var text = Decode(bytes);
        var trimmed = text.TrimStart();
        var isJson = extension.Equals(".json", StringComparison.OrdinalIgnoreCase)
            || (extension.Length == 0 && trimmed.StartsWith('['));
        return isJson ? ParseJson(text) : UnitCsvReader.Parse(text);
    }

    private static string Decode(byte[] bytes)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var line = 1 + bytes.AsSpan(start, Math.Max(0, e.Index)).Count((byte)'\n');
            throw new UnitImportException(new Message("Units.Import.NotUtf8", line));
        }
    }

    private static List<UnitImportRow> ParseJson(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            throw new UnitImportException(new Message("Units.Import.BadJson", line, e.Message));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new UnitImportException(new Message("Units.Import.NotArray"));
            }

            var rows = new List<UnitImportRow>();
            var index = 0;
            foreach (var province in document.RootElement.EnumerateArray())
            {
                index++;
                var code = RequiredString(province, "Code", new Message("Units.Import.ProvinceAt", index));
                rows.Add(new UnitImportRow(index, code, NameOf(province, new Message("Units.Import.Province", code)), UnitKind.Province, null));
                if (province.TryGetProperty("Wards", out var wards) && wards.ValueKind == JsonValueKind.Array)
                {
                    foreach (var ward in wards.EnumerateArray())
                    {
                        var wardCode = RequiredString(ward, "Code", new Message("Units.Import.CommuneOf", code));
                        rows.Add(new UnitImportRow(index, wardCode, NameOf(ward, new Message("Units.Import.Commune", wardCode)), UnitKind.Commune, code));
                    }
                }
            }

            return rows;
        }
    }

    private static string NameOf(JsonElement element, Message where)
        => element.TryGetProperty("FullName", out var full) && full.ValueKind == JsonValueKind.String && full.GetString() is { Length: > 0 } f
            ? f
            : RequiredString(element, "Name", where);

    private static string RequiredString(JsonElement element, string field, Message where)
    {
        if (element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty(field, out var value)
            && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } s
            && !string.IsNullOrWhiteSpace(s))
        {
            return s.Trim();
        }

        throw new UnitImportException(new Message("Units.Import.MissingField", where, field));
    }
}
