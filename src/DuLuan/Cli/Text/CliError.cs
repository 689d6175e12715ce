namespace DuLuan.Cli.Text;

/// <summary>An input problem reported to the user in Vietnamese and English; the verb exits with code 1.</summary>
internal sealed class CliError(string vietnamese, string english) : Exception($"{vietnamese} / {english}");

internal static class CliRun
{
    /// <summary>Runs a verb body, turning <see cref="CliError"/> and I/O failures into a message and exit code 1.</summary>
    public static int Guard(System.CommandLine.ParseResult parse, Func<TextWriter, int> body)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            return body(output);
        }
        catch (CliError e)
        {
            error.WriteLine("Lỗi / Error: " + e.Message);
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Lỗi: không đọc/ghi được tệp / Error: cannot read or write a file: {e.Message}");
            return 1;
        }
    }
}
