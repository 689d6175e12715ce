namespace DuLuan.Features.Reports.Documents;

/// <summary>
/// The prose of a report, which staff edit before export: an opening (with the notes on the data), one block of
/// paragraphs per section, and a closing. Tables and charts come from the figures snapshot, not from here.
/// </summary>
public sealed record ReportText(string Subtitle, IReadOnlyList<string> Opening, IReadOnlyList<ReportTextSection> Sections, IReadOnlyList<string> Closing)
{
    public const int MaxParagraphs = 200;
    public const int MaxParagraphLength = 4000;

    public ReportTextSection? Section(string key) => Sections.FirstOrDefault(s => s.Key == key);
}

public sealed record ReportTextSection(string Key, string Title, IReadOnlyList<string> Paragraphs);
