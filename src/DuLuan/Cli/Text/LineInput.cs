using System.Buffers;
using System.CommandLine;

namespace DuLuan.Cli.Text;

/// <summary>Reads input (a file given with --input, else stdin) as raw byte lines so legacy encodings survive.</summary>
internal static class LineInput
{
    public static Option<FileInfo?> CreateOption() => new("--input", "-i") { Description = "Tệp đầu vào thay cho stdin / input file instead of stdin" };

    public static Stream Open(FileInfo? file)
    {
        if (file is null)
        {
            return Console.OpenStandardInput();
        }

        if (!file.Exists)
        {
            throw new CliError($"không tìm thấy tệp '{file.FullName}'", $"file '{file.FullName}' not found");
        }

        return file.OpenRead();
    }

    public static IEnumerable<byte[]> ReadLines(Stream stream)
    {
        var line = new ArrayBufferWriter<byte>();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var at = 0;
            int newline;
            while ((newline = Array.IndexOf(buffer, (byte)'\n', at, read - at)) >= 0)
            {
                line.Write(buffer.AsSpan(at, newline - at));
                yield return TrimCr(line.WrittenSpan);
                line.ResetWrittenCount();
                at = newline + 1;
            }
            line.Write(buffer.AsSpan(at, read - at));
        }
        if (line.WrittenCount > 0)
        {
            yield return TrimCr(line.WrittenSpan);
        }
    }

    /// <summary>UTF-8 lines (any legacy encoding detected and converted) as strings.</summary>
    public static IEnumerable<string> ReadTextLines(FileInfo? file)
    {
        using var stream = Open(file);
        foreach (var bytes in ReadLines(stream))
        {
            yield return DuLuan.Analysis.Text.VietnameseDecoder.Decode(bytes, out _);
        }
    }

    private static byte[] TrimCr(ReadOnlySpan<byte> line) => (line.Length > 0 && line[^1] == '\r' ? line[..^1] : line).ToArray();
}
