using System.CommandLine;

namespace DuLuan.Cli;

/// <summary>Options shared by every verb.</summary>
public static class CliOptions
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Thư mục chứa cơ sở dữ liệu nhúng (SQLite), mặc định ./data / Folder of the embedded SQLite database (default ./data)",
        Recursive = true,
    };

    public static Option<string[]> Urls() => new("--urls")
    {
        Description = "Địa chỉ lắng nghe, ví dụ http://127.0.0.1:5080 / Addresses to listen on",
        DefaultValueFactory = _ => ["http://127.0.0.1:5080"],
        AllowMultipleArgumentsPerToken = true,
    };
}
