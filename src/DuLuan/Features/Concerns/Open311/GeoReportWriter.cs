using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace DuLuan.Features.Concerns.Open311;

/// <summary>Fields of one GeoReport element, in order. Values: string, number, bool, null, DateTimeOffset, <see cref="GeoFields"/> or <see cref="GeoList"/>.</summary>
public sealed class GeoFields : List<KeyValuePair<string, object?>>
{
    public void Add(string key, object? value) => Add(new KeyValuePair<string, object?>(key, value));
}

/// <summary>A repeated element: a JSON array, or XML children named <see cref="ItemName"/>.</summary>
public sealed record GeoList(string ItemName, IReadOnlyList<object> Items);

/// <summary>Writes the same GeoReport v2 document as JSON or as the spec's XML form.</summary>
public static class GeoReportWriter
{
    public const string Json = "json";
    public const string Xml = "xml";

    public static IResult Write(string format, string xmlRoot, object value, int status = StatusCodes.Status200OK)
        => format == Xml
            ? Results.Text(ToXml(xmlRoot, value), "text/xml; charset=utf-8", Encoding.UTF8, status)
            : Results.Text(ToJson(value), "application/json; charset=utf-8", Encoding.UTF8, status);

    public static IResult Error(string format, int status, string description)
        => Write(format, "errors", new GeoList("error", [new GeoFields { { "code", status }, { "description", description } }]), status);

    public static string ToJson(object value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteJson(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string ToXml(string root, object value)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, CheckCharacters = true };
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, settings))
        {
            writer.WriteStartDocument();
            WriteXml(writer, root, value);
            writer.WriteEndDocument();
        }

        // StringBuilder output declares utf-16; the response is UTF-8.
        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void WriteJson(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case GeoFields fields:
                writer.WriteStartObject();
                foreach (var (key, item) in fields)
                {
                    writer.WritePropertyName(key);
                    WriteJson(writer, item);
                }

                writer.WriteEndObject();
                break;
            case GeoList list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteJson(writer, item);
                }

                writer.WriteEndArray();
                break;
            default: throw new ArgumentException($"Unsupported GeoReport value {value.GetType()}", nameof(value));
        }
    }

    private static void WriteXml(XmlWriter writer, string name, object? value)
    {
        writer.WriteStartElement(name);
        switch (value)
        {
            case null: break;
            case string s: writer.WriteString(XmlSafe(s)); break;
            case bool b: writer.WriteString(b ? "true" : "false"); break;
            case int i: writer.WriteString(i.ToString(CultureInfo.InvariantCulture)); break;
            case long l: writer.WriteString(l.ToString(CultureInfo.InvariantCulture)); break;
            case double d: writer.WriteString(d.ToString("R", CultureInfo.InvariantCulture)); break;
            case GeoFields fields:
                foreach (var (key, item) in fields)
                {
                    WriteXml(writer, key, item);
                }

                break;
            case GeoList list:
                foreach (var item in list.Items)
                {
                    WriteXml(writer, list.ItemName, item);
                }

                break;
            default: throw new ArgumentException($"Unsupported GeoReport value {value.GetType()}", nameof(value));
        }

        writer.WriteEndElement();
    }

    /// <summary>Drops characters XML 1.0 cannot carry (control characters, lone surrogates) rather than failing the response.</summary>
    private static string XmlSafe(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
