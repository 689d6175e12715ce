using System.Text.Json;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Monitoring.Ingest;

/// <summary>JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1) into the same raw model as XML feeds.</summary>
internal static class JsonFeedReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    /// <summary>Throws JsonException on syntax errors.</summary>
    public static void Read(string text, RawFeed feed, FeedWarnings warnings)
    {
        using var doc = JsonDocument.Parse(text, Options);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        var version = String(root, "version");
        if (version is null || !version.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase))
        {
            if (!root.TryGetProperty("items", out _))
            {
                return;
            }
            warnings.Add(new Message("Monitoring.Warn.NoJsonFeedVersion"));
        }
        feed.Format = FeedFormat.JsonFeed;
        feed.Title = String(root, "title");
        feed.Link = String(root, "home_page_url");
        feed.Description = String(root, "description");
        feed.Language = String(root, "language");
        if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return;
        }
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            if (!feed.HasRoom)
            {
                feed.Drop();
                continue;
            }
            var e = new RawEntry
            {
                Id = String(item, "id"),
                Title = String(item, "title"),
                Link = String(item, "url") ?? String(item, "external_url"),
                Summary = String(item, "summary"),
                Content = String(item, "content_html"),
                ContentText = String(item, "content_text"),
                Published = String(item, "date_published"),
                Updated = String(item, "date_modified"),
                Author = Author(item) ?? Author(root),
            };
            if (item.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array)
            {
                foreach (var tag in tags.EnumerateArray().Take(100))
                {
                    if (tag.ValueKind == JsonValueKind.String && tag.GetString() is { Length: > 0 } t)
                    {
                        e.Categories.Add(t);
                    }
                }
            }
            feed.Take();
            feed.Entries.Add(e);
        }
        feed.RootClosed = true;
    }

    private static string? Author(JsonElement e)
    {
        if (e.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            var names = authors.EnumerateArray()
                .Where(a => a.ValueKind == JsonValueKind.Object)
                .Select(a => String(a, "name"))
                .OfType<string>()
                .ToList();
            if (names.Count > 0)
            {
                return string.Join(", ", names);
            }
        }
        return e.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object
            ? String(author, "name")
            : null;
    }

    /// <summary>A string property; numbers are accepted (ids are often numbers in the wild).</summary>
    private static string? String(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };
    }
}
