using System.Reflection;

namespace DuLuan.Analysis.Text;

/// <summary>
/// The official units' names (34 provinces, 3,321 communes and wards, embedded as Dedup/place-names.txt), folded, each
/// with whether it names a province: story facts read places with it, redaction keeps a place it would take for a name.
/// </summary>
internal static class UnitNames
{
    internal static readonly Dictionary<string, bool> Folded = Load();

    private static Dictionary<string, bool> Load()
    {
        var names = new Dictionary<string, bool>(StringComparer.Ordinal);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("DuLuan.Analysis.Text.Dedup.place-names.txt")
            ?? throw new InvalidOperationException("The embedded list of place names is missing.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length < 3 || line[1] != '\t')
            {
                continue;
            }

            var name = VietnameseFold.Fold(line.AsSpan(2));
            var isProvince = line[0] == 'P';
            names[name] = isProvince || (names.TryGetValue(name, out var known) && known);
        }
        return names;
    }
}
