using DuLuan.Infrastructure.Reporting;

namespace DuLuan.Features.Reports.Figures;

/// <summary>
/// The records behind each figure and table row, asked of the registered sections: each lists its own keys from the
/// same queries its figures count, so the length of a list is the figure. Keys are <see cref="ReportKeys"/> and
/// "key:value" row keys.
/// </summary>
public sealed class DrillSource(IEnumerable<IReportSection> sections)
{
    public const int MaxKeyLength = 200;

    /// <summary>Null when the key names no list (or a row value that cannot exist).</summary>
    public DrillList? Find(string prefix, ReportWindow w, string key)
    {
        var parsed = DrillKey.Parse(key);
        foreach (var section in sections)
        {
            if (section.Drill(prefix, w, parsed) is { } list)
            {
                return list;
            }
        }

        return null;
    }

    /// <summary>The page of a row's record, from the section that lists its kind; null when none does.</summary>
    public string? Link(DrillRow row) => sections.Select(s => s.Link(row)).FirstOrDefault(l => l is not null);
}
