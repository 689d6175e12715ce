using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DuLuan.Analysis.Text;

namespace DuLuan.Infrastructure.Text;

/// <summary>
/// Cleans free text people type: markup removed, Vietnamese normalised, and personal data redacted as its purpose
/// requires (one entry per purpose: <see cref="FromResident"/>, <see cref="PublicAnswer"/>, <see cref="InternalNote"/>, <see cref="Label"/>).
/// </summary>
public static partial class TypedText
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Plain text of <paramref name="text"/>: tags dropped, script and style bodies removed, blank runs collapsed.</summary>
    public static string StripHtml(string text)
    {
        if (text.IndexOf('<', StringComparison.Ordinal) < 0 && text.IndexOf('&', StringComparison.Ordinal) < 0)
        {
            return CollapseSpaces(text);
        }

        var document = Parser.ParseDocument(string.Empty);
        var nodes = Parser.ParseFragment(text, document.Body!);
        var container = document.CreateElement("div");
        foreach (var node in nodes.ToList())
        {
            container.AppendChild(node);
        }

        foreach (var dropped in container.QuerySelectorAll("script, style, template, noscript, iframe, object").ToList())
        {
            dropped.Remove();
        }

        return CollapseSpaces(container.TextContent);
    }

    public static int CountLinks(string text) => LinkPattern().Count(text);

    /// <summary>
    /// What a resident typed (concerns, survey answers), to be stored and shown in public: markup removed, normalised,
    /// everything that identifies a person removed (names, home address, phones, e-mails, id, insurance, bank numbers,
    /// plates); public places, the location of the problem and officials acting in office kept.
    /// </summary>
    public static string FromResident(string text) => Redacted(text, RedactionScope.Public);

    /// <inheritdoc cref="FromResident"/>
    public static string? FromResidentOrNull(string? text) => OrNull(text, FromResident);

    /// <summary>
    /// What the office or an agency publishes (answers, rebuttals, case titles, reasons shown in a case's history): the
    /// residents' personal data removed by the same rule; officials named in office and places kept.
    /// </summary>
    public static string PublicAnswer(string text) => Redacted(text, RedactionScope.Public);

    /// <inheritdoc cref="PublicAnswer"/>
    public static string? PublicAnswerOrNull(string? text) => OrNull(text, PublicAnswer);

    /// <summary>
    /// A staff note inside a case or a post's review (seen only by staff within scope, every access audited): names and
    /// places kept so staff can work; phones, e-mails, id, insurance and bank numbers still removed, because contact
    /// details live only in the encrypted contact store, which is purged.
    /// </summary>
    public static string InternalNote(string text) => Redacted(text, RedactionScope.Identifiers);

    /// <inheritdoc cref="InternalNote"/>
    public static string? InternalNoteOrNull(string? text) => OrNull(text, InternalNote);

    /// <summary>
    /// Whether the text names a private person or carries other personal data (what <see cref="FromResident"/> would
    /// redact; officials, public figures and streets named after people are not). Watch topics and saved searches may
    /// not: DuLuan keeps no watchlist of an individual (principle 2).
    /// </summary>
    public static bool NamesAPerson(string text) => PersonalDataRedactor.Find(VietnameseNormalizer.Normalize(StripHtml(text)), RedactionScope.Public).Count > 0;

    /// <summary>Names staff give things (API key names, answer templates): markup removed and normalised, nothing redacted.</summary>
    public static string Label(string text) => VietnameseNormalizer.Normalize(StripHtml(text));

    private static string Redacted(string text, RedactionScope scope) => PersonalDataRedactor.Redact(VietnameseNormalizer.Normalize(StripHtml(text)), scope).Text;

    /// <summary>Null when nothing readable is left (blank, or markup only).</summary>
    private static string? OrNull(string? text, Func<string, string> clean)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = clean(text);
        return cleaned.Length == 0 ? null : cleaned;
    }

    private static string CollapseSpaces(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => SpaceRun().Replace(l, " ").Trim())
            .Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"(?:https?://|www\.)\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"[^\S\n]+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SpaceRun();
}
