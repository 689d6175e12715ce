using System.IO.Compression;

namespace DuLuan.Infrastructure.Files;

/// <summary>
/// Checks an uploaded Office file (.xlsx, .docx) as a zip before any parser opens it: entry count and declared
/// sizes, so a zip bomb is refused without inflating it; then (<see cref="OfficeLinks"/>) anything that points outside
/// the package. Shared by the XLSForm import and report templates (at upload and every time a stored one is used).
/// </summary>
public static class OfficePackage
{
    /// <summary>A problem in Vietnamese and English, or null when the package is within the limits.</summary>
    public static (string Vi, string En)? Check(byte[] file, int maxEntries, long maxUnpackedBytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > maxEntries)
            {
                return ($"Tệp có quá {maxEntries} phần bên trong", $"The package holds more than {maxEntries} parts");
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                var ratio = entry.CompressedLength > 0 ? entry.Length / (double)entry.CompressedLength : entry.Length > 0 ? double.PositiveInfinity : 0;
                if (total > maxUnpackedBytes || (entry.Length > 1024 * 1024 && ratio > 200))
                {
                    return ("Tệp giải nén ra quá lớn (nghi là bom nén)", "The file unpacks to too much data (a zip bomb?)");
                }
            }
        }
        catch (InvalidDataException)
        {
            return ("Tệp nén zip bị hỏng", "The zip package is damaged");
        }

        try
        {
            var links = OfficeLinks.Find(file);
            return links.Count == 0 ? null : (string.Join("; ", links.Select(l => l.Vi)), string.Join("; ", links.Select(l => l.En)));
        }
        catch (InvalidDataException)
        {
            return ("Tệp giải nén ra quá lớn hoặc bị hỏng", "The file unpacks to too much data or is damaged");
        }
    }

    /// <summary>Names of the package's entries (after <see cref="Check"/> passed).</summary>
    public static List<string> EntryNames(byte[] file)
    {
        using var zip = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
        return zip.Entries.Select(e => e.FullName).ToList();
    }
}
