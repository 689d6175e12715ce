using System.Text;
using System.Text.Unicode;

namespace DuLuan.Features.Monitoring.Ingest;

/// <summary>
/// Whether a document can be read straight from its bytes with the same entries as decoding, normalising and repairing
/// it as text first (<see cref="FeedParser.ParseStreaming"/>): UTF-8 by every label it carries and valid, already NFC,
/// starting with markup, and holding nothing <see cref="XmlRepair"/> would change (a DOCTYPE or other declaration, an
/// ampersand that is not one of the five XML entities or a valid character reference, a character XML does not allow).
/// CDATA sections and comments are copied by the repair as they are, so they are skipped. Any doubt means no: the text
/// path then reads the document as before.
/// </summary>
internal static class CleanUtf8Document
{
    private const int Block = 64 * 1024;

    public static bool Accepts(byte[] bytes, string? httpCharset)
    {
        var body = bytes.AsSpan();
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }
        var label = string.IsNullOrWhiteSpace(httpCharset) ? FeedTextDecoder.SniffXmlDeclarationEncoding(bytes) : httpCharset;
        if (label is not null && FeedTextDecoder.Lookup(label) is not UTF8Encoding)
        {
            return false;
        }
        if (!Utf8.IsValid(body))
        {
            return false;
        }
        var start = body.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && body[start] == (byte)'<' && MarkupIsClean(body) && IsNfc(body);
    }

    private static bool MarkupIsClean(ReadOnlySpan<byte> body)
    {
        for (var i = 0; i < body.Length; i++)
        {
            var b = body[i];
            if (b < 0x20 && b is not (9 or 10 or 13))
            {
                return false;
            }
            if (b == (byte)'<' && body[(i + 1)..].StartsWith("!"u8))
            {
                var rest = body[i..];
                var terminator = rest.StartsWith("<![CDATA["u8) ? "]]>"u8 : rest.StartsWith("<!--"u8) ? "-->"u8 : [];
                var end = terminator.IsEmpty ? -1 : rest.IndexOf(terminator);
                if (end < 0)
                {
                    return false;
                }
                i += end + terminator.Length - 1;
            }
            else if (b == (byte)'&' && !IsXmlReference(body[i..]))
            {
                return false;
            }
            else if (b == 0xEF && body[i..].Length >= 3 && body[i + 1] == 0xBF && body[i + 2] is 0xBE or 0xBF)
            {
                // U+FFFE, U+FFFF: not XML characters.
                return false;
            }
        }
        return true;
    }

    /// <summary>&amp;amp; &amp;lt; &amp;gt; &amp;quot; &amp;apos; or a character reference XmlRepair keeps as it is.</summary>
    private static bool IsXmlReference(ReadOnlySpan<byte> at)
    {
        var end = at[1..Math.Min(at.Length, 41)].IndexOf((byte)';');
        if (end <= 0)
        {
            return false;
        }
        var name = Encoding.ASCII.GetString(at.Slice(1, end));
        return name is "amp" or "lt" or "gt" or "quot" or "apos" || (name[0] == '#' && XmlRepair.IsValidCharRef(name.AsSpan(1)));
    }

    /// <summary>Decoded a block at a time, each checked with the end of the one before so no sequence is cut.</summary>
    private static bool IsNfc(ReadOnlySpan<byte> body)
    {
        if (!body.ContainsAnyInRange((byte)0x80, (byte)0xFF))
        {
            return true;
        }
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[Block + 64];
        var carry = "";
        try
        {
            for (var offset = 0; offset < body.Length; offset += Block)
            {
                var bytes = body.Slice(offset, Math.Min(Block, body.Length - offset));
                var count = decoder.GetChars(bytes, chars, flush: offset + bytes.Length == body.Length);
                var text = carry + new string(chars, 0, count);
                if (!text.IsNormalized(NormalizationForm.FormC))
                {
                    return false;
                }
                var keep = Math.Min(32, text.Length);
                if (keep < text.Length && char.IsLowSurrogate(text[^keep]))
                {
                    keep++;
                }
                carry = text[^keep..];
            }
        }
        catch (ArgumentException)
        {
            return false;
        }
        return true;
    }
}
