using System.Collections.Concurrent;
using DuLuan.Features.Members;
using Markdig;

namespace DuLuan.Features;

/// <summary>
/// The short guide of each role (docs/guides/*.md, embedded with the screenshots a browser test takes of the demo),
/// rendered once for the staff home's "guide" link. The markdown is the project's own; raw HTML in it is not passed on.
/// </summary>
public static class RoleGuides
{
    private const string Prefix = "DuLuan.Guides.";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    private static readonly ConcurrentDictionary<string, string?> Rendered = new(StringComparer.Ordinal);

    /// <summary>The guides in the order of the roles' reach, each with its string key.</summary>
    public static readonly IReadOnlyList<(string Slug, string TitleKey)> All =
    [
        ("admin", "Guide.Admin"), ("lead", "Guide.Lead"), ("editor", "Guide.Editor"), ("liaison", "Guide.Liaison"), ("collaborator", "Guide.Collaborator"),
    ];

    /// <summary>The guide for a role: a viewer reads the editor's (the pages they open are the same, without the buttons).</summary>
    public static string SlugOf(Role role) => role switch
    {
        Role.Admin => "admin",
        Role.Lead => "lead",
        Role.AgencyLiaison => "liaison",
        Role.Collaborator => "collaborator",
        _ => "editor",
    };

    /// <summary>The guide's HTML, images pointing at <see cref="ImageUrl"/>; null for an unknown guide. An English reader
    /// gets the English guide (docs/guides/{slug}.en.md), others the Vietnamese one with its English summary.</summary>
    public static string? Html(string slug, bool english = false)
    {
        if (All.All(g => g.Slug != slug))
        {
            return null;
        }

        var file = slug + (english ? ".en.md" : ".md");
        return Rendered.GetOrAdd(file, f => Read(f) is { } text ? Render(text) : null) ?? (english ? Html(slug) : null);
    }

    private static string Render(string text) => Markdown.ToHtml(text.Replace("](../images/", "](" + ImageUrl, StringComparison.Ordinal), Pipeline);

    public const string ImageUrl = "/Guide?handler=Image&name=";

    /// <summary>A screenshot of the guides ("guide-….png"); null for any other name.</summary>
    public static byte[]? Image(string name)
    {
        if (name.Length > 80 || !name.StartsWith("guide-", StringComparison.Ordinal) || !name.EndsWith(".png", StringComparison.Ordinal) || name.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.')))
        {
            return null;
        }

        using var stream = typeof(RoleGuides).Assembly.GetManifestResourceStream(Prefix + "images." + name);
        if (stream is null)
        {
            return null;
        }

        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static string? Read(string file)
    {
        using var stream = typeof(RoleGuides).Assembly.GetManifestResourceStream(Prefix + file);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
