using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DuLuan.Analysis.Text;

namespace DuLuan.Infrastructure.Text;

/// <summary>Cleans free text from outside: markup removed, Vietnamese normalised, personal data redacted.</summary>
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

    /// <summary>Normalised, markup-free and redacted: what may be stored.</summary>
    public static string Clean(string text) => PersonalDataRedactor.Redact(VietnameseNormalizer.Normalize(StripHtml(text))).Text;

    /// <summary>Like <see cref="Clean"/>, but null when nothing readable is left (blank, or markup only).</summary>
    public static string? CleanOrNull(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var clean = Clean(text);
        return clean.Length == 0 ? null : clean;
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
