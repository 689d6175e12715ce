using System.Diagnostics;
using System.Net;
using DuLuan.Data;
using DuLuan.Tests.Infrastructure;
using DuLuan.Tests.Publish;

namespace DuLuan.Tests.Architecture;

/// <summary>
/// One localisation path: UI text lives in tools/strings/*.tsv, services return keys, pages render them, the API
/// answers both languages. tools/vietnamese-literals.py counts what is left in C#; the ceilings may only go down.
/// </summary>
public sealed class LocalisationTests
{
    /// <summary>C# string literals with Vietnamese letters outside resources, demo seeds, the CLI and listed data (625 on 2026-12-06 before #17 item 8; the 2 left are language names an XLSForm header may use, "tiếng việt" and "tiếng anh").</summary>
    private const int LiteralCeiling = 2;

    /// <summary>"Vietnamese / English" joined literals (144 before #17 item 8).</summary>
    private const int JoinedCeiling = 0;

    [Fact]
    public void Vietnamese_literals_in_csharp_do_not_grow()
    {
        var (count, listing) = Run();
        Assert.True(count <= LiteralCeiling, $"{count} Vietnamese literals in C#, ceiling {LiteralCeiling}: move new text to tools/strings/*.tsv\n{listing}");
    }

    [Fact]
    public void Vietnamese_and_english_joined_literals_do_not_grow()
    {
        var (count, listing) = Run("--joined");
        Assert.True(count <= JoinedCeiling, $"{count} \"vi / en\" literals, ceiling {JoinedCeiling}: return a key (Infrastructure/Text/Message) instead\n{listing}");
    }

    [Theory, Providers]
    public async Task Framework_validation_messages_come_in_the_pages_language(DatabaseProvider provider)
    {
        await using var f = await PublishFixture.StartAsync(provider);
        using var editor = await f.SignInAsync(PublishFixture.Editor);

        // An empty View once gave "The View field is required." on the calendar's first load.
        var calendar = WebUtility.HtmlDecode(await editor.GetStringAsync("/Publish/Calendar?View="));
        Assert.DoesNotContain("field is required", calendar, StringComparison.Ordinal);

        var badNumber = WebUtility.HtmlDecode(await editor.GetStringAsync("/Publish/Calendar?UnitId=abc"));
        Assert.DoesNotContain("is not valid for", badNumber, StringComparison.Ordinal);
        Assert.Contains("Giá trị 'abc' không hợp lệ cho UnitId.", badNumber, StringComparison.Ordinal);

        editor.Cookies.Add(f.App.BaseAddress, new Cookie(".AspNetCore.Culture", "c=en|uic=en"));
        var english = WebUtility.HtmlDecode(await editor.GetStringAsync("/Publish/Calendar?UnitId=abc"));
        Assert.Contains("The value 'abc' is not valid for UnitId.", english, StringComparison.Ordinal);
    }

    private static (int Count, string Listing) Run(params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tools", "vietnamese-literals.py"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        var lines = output.TrimEnd().Split('\n');
        return (int.Parse(lines[^1], System.Globalization.CultureInfo.InvariantCulture), output);
    }
}
