using System.Text;
using System.Text.Json;

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
            throw new UnitImportException($"Không tìm thấy tệp '{path}' / File not found.");
        }

        if (info.Length > MaxBytes)
        {
            throw new UnitImportException($"Tệp quá lớn ({info.Length:N0} byte, tối đa {MaxBytes:N0}) / File too large.");
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
            throw new UnitImportException($"Dòng {line}: tệp không phải UTF-8 hợp lệ, hãy lưu lại với mã UTF-8 / Line {line}: the file is not valid UTF-8; save it as UTF-8.");
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
            throw new UnitImportException($"Dòng {line}: JSON không hợp lệ ({e.Message}) / Line {line}: invalid JSON.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new UnitImportException("Dòng 1: cần một danh sách (mảng) các tỉnh / Line 1: expected an array of provinces.");
            }

            var rows = new List<UnitImportRow>();
            var index = 0;
            foreach (var province in document.RootElement.EnumerateArray())
            {
                index++;
                var code = RequiredString(province, "Code", $"tỉnh thứ {index}");
                rows.Add(new UnitImportRow(index, code, NameOf(province, $"tỉnh {code}"), UnitKind.Province, null));
                if (province.TryGetProperty("Wards", out var wards) && wards.ValueKind == JsonValueKind.Array)
                {
                    foreach (var ward in wards.EnumerateArray())
                    {
                        var wardCode = RequiredString(ward, "Code", $"xã thuộc tỉnh {code}");
                        rows.Add(new UnitImportRow(index, wardCode, NameOf(ward, $"xã {wardCode}"), UnitKind.Commune, code));
                    }
                }
            }

            return rows;
        }
    }

    private static string NameOf(JsonElement element, string where)
        => element.TryGetProperty("FullName", out var full) && full.ValueKind == JsonValueKind.String && full.GetString() is { Length: > 0 } f
            ? f
            : RequiredString(element, "Name", where);

    private static string RequiredString(JsonElement element, string field, string where)
    {
        if (element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty(field, out var value)
            && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } s
            && !string.IsNullOrWhiteSpace(s))
        {
            return s.Trim();
        }

        throw new UnitImportException($"{where}: thiếu trường \"{field}\" / missing field \"{field}\".");
    }
}
