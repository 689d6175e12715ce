using DuLuan.Analysis.Text;

namespace DuLuan.Features.Monitoring.Ingest;

/// <summary>
/// The feed decoder's legacy hook: text only when the text core recognises TCVN3 (ABC) or
/// VNI-Windows bytes, so Windows-1258 and real Unicode keep their own decoding.
/// </summary>
public static class LegacyVietnamese
{
    public static string? Decode(byte[] bytes)
    {
        var text = VietnameseDecoder.Decode(bytes, out var detected);
        return detected is VietnameseEncoding.Tcvn3 or VietnameseEncoding.Vni ? text : null;
    }
}
