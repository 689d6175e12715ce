using System.IO.Compression;
using DuLuan.Infrastructure.Text;

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
                return Pair(new Message("Office.Package.TooManyParts", maxEntries));
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                var ratio = entry.CompressedLength > 0 ? entry.Length / (double)entry.CompressedLength : entry.Length > 0 ? double.PositiveInfinity : 0;
                if (total > maxUnpackedBytes || (entry.Length > 1024 * 1024 && ratio > 200))
                {
                    return Pair(new Message("Office.Package.ZipBomb"));
                }
            }
        }
        catch (InvalidDataException)
        {
            return Pair(new Message("Office.Package.Damaged"));
        }

        try
        {
            var links = OfficeLinks.Find(file);
            return links.Count == 0 ? null : (string.Join("; ", links.Select(l => l.Vi)), string.Join("; ", links.Select(l => l.En)));
        }
        catch (InvalidDataException)
        {
            return Pair(new Message("Office.Package.TooLargeOrDamaged"));
        }
    }

    private static (string Vi, string En) Pair(Message message) => (message.Vietnamese, message.English);

    /// <summary>Names of the package's entries (after <see cref="Check"/> passed).</summary>
    public static List<string> EntryNames(byte[] file)
    {
        using var zip = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
        return zip.Entries.Select(e => e.FullName).ToList();
    }
}
