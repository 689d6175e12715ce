namespace DuLuan.Bench.Text;

/// <summary>Reads the FORM column of a CoNLL-U file: one list of word forms per sentence.</summary>
internal static class Conllu
{
    public static List<IReadOnlyList<string>> Read(string path)
    {
        var sentences = new List<IReadOnlyList<string>>();
        List<string>? current = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                if (current is { Count: > 0 })
                {
                    sentences.Add(current);
                }

                current = null;
                continue;
            }
            if (line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length < 2 || columns[0].Contains('-', StringComparison.Ordinal) || columns[0].Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            (current ??= []).Add(columns[1]);
        }
        if (current is { Count: > 0 })
        {
            sentences.Add(current);
        }

        return sentences;
    }
}
