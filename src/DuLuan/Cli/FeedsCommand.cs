using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DuLuan.Features.Monitoring.Ingest;

namespace DuLuan.Cli;

/// <summary>
/// `duluan feeds parse FILE|URL [--json]`: shows what the feed parser understood; how an operator
/// debugs a feed. Exit codes: 0 read, 2 file missing or unreadable, 3 fetch failed, 4 not a feed.
/// </summary>
public static class FeedsCommand
{
    public const int ExitOk = 0;
    public const int ExitFileError = 2;
    public const int ExitFetchFailed = 3;
    public const int ExitNotAFeed = 4;

    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "Tệp hoặc URL http(s) của feed / feed file or http(s) URL" };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON / print JSON" };
        var parse = new Command("parse", "Đọc một feed và in những gì đọc được / parse a feed and print what was understood")
        {
            source,
            json,
        };
        parse.SetAction((result, ct) => RunParseAsync(
            result.GetValue(source)!, result.GetValue(json),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));
        return new Command("feeds", "Feed tin tức / news feeds") { parse };
    }

    internal static async Task<int> RunParseAsync(string source, bool json, TextWriter output, TextWriter error, CancellationToken ct)
    {
        byte[] bytes;
        string? charset = null;
        Uri? feedUrl = null;
        if (Uri.TryCreate(source, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            using var fetcher = new FeedFetcher();
            var fetched = await fetcher.FetchAsync(url, cancellationToken: ct);
            if (fetched.Status != FetchStatus.Ok)
            {
                await error.WriteLineAsync(
                    $"Không tải được feed: {fetched.Error?.Vietnamese} / Could not fetch the feed: {fetched.Error?.English}");
                return ExitFetchFailed;
            }
            bytes = fetched.Body!;
            charset = fetched.Charset;
            feedUrl = fetched.FinalUrl;
        }
        else
        {
            try
            {
                bytes = await File.ReadAllBytesAsync(source, ct);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                await error.WriteLineAsync($"Không tìm thấy tệp: {source} / File not found: {source}");
                return ExitFileError;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                await error.WriteLineAsync($"Không đọc được tệp: {source} / Cannot read the file: {source} ({ex.Message})");
                return ExitFileError;
            }
        }

        var feed = new FeedParser().Parse(bytes, charset, feedUrl);
        await output.WriteAsync(json ? ToJson(feed) : ToText(feed));
        if (feed.Format == FeedFormat.Unknown)
        {
            await error.WriteLineAsync("Không phải feed RSS, Atom hay JSON Feed / Not an RSS, Atom or JSON Feed document");
            return ExitNotAFeed;
        }
        return ExitOk;
    }

    public static string ToJson(ParsedFeed feed)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("title", feed.Title);
            w.WriteString("link", feed.Link);
            w.WriteString("description", feed.Description);
            w.WriteString("language", feed.Language);
            w.WriteString("updated", Iso(feed.Updated));
            w.WriteStartArray("entries");
            foreach (var e in feed.Entries)
            {
                w.WriteStartObject();
                w.WriteString("id", e.Id);
                w.WriteString("title", e.Title);
                w.WriteString("link", e.Link);
                w.WriteString("summary", e.Summary);
                w.WriteString("content", e.Content);
                w.WriteString("published", Iso(e.Published));
                w.WriteString("updated", Iso(e.Updated));
                w.WriteString("author", e.Author);
                w.WriteStartArray("categories");
                foreach (var c in e.Categories)
                {
                    w.WriteStringValue(c);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("warnings");
            foreach (var warning in feed.Warnings)
            {
                w.WriteStringValue(warning);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static string ToText(ParsedFeed feed)
    {
        var sb = new System.Text.StringBuilder();
        void Line(string label, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                sb.Append(label).Append(": ").Append(value).Append('\n');
            }
        }
        Line("Feed", $"{feed.Title ?? "(không tên / untitled)"} [{feed.Format}, {feed.Encoding}]");
        Line("Liên kết / Link", feed.Link);
        Line("Mô tả / Description", feed.Description);
        Line("Ngôn ngữ / Language", feed.Language);
        Line("Cập nhật / Updated", Iso(feed.Updated));
        sb.Append(CultureInfo.InvariantCulture, $"Mục / Entries: {feed.Entries.Count}\n");
        var number = 0;
        foreach (var e in feed.Entries)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n{++number,4}. {e.Title ?? "(không tiêu đề / untitled)"}\n");
            Line("      Id", e.Id);
            Line("      Liên kết / Link", e.Link);
            Line("      Đăng / Published", Iso(e.Published));
            Line("      Sửa / Updated", Iso(e.Updated));
            Line("      Tác giả / Author", e.Author);
            Line("      Chuyên mục / Categories", e.Categories.Count > 0 ? string.Join(", ", e.Categories) : null);
            if (e.ContentText is { Length: > 0 } text)
            {
                var flat = text.Replace('\n', ' ');
                Line("      Nội dung / Text", flat.Length > 160 ? flat[..160] + "\u2026" : flat);
            }
        }
        if (feed.Warnings.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\nCảnh báo / Warnings ({feed.Warnings.Count}):\n");
            foreach (var w in feed.Warnings)
            {
                sb.Append("  - ").Append(w).Append('\n');
            }
        }
        return sb.ToString();
    }

    private static string? Iso(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
