using System.Text;
using System.Text.RegularExpressions;

namespace DuLuan.Tests.Infrastructure;

/// <summary>A message as the SMTP server got it (envelope and raw DATA, bytes as Latin-1 chars), with decoded views for assertions.</summary>
public sealed partial record ReceivedMail(string From, IReadOnlyList<string> To, string Raw)
{
    public IReadOnlyDictionary<string, string> Headers => Parse(Raw).Headers;

    public string Subject => DecodeWords(Headers.GetValueOrDefault("subject", ""));

    public string? TextBody => Leaves(Raw).FirstOrDefault(l => l.Type == "text/plain").Text;

    public string? HtmlBody => Leaves(Raw).FirstOrDefault(l => l.Type == "text/html").Text;

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)")]
    private static partial Regex SpaceBetweenWords();

    /// <summary>RFC 2047: =?charset?B?base64?= and =?charset?Q?quoted?=, adjacent words joined without their space.</summary>
    public static string DecodeWords(string value) =>
        EncodedWord().Replace(SpaceBetweenWords().Replace(value, "$1"), m =>
        {
            var charset = Encoding.GetEncoding(m.Groups[1].Value);
            var bytes = char.ToUpperInvariant(m.Groups[2].Value[0]) == 'B'
                ? Convert.FromBase64String(m.Groups[3].Value)
                : QuotedPrintable(m.Groups[3].Value.Replace('_', ' '));
            return charset.GetString(bytes);
        });

    private static (Dictionary<string, string> Headers, string Body) Parse(string entity)
    {
        var split = entity.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? entity : entity[..split];
        var body = split < 0 ? "" : entity[(split + 4)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.Length > 0 && (line[0] is ' ' or '\t') && last is not null)
            {
                headers[last] += line; // unfold
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                last = line[..colon].Trim();
                headers[last] = line[(colon + 1)..].Trim();
            }
        }
        return (headers, body);
    }

    private static List<(string Type, string Text)> Leaves(string entity)
    {
        var (headers, body) = Parse(entity);
        var contentType = headers.GetValueOrDefault("content-type", "text/plain; charset=us-ascii");
        var type = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (type.StartsWith("multipart/", StringComparison.Ordinal))
        {
            var boundary = Parameter(contentType, "boundary") ?? throw new FormatException("multipart without boundary");
            return body.Split("--" + boundary)
                .Skip(1)
                .TakeWhile(part => !part.StartsWith("--", StringComparison.Ordinal))
                .SelectMany(part => Leaves(part.TrimStart('\r', '\n')))
                .ToList();
        }
        var bytes = headers.GetValueOrDefault("content-transfer-encoding", "7bit").Trim().ToLowerInvariant() switch
        {
            "base64" => Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))),
            "quoted-printable" => QuotedPrintable(body.Replace("=\r\n", "", StringComparison.Ordinal)),
            _ => Encoding.Latin1.GetBytes(body),
        };
        var charset = Encoding.GetEncoding(Parameter(contentType, "charset") ?? "us-ascii");
        return [(type, charset.GetString(bytes))];
    }

    private static string? Parameter(string header, string name)
    {
        foreach (var part in header.Split(';').Skip(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return part[(eq + 1)..].Trim().Trim('"');
            }
        }
        return null;
    }

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }
        return [.. bytes];
    }
}
