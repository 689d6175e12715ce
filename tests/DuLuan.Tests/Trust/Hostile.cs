using System.Globalization;
using System.Text;

namespace DuLuan.Tests.Trust;

/// <summary>
/// A deterministic generator of hostile input: Vietnamese in NFC and NFD, zero-width and bidi characters, control
/// characters, lone surrogates, SQL and XSS payloads, sort/filter injection, huge numbers, 1 MB strings, and
/// malformed JSON, XML and CSV documents. The same seed gives the same cases.
/// </summary>
public sealed partial class Hostile(int seed)
{
    private readonly Random random = new(seed);

    public static readonly string[] Payloads =
    [
        "Đường Nguyễn Lương Bằng ngập nước sau mưa lớn, xe máy chết máy giữa đường.",
        "Đường Nguyễn Lương Bằng ngập nước".Normalize(NormalizationForm.FormD),
        "Hòa Khánh Hoà Khánh HOÀ KHÁNH hoa khanh",
        "a\u200Bb\u200Cc\u200Dd\uFEFFe\u2060f", "\u202Egnp.exe\u202C", "\u0000\u0001\u0007\u001B[31m", "\r\n\r\nSet-Cookie: x=1",
        "' OR '1'='1", "'; DROP TABLE cases; --", "1; SELECT pg_sleep(10); --", "\" OR \"\"=\"", "%' AND 1=0 UNION SELECT * FROM memberships --",
        "1) OR (1=1", "Id DESC; DELETE FROM units", "../../../../etc/passwd", "..%2F..%2Fappsettings.json", "%00", "%",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "<svg/onload=alert(1)>", "javascript:alert(1)",
        "<a href=\"javascript:alert(1)\">x</a>", "{{7*7}}", "${7*7}", "@(1+1)", "<iframe srcdoc='<script>alert(1)</script>'>",
        "\uD800", "\uDFFF\uD800", "😀🇻🇳👨‍👩‍👧", "\u0301\u0301\u0301\u0301", "ﷺ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        "-1", "0", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e309", "NaN", "Infinity", "0x1F", "1.5", "١٢٣",
        "true", "null", "[]", "{}", "", " ", "\t", "a@b", "test@example.vn", "0912345678", "+84 912 345 678",
        "2026-02-30", "9999-12-31T23:59:59Z", "0001-01-01", "20200", "48", "phan-anh",
    ];

    private const string VietnameseLetters = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐ";

    public static readonly string[] QueryNames = ["q", "sort", "order", "orderBy", "dir", "page", "pageSize", "filter", "status", "from", "to", "unitId", "id", "topic", "kind", "format", "lang", "culture", "returnUrl", "handler", "code", "days", "period", "severity"];

    public int Next(int max) => random.Next(max);

    public bool Chance(int percent) => random.Next(100) < percent;

    /// <summary>One hostile value; about 1 in 400 is a 1 MB string.</summary>
    public string Value()
    {
        switch (random.Next(400))
        {
            case 0: return new string('ạ', 1024 * 1024);
            case < 8: return new string('x', random.Next(200, 70_000));
        }

        var builder = new StringBuilder();
        var parts = random.Next(1, 4);
        for (var i = 0; i < parts; i++)
        {
            builder.Append(random.Next(5) switch
            {
                0 => Random(random.Next(1, 60)),
                _ => Payloads[random.Next(Payloads.Length)],
            });
        }

        return builder.ToString();
    }

    /// <summary>Random code points, weighted to Vietnamese letters, combining marks and odd characters.</summary>
    public string Random(int length)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(6) switch
            {
                0 => (char)random.Next(0x20, 0x7F),
                1 => VietnameseLetters[random.Next(VietnameseLetters.Length)],
                2 => (char)random.Next(0x300, 0x370),
                3 => (char)random.Next(0, 0x20),
                4 => (char)random.Next(0x2000, 0x2070),
                _ => (char)random.Next(0x80, 0xFFFF),
            });
        }

        return builder.ToString();
    }

    public string Number() => random.Next(4) switch
    {
        0 => random.NextInt64().ToString(CultureInfo.InvariantCulture),
        1 => random.Next(-5, 5).ToString(CultureInfo.InvariantCulture),
        _ => Value(),
    };

    /// <summary>A JSON document: valid shape with hostile values, or broken.</summary>
    public string Json(Func<Hostile, object?> shape)
    {
        switch (random.Next(8))
        {
            case 0: return Value();
            case 1: return new string('[', random.Next(1, 5000));
            case 2: return "{\"a\":" + new string('[', 200) + "1";
            case 3: return "{\"idempotencyKey\": \"" + Random(10) + "\", \"responses\": " + Value() + "}";
        }

        var text = System.Text.Json.JsonSerializer.Serialize(shape(this));
        return random.Next(6) == 0 && text.Length > 2 ? text[..random.Next(1, text.Length)] : text;
    }

    /// <summary>A CSV document with hostile cells, broken quoting or wrong column counts.</summary>
    public string Csv(string header, int columns)
    {
        var builder = new StringBuilder(random.Next(4) == 0 ? Value() + "\n" : header + "\n");
        for (var row = random.Next(0, 20); row > 0; row--)
        {
            var cells = Enumerable.Range(0, random.Next(columns + 2)).Select(_ => random.Next(4) switch
            {
                0 => "\"" + Value().Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
                1 => "\"" + Value(),
                2 => Number(),
                _ => Value().Replace(",", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal),
            });
            builder.Append(string.Join(random.Next(5) == 0 ? ";" : ",", cells)).Append(random.Next(3) == 0 ? "\r\n" : "\n");
        }

        return builder.ToString();
    }

    /// <summary>An RSS/Atom-like XML document with hostile text, entities, broken nesting or a DTD.</summary>
    public string Xml()
    {
        string Text() => random.Next(3) == 0 ? "<![CDATA[" + Value() + "]]>" : System.Security.SecurityElement.Escape(Value()) ?? string.Empty;
        var items = string.Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ =>
            $"<item><title>{Text()}</title><link>{Text()}</link><description>{Text()}</description><pubDate>{Text()}</pubDate><guid>{Text()}</guid></item>"));
        var document = random.Next(6) switch
        {
            0 => "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><rss><channel><title>&lol3;</title></channel></rss>",
            1 => "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><rss><channel><title>&xxe;</title></channel></rss>",
            2 => $"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>{Text()}</title><entry><title>{Text()}</title><link href=\"{Text()}\"/><updated>{Text()}</updated></entry></feed>",
            _ => $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{Text()}</title>{items}</channel></rss>",
        };
        return random.Next(5) == 0 && document.Length > 2 ? document[..random.Next(1, document.Length)] : document;
    }
}
