using System.Text.RegularExpressions;
using DuLuan.Features.Reports.Documents;
using DuLuan.Infrastructure.Reporting;
using DuLuan.Infrastructure.Text;
using DuLuan.Infrastructure.Time;

namespace DuLuan.Features.Reports.Templates;

/// <summary>Problems with a template, each naming the placeholder or the reason: pages render <see cref="Messages"/>.</summary>
public sealed class TemplateException(IReadOnlyList<Message> problems) : Exception(string.Join("; ", problems.Select(p => p.Both())))
{
    public IReadOnlyList<Message> Messages { get; } = problems;

    /// <summary>Each problem as "Vietnamese / English" (logs, the CLI).</summary>
    public IReadOnlyList<string> Problems => [.. Messages.Select(p => p.Both())];
}

/// <summary>
/// The placeholder language of report templates (docs/reports.md): <c>{{name}}</c> for a value in running text,
/// <c>{{table:key}}</c>, <c>{{chart:key}}</c>, <c>{{section:key}}</c>, <c>{{opening}}</c>, <c>{{closing}}</c>,
/// <c>{{report}}</c> for blocks that take their whole paragraph.
/// </summary>
public static partial class TemplatePlaceholders
{
    /// <summary>Values about the report itself, beside the figures.</summary>
    public static readonly IReadOnlyList<string> Fixed = ["unit", "unit.code", "unit.upper", "parent", "period", "period.code", "period.previous", "date", "place", "place_date", "number", "subtitle", "computed_at"];

    /// <summary>Suffixes of a figure key: value, previous value, the change sentence part, the full sentence, the label.</summary>
    public static readonly IReadOnlyList<string> FigureSuffixes = ["", ".previous", ".change", ".sentence", ".label"];

    public static readonly IReadOnlyList<string> BlockNames = ["opening", "closing", "notes", "report"];

    public static readonly IReadOnlyList<string> BlockKinds = ["table", "chart", "section"];

    [GeneratedRegex(@"\{\{\s*([^{}]{1,200}?)\s*\}\}", RegexOptions.CultureInvariant)]
    public static partial Regex Pattern();

    public static bool IsBlock(string name) => BlockNames.Contains(name) || BlockKinds.Any(k => name.StartsWith(k + ":", StringComparison.Ordinal));

    /// <summary>The placeholders of <paramref name="names"/> that refer to nothing in <paramref name="figures"/>, by name.</summary>
    public static List<string> Unknown(IEnumerable<string> names, ReportFigures figures)
    {
        var known = new HashSet<string>(Fixed.Concat(BlockNames), StringComparer.Ordinal);
        foreach (var section in figures.Sections)
        {
            known.Add("section:" + section.Key);
            known.UnionWith(section.Figures.SelectMany(f => FigureSuffixes.Select(s => f.Key + s)));
            known.UnionWith(section.Tables.Select(t => "table:" + t.Key));
            known.UnionWith(section.Charts.Select(c => "chart:" + c.Key));
        }

        return names.Where(n => !known.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The text of a value placeholder; null for a block or an unknown name.</summary>
    public static string? Value(string name, ReportHeading heading, ReportText text, ReportFigures figures)
    {
        var previous = figures.Period.Previous().VietnameseLabel;
        switch (name)
        {
            case "unit": return figures.UnitName;
            case "unit.code": return figures.UnitCode ?? string.Empty;
            case "unit.upper": return figures.UnitName.ToUpperInvariant();
            case "parent": return heading.ParentBody ?? string.Empty;
            case "period": return figures.Period.VietnameseLabel;
            case "period.code": return figures.Period.Code;
            case "period.previous": return previous;
            case "date": return VietnameseFormat.Date(heading.Date);
            case "place": return heading.Place;
            case "place_date": return heading.PlaceAndDate;
            case "number": return heading.Number;
            case "subtitle": return text.Subtitle;
            case "computed_at": return VietnameseFormat.ShortDate(DateOnly.FromDateTime(figures.ComputedAt.DateTime));
        }

        foreach (var suffix in FigureSuffixes.Reverse())
        {
            if (!name.EndsWith(suffix, StringComparison.Ordinal) || figures.Figure(name[..^suffix.Length]) is not { } figure)
            {
                continue;
            }

            return suffix switch
            {
                ".previous" => figure.Previous is { } p ? FigureText.Value(p, figure.Kind) : "-",
                ".change" => figure.Value is { } v && figure.Previous is { } q ? ReportComposer.Change(v, q, figure.Kind, previous).TrimStart(',', ' ') : string.Empty,
                ".sentence" => ReportComposer.Sentence(figure, previous),
                ".label" => figure.Label,
                _ => figure.Value is { } value ? FigureText.Value(value, figure.Kind) : "-",
            };
        }

        return null;
    }
}
