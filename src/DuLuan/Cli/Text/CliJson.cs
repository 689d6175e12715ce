using System.Text.Encodings.Web;
using System.Text.Json;

namespace DuLuan.Cli.Text;

internal static class CliJson
{
    /// <summary>Vietnamese stays readable in the output instead of \uXXXX escapes.</summary>
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
