using System.Text;

namespace DuLuan.Analysis.Text;

/// <summary>
/// Bytes or strings in any Vietnamese encoding to Unicode. Detection scores every candidate decoding by how many
/// well-formed Vietnamese syllables it yields and keeps real Unicode text unless another decoding is clearly better.
/// </summary>
public static class VietnameseDecoder
{
    private static readonly System.Buffers.SearchValues<char> ViqrMarks = System.Buffers.SearchValues.Create("'`?~.^(+");
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly System.Text.Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
    private static readonly System.Text.Encoding Windows1258 = CodePagesEncodingProvider.Instance.GetEncoding(1258)!;

    /// <summary>Decodes bytes (a feed item, a file, a line), detecting BOMs, UTF-8 and the legacy encodings.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, out VietnameseEncoding detected)
    {
        detected = VietnameseEncoding.Unicode;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        if (TryUtf8(bytes, out var utf8))
        {
            return Repair(utf8, out detected);
        }

        var best = Windows1252.GetString(bytes);
        var bestScore = VietnameseScore.Score(best);
        detected = VietnameseEncoding.Unknown;
        Consider(Tcvn3Codec.Decode(bytes), VietnameseEncoding.Tcvn3, ref best, ref bestScore, ref detected);
        Consider(VniCodec.Decode(bytes), VietnameseEncoding.Vni, ref best, ref bestScore, ref detected);
        Consider(Windows1258.GetString(bytes), VietnameseEncoding.Windows1258, ref best, ref bestScore, ref detected);
        return detected == VietnameseEncoding.Unknown ? best : VietnameseNormalizer.Normalize(best);
    }

    /// <summary>Decodes bytes known to be in <paramref name="encoding"/>; <see cref="VietnameseEncoding.Unicode"/> means UTF-8.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, VietnameseEncoding encoding) => encoding switch
    {
        VietnameseEncoding.Tcvn3 => VietnameseNormalizer.Normalize(Tcvn3Codec.Decode(bytes)),
        VietnameseEncoding.Vni => VietnameseNormalizer.Normalize(VniCodec.Decode(bytes)),
        VietnameseEncoding.Windows1258 => VietnameseNormalizer.Normalize(Windows1258.GetString(bytes)),
        VietnameseEncoding.Viqr => VietnameseNormalizer.Normalize(ViqrCodec.Decode(Encoding.UTF8.GetString(bytes))),
        VietnameseEncoding.Unknown => Windows1252.GetString(bytes),
        _ => Encoding.UTF8.GetString(bytes),
    };

    /// <summary>Converts a string that holds legacy text (VIQR, or TCVN3/VNI bytes shown as Latin-1) when that is clearly what it is.</summary>
    public static string Repair(string text, out VietnameseEncoding detected)
    {
        ArgumentNullException.ThrowIfNull(text);
        detected = VietnameseEncoding.Unicode;
        var latin1Only = true;
        var hasHigh = false;
        foreach (var c in text)
        {
            if (c > '\u00FF')
            {
                latin1Only = false;
                break;
            }
            hasHigh |= c >= '\u0080';
        }
        if (!latin1Only)
        {
            return text;
        }

        var best = text;
        var bestScore = VietnameseScore.Score(text);
        var margin = Math.Max(1, CountWords(text) / 5);
        if (hasHigh)
        {
            ConsiderWithMargin(Tcvn3Codec.FromLatin1View(text), VietnameseEncoding.Tcvn3, margin, ref best, ref bestScore, ref detected);
            ConsiderWithMargin(VniCodec.FromLatin1View(text), VietnameseEncoding.Vni, margin, ref best, ref bestScore, ref detected);
        }
        if (text.AsSpan().IndexOfAny(ViqrMarks) >= 0 || text.Contains("dd", StringComparison.OrdinalIgnoreCase))
        {
            ConsiderWithMargin(ViqrCodec.Decode(text), VietnameseEncoding.Viqr, margin + 1, ref best, ref bestScore, ref detected);
        }
        return detected == VietnameseEncoding.Unicode ? text : VietnameseNormalizer.Normalize(best);
    }

    /// <summary>Converts a string known to be in <paramref name="encoding"/> (legacy bytes shown as Latin-1, or VIQR).</summary>
    public static string Convert(string text, VietnameseEncoding encoding) => encoding switch
    {
        VietnameseEncoding.Tcvn3 => VietnameseNormalizer.Normalize(Tcvn3Codec.FromLatin1View(text)),
        VietnameseEncoding.Vni => VietnameseNormalizer.Normalize(VniCodec.FromLatin1View(text)),
        VietnameseEncoding.Viqr => VietnameseNormalizer.Normalize(ViqrCodec.Decode(text)),
        VietnameseEncoding.Windows1258 => VietnameseNormalizer.Normalize(text),
        _ => text,
    };

    private static bool TryUtf8(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static void Consider(string candidate, VietnameseEncoding encoding, ref string best, ref int bestScore, ref VietnameseEncoding detected) =>
        ConsiderWithMargin(candidate, encoding, 1, ref best, ref bestScore, ref detected);

    private static void ConsiderWithMargin(string candidate, VietnameseEncoding encoding, int margin, ref string best, ref int bestScore, ref VietnameseEncoding detected)
    {
        var score = VietnameseScore.Score(candidate);
        if (score > 0 && score >= bestScore + margin)
        {
            best = candidate;
            bestScore = score;
            detected = encoding;
        }
    }

    private static int CountWords(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetter(c);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }
        return words;
    }
}
