using System.Text;

namespace DuLuan.Cli.Text;

/// <summary>Reads DIR/label/*.txt (UTF-8, or UTF-16/UTF-8 with BOM) into (text, label) examples.</summary>
internal static class LabelledFolder
{
    public static List<(string Text, string Label)> Read(DirectoryInfo dir)
    {
        if (!dir.Exists)
        {
            throw new CliError($"không tìm thấy thư mục '{dir.FullName}'", $"directory '{dir.FullName}' not found");
        }

        var examples = new List<(string, string)>();
        foreach (var labelDir in dir.GetDirectories().OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            foreach (var file in labelDir.GetFiles("*.txt").OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                try
                {
                    using var reader = new StreamReader(file.FullName, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
                    examples.Add((reader.ReadToEnd(), labelDir.Name));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliError($"không đọc được tệp '{file.FullName}'", $"cannot read file '{file.FullName}': {e.Message}");
                }
            }
        }
        if (examples.Count == 0)
        {
            throw new CliError($"thư mục '{dir.FullName}' rỗng: cần thư mục con theo nhãn chứa tệp .txt",
                $"folder '{dir.FullName}' is empty: expected one sub-folder per label holding .txt files");
        }
        return examples;
    }
}
