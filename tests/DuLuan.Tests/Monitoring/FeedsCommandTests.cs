using System.CommandLine;
using System.Text.Json;
using DuLuan.Cli;

namespace DuLuan.Tests.Monitoring;

public class FeedsCommandTests
{
    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand("test") { FeedsCommand.Create() };
        var code = await root.Parse(args).InvokeAsync(
            new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Json_output_has_exactly_the_documented_keys()
    {
        var (code, output, _) = await Run("feeds", "parse", FixtureFiles.PathOf("rss2-tinnhanh.xml"), "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(["title", "link", "description", "language", "updated", "entries", "warnings"],
            root.EnumerateObject().Select(p => p.Name));
        var entry = root.GetProperty("entries")[0];
        Assert.Equal(["id", "title", "link", "summary", "content", "published", "updated", "author", "categories"],
            entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Thời sự - Báo Tin Nhanh", root.GetProperty("title").GetString());
        Assert.Equal("2026-11-22T08:30:00+07:00", entry.GetProperty("published").GetString());
        Assert.Equal("Giao thông", entry.GetProperty("categories")[0].GetString());
        Assert.Equal(3, root.GetProperty("entries").GetArrayLength());
        Assert.Contains("Đà Nẵng", output, StringComparison.Ordinal); // not \u-escaped
    }

    [Fact]
    public async Task Human_output_lists_entries_and_warnings()
    {
        var (code, output, _) = await Run("feeds", "parse", FixtureFiles.PathOf("rss-malformed.xml"));
        Assert.Equal(0, code);
        Assert.Contains("Mục / Entries: 3", output, StringComparison.Ordinal);
        Assert.Contains("Họp báo thường kỳ tháng 11", output, StringComparison.Ordinal);
        Assert.Contains("Cảnh báo / Warnings", output, StringComparison.Ordinal);
        Assert.Contains("lenient parser", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_file_is_a_clear_error_and_exit_code_2()
    {
        var (code, output, error) = await Run("feeds", "parse", "/khong/co/tep.xml");
        Assert.Equal(FeedsCommand.ExitFileError, code);
        Assert.Equal("", output);
        Assert.Contains("Không tìm thấy tệp", error, StringComparison.Ordinal);
        Assert.Contains("File not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Internal_url_is_refused_with_exit_code_3()
    {
        var (code, _, error) = await Run("feeds", "parse", "http://127.0.0.1:9/feed");
        Assert.Equal(FeedsCommand.ExitFetchFailed, code);
        Assert.Contains("Địa chỉ bị chặn", error, StringComparison.Ordinal);
        Assert.Contains("Blocked", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_a_feed_exits_with_4()
    {
        var path = Path.Combine(Path.GetTempPath(), $"duluan-not-feed-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(path, "<html><body>Trang chủ</body></html>", TestContext.Current.CancellationToken);
        try
        {
            var (code, _, error) = await Run("feeds", "parse", path, "--json");
            Assert.Equal(FeedsCommand.ExitNotAFeed, code);
            Assert.Contains("Not an RSS", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Every_fixture_parses_without_crashing()
    {
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(FixtureFiles.PathOf("x"))!))
        {
            var (code, output, _) = await Run("feeds", "parse", file, "--json");
            Assert.True(code is 0 or 4, file);
            using var _ = JsonDocument.Parse(output);
        }
    }
}
