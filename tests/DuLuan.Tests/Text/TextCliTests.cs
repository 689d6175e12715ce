using System.CommandLine;
using System.Text;
using DuLuan.Cli;

namespace DuLuan.Tests.Text;

public sealed class TextCliTests : IDisposable
{
    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("duluan-text-cli-");

    public void Dispose() => temp.Delete(recursive: true);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = new RootCommand("DuLuan") { TextCommand.Create() }.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private string WriteFile(string name, byte[] content)
    {
        var path = Path.Combine(temp.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void Normalize_converts_legacy_lines_and_folds()
    {
        var input = WriteFile("in.txt", [.. "Thuỷ điện Hoà Bình\n"u8, .. Encoding.Latin1.GetBytes("C\u00E9ng h\u00DFa\n")]);
        var (exit, output, _) = Run("text", "normalize", "--input", input);
        Assert.Equal(0, exit);
        Assert.Equal(["Thủy điện Hòa Bình", "Cộng hòa"], output.TrimEnd().Split('\n'));
        Assert.Equal("thuy dien hoa binh", Run("text", "normalize", "--fold", "--input", input).Output.Split('\n')[0]);
        Assert.Equal("Thuỷ điện Hoà Bình", Run("text", "normalize", "--style", "old", "--input", input).Output.Split('\n')[0]);
    }

    [Fact]
    public void Segment_and_redact_work_line_by_line()
    {
        var input = WriteFile("seg.txt", "Chính phủ chỉ đạo các địa phương\nÔng Nguyễn Văn Nam gọi 0912 345 678.\n"u8.ToArray());
        Assert.StartsWith("Chính_phủ chỉ_đạo", Run("text", "segment", "--input", input).Output, StringComparison.Ordinal);
        var redacted = Run("text", "redact", "--input", input).Output;
        Assert.Contains("Ông [họ tên] gọi [số điện thoại].", redacted, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"Phone\"", Run("text", "redact", "--json", "--input", input).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Dedup_groups_jsonl_and_reports_bad_lines()
    {
        var input = WriteFile("docs.jsonl", Encoding.UTF8.GetBytes(
            "{\"id\":1,\"text\":\"Mưa lớn kéo dài khiến nhiều tuyến đường tại Đại Lộc bị ngập sâu, hơn một nghìn hộ dân phải sơ tán.\"}\n" +
            "{\"id\":\"b\",\"text\":\"Mua lon keo dai khien nhieu tuyen duong tai Dai Loc bi ngap sau, hon mot nghin ho dan phai so tan.\"}\n" +
            "{\"id\":3,\"text\":\"Giá xăng RON 95 tăng 520 đồng mỗi lít từ chiều nay.\"}\n"));
        var (exit, output, _) = Run("text", "dedup", "--input", input);
        Assert.Equal(0, exit);
        Assert.Equal(["{\"id\":1,\"cluster\":0}", "{\"id\":\"b\",\"cluster\":0}", "{\"id\":3,\"cluster\":2}"], output.TrimEnd().Split('\n'));
        var bad = WriteFile("bad.jsonl", "{\"id\":1}\n"u8.ToArray());
        var result = Run("text", "dedup", "--input", bad);
        Assert.Equal(1, result.Exit);
        Assert.Contains("dòng 1", result.Error, StringComparison.Ordinal);
        Assert.Contains("line 1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_trains_evaluates_and_rejects_bad_inputs()
    {
        var data = Path.Combine(temp.FullName, "data");
        string[] facility = ["phòng học nóng không có máy lạnh", "máy chiếu hư hoài", "wifi yếu phòng học chật"];
        string[] lecturer = ["giảng viên dạy rất nhiệt tình", "thầy giảng bài dễ hiểu", "cô giáo nhiệt tình"];
        for (var i = 0; i < 3; i++)
        {
            WriteFile($"data/facility/{i}.txt", Encoding.UTF8.GetBytes(facility[i]));
            WriteFile($"data/lecturer/{i}.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(lecturer[i])]);
        }
        var model = Path.Combine(temp.FullName, "model.bin");
        Assert.Equal(0, Run("text", "classify", "train", "--data", data, "--out", model).Exit);
        var (exit, output, _) = Run("text", "classify", "eval", "--model", model, "--data", data);
        Assert.Equal(0, exit);
        Assert.Contains("accuracy  100.00 %", output, StringComparison.Ordinal);
        Assert.Contains("\"macroF1\":1", Run("text", "classify", "eval", "--model", model, "--data", data, "--json").Output, StringComparison.Ordinal);

        Directory.CreateDirectory(Path.Combine(temp.FullName, "empty"));
        var empty = Run("text", "classify", "train", "--data", Path.Combine(temp.FullName, "empty"), "--out", model);
        Assert.Equal(1, empty.Exit);
        Assert.Contains("rỗng", empty.Error, StringComparison.Ordinal);
        Assert.Contains("empty", empty.Error, StringComparison.Ordinal);

        var wrong = WriteFile("wrong.bin", "not a model"u8.ToArray());
        var wrongResult = Run("text", "classify", "eval", "--model", wrong, "--data", data);
        Assert.Equal(1, wrongResult.Exit);
        Assert.Contains("phiên bản", wrongResult.Error, StringComparison.Ordinal);

        var missing = Run("text", "normalize", "--input", Path.Combine(temp.FullName, "nope.txt"));
        Assert.Equal(1, missing.Exit);
        Assert.Contains("not found", missing.Error, StringComparison.Ordinal);
    }
}
