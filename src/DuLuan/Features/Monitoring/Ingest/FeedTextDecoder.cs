using System.Text;
using DuLuan.Analysis.Text;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Monitoring.Ingest;

public sealed record DecodedText(string Text, string EncodingName);

/// <summary>
/// Turns feed bytes into text. Precedence (RFC 7303 section 3 / RFC 3023 practice):
/// 1. a byte order mark, which cannot be there by accident;
/// 2. the charset parameter of the HTTP Content-Type, which the server states for this response;
/// 3. the encoding in the XML declaration;
/// 4. UTF-8, the XML and JSON default.
/// The legacy hook (TCVN3/VNI detector from DuLuan.Analysis.Text, plugged in later) is asked
/// when there is no BOM and the chosen encoding is not a Unicode one, or when the bytes are not
/// valid UTF-8: that is where legacy Vietnamese pages live. If it returns text, that text wins.
/// </summary>
public sealed class FeedTextDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
    private static readonly Encoding LenientUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: false);

    static FeedTextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly Func<byte[], string?>? _legacyDetector;

    public FeedTextDecoder(Func<byte[], string?>? legacyDetector = null) => _legacyDetector = legacyDetector;

    public DecodedText Decode(byte[] bytes, string? httpCharset, FeedWarnings warnings)
    {
        var bom = DetectBom(bytes, out var bomLength);
        if (bom is not null)
        {
            return new DecodedText(Strip(bom.GetString(bytes, bomLength, bytes.Length - bomLength)), bom.WebName);
        }

        Encoding? chosen = null;
        if (!string.IsNullOrWhiteSpace(httpCharset))
        {
            chosen = Lookup(httpCharset);
            if (chosen is null)
            {
                warnings.Add(new Message("Monitoring.Warn.HttpCharset", Clip(httpCharset)));
            }
        }
        if (chosen is null && SniffXmlDeclarationEncoding(bytes) is { } declared)
        {
            chosen = Lookup(declared);
            if (chosen is null)
            {
                warnings.Add(new Message("Monitoring.Warn.DeclaredEncoding", Clip(declared)));
            }
        }
        // Without a BOM, UTF-16/32 cannot be read from an ASCII-compatible declaration: the
        // declaration is wrong (a common copy-paste), so fall back to UTF-8.
        if (chosen is UnicodeEncoding or UTF32Encoding)
        {
            warnings.Add(new Message("Monitoring.Warn.NoBom"));
            chosen = null;
        }

        var isUnicode = chosen is null || chosen is UTF8Encoding;
        if (!isUnicode && _legacyDetector?.Invoke(bytes) is { } legacyText)
        {
            warnings.Add(new Message("Monitoring.Warn.LegacyEncoding"));
            return new DecodedText(Strip(legacyText), "legacy-vietnamese");
        }
        if (!isUnicode)
        {
            return new DecodedText(Strip(ForDecoding(chosen!).GetString(bytes)), chosen!.WebName);
        }

        try
        {
            return new DecodedText(Strip(StrictUtf8.GetString(bytes)), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            if (_legacyDetector?.Invoke(bytes) is { } legacy)
            {
                warnings.Add(new Message("Monitoring.Warn.LegacyEncoding"));
                return new DecodedText(Strip(legacy), "legacy-vietnamese");
            }
            warnings.Add(new Message("Monitoring.Warn.BadUtf8"));
            return new DecodedText(Strip(LenientUtf8.GetString(bytes)), "utf-8");
        }
    }

    /// <summary>
    /// Feeds labelled ISO-8859-1 or US-ASCII are nearly always Windows-1252 (curly quotes, dashes, € in 0x80-0x9F, which
    /// are invisible C1 controls in ISO-8859-1), so they are read as Windows-1252, as browsers do (WHATWG Encoding).
    /// </summary>
    private static Encoding ForDecoding(Encoding chosen) =>
        chosen.CodePage is 28591 or 20127 ? Encoding.GetEncoding(1252) : chosen;

    public static Encoding? Lookup(string name)
    {
        var n = name.Trim().Trim('"', '\'');
        if (n.Length == 0)
        {
            return null;
        }
        try
        {
            return Encoding.GetEncoding(n);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Encoding? DetectBom(byte[] b, out int length)
    {
        length = 0;
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
        {
            length = 4;
            return new UTF32Encoding(false, false);
        }
        if (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
        {
            length = 4;
            return new UTF32Encoding(true, false);
        }
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        {
            length = 3;
            return LenientUtf8;
        }
        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        {
            length = 2;
            return new UnicodeEncoding(false, false);
        }
        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        {
            length = 2;
            return new UnicodeEncoding(true, false);
        }
        // No BOM but "<" as UTF-16 (XML 1.0 appendix F): as certain as a BOM.
        if (b.Length >= 4 && b[0] == '<' && b[1] == 0 && b[2] != 0 && b[3] == 0)
        {
            return new UnicodeEncoding(false, false);
        }
        if (b.Length >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] != 0)
        {
            return new UnicodeEncoding(true, false);
        }
        return null;
    }

    /// <summary>Reads encoding="..." from an XML declaration in the first bytes (ASCII-compatible only).</summary>
    public static string? SniffXmlDeclarationEncoding(byte[] bytes)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 512));
        var start = head.IndexOf("<?xml", StringComparison.Ordinal);
        if (start < 0 || head[..start].Trim().Length > 0)
        {
            return null;
        }
        var end = head.IndexOf("?>", start, StringComparison.Ordinal);
        var decl = end < 0 ? head[start..] : head[start..end];
        var at = decl.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var rest = decl[(at + "encoding".Length)..].TrimStart().TrimStart('=').TrimStart();
        if (rest.Length < 2 || (rest[0] != '"' && rest[0] != '\''))
        {
            return null;
        }
        var close = rest.IndexOf(rest[0], 1);
        return close < 0 ? null : rest[1..close];
    }

    /// <summary>Drops a leading BOM and composes to NFC: windows-1258 decodes tone marks as
    /// combining characters, and everything downstream compares NFC text.</summary>
    private static string Strip(string s)
    {
        if (s.Length > 0 && s[0] == '\uFEFF')
        {
            s = s[1..];
        }
        return Nfc.Of(s);
    }

    private static string Clip(string s) => s.Length > 40 ? s[..40] : s;
}
