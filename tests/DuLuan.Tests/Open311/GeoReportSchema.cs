using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace DuLuan.Tests.Open311;

/// <summary>
/// The GeoReport v2 response shapes (http://wiki.open311.org/GeoReport_v2) as assertions: required
/// members, their JSON types, allowed values, w3c date-times; and the XML form's element names.
/// Unknown members are allowed (the spec permits extensions) but must be named "duluan_*".
/// </summary>
public static partial class GeoReportSchema
{
    [Flags]
    public enum T
    {
        Text = 1,
        Null = 2,
        Number = 4,
        Boolean = 8,
        Array = 16,
        Map = 32,
        DateTime = 64 | Text,
    }

    public sealed record Member(string Name, T Type, bool Required = false, string[]? Values = null);

    public static readonly Member[] Service =
    [
        new("service_code", T.Text, true), new("service_name", T.Text, true), new("description", T.Text | T.Null),
        new("metadata", T.Boolean, true), new("type", T.Text, true, ["realtime", "batch", "blackbox"]), new("keywords", T.Text | T.Null), new("group", T.Text | T.Null),
    ];

    public static readonly Member[] ServiceDefinition = [new("service_code", T.Text, true), new("attributes", T.Array, true)];

    public static readonly Member[] Request =
    [
        new("service_request_id", T.Text, true), new("status", T.Text, true, ["open", "closed"]), new("status_notes", T.Text | T.Null),
        new("service_name", T.Text | T.Null), new("service_code", T.Text, true), new("description", T.Text | T.Null),
        new("agency_responsible", T.Text | T.Null), new("service_notice", T.Text | T.Null), new("requested_datetime", T.DateTime, true),
        new("updated_datetime", T.DateTime | T.Null), new("expected_datetime", T.DateTime | T.Null), new("address", T.Text | T.Null),
        new("address_id", T.Text | T.Null), new("zipcode", T.Text | T.Null), new("lat", T.Number | T.Null), new("long", T.Number | T.Null),
        new("media_url", T.Text | T.Null),
    ];

    public static readonly Member[] PostResponse = [new("token", T.Text), new("service_request_id", T.Text), new("service_notice", T.Text | T.Null), new("account_id", T.Text | T.Null)];

    public static readonly Member[] TokenResponse = [new("service_request_id", T.Text | T.Null, true), new("token", T.Text, true)];

    public static readonly Member[] Error = [new("code", T.Number, true), new("description", T.Text, true)];

    public static readonly Member[] EndpointMembers =
    [
        new("specification", T.Text, true), new("url", T.Text, true), new("changeset", T.DateTime, true), new("type", T.Text, true, ["production", "test"]), new("formats", T.Array, true),
    ];

    public static readonly Member[] Discovery = [new("changeset", T.DateTime, true), new("contact", T.Text, true), new("key_service", T.Text, true), new("endpoints", T.Array, true)];

    /// <summary>Asserts that <paramref name="json"/> is an array whose items each match <paramref name="members"/>; returns the items.</summary>
    public static List<JsonElement> AssertArrayOf(string json, Member[] members)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        var items = document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
        foreach (var item in items)
        {
            AssertObject(item, members);
        }

        return items;
    }

    public static void AssertObject(JsonElement item, Member[] members)
    {
        Assert.Equal(JsonValueKind.Object, item.ValueKind);
        foreach (var member in members)
        {
            if (!item.TryGetProperty(member.Name, out var value))
            {
                Assert.False(member.Required, $"required member {member.Name} missing in {item}");
                continue;
            }

            Assert.True(Matches(value, member.Type), $"{member.Name} is {value.ValueKind} ({value}), expected {member.Type}");
            if (member.Values is not null && value.ValueKind == JsonValueKind.String)
            {
                Assert.Contains(value.GetString(), member.Values);
            }
        }

        foreach (var property in item.EnumerateObject())
        {
            Assert.True(members.Any(m => m.Name == property.Name) || property.Name.StartsWith("duluan_", StringComparison.Ordinal), $"unknown member {property.Name}");
        }
    }

    /// <summary>Asserts the XML form: root element, repeated item elements, and each item's children named as the JSON members.</summary>
    public static List<XElement> AssertXml(string xml, string root, string item, Member[] members)
    {
        var document = XDocument.Parse(xml);
        Assert.Equal(root, document.Root!.Name.LocalName);
        var items = document.Root.Elements().ToList();
        Assert.All(items, e => Assert.Equal(item, e.Name.LocalName));
        foreach (var element in items)
        {
            foreach (var member in members.Where(m => m.Required))
            {
                Assert.NotNull(element.Element(member.Name));
            }

            foreach (var child in element.Elements())
            {
                Assert.True(members.Any(m => m.Name == child.Name.LocalName) || child.Name.LocalName.StartsWith("duluan_", StringComparison.Ordinal), $"unknown element {child.Name}");
                if (members.FirstOrDefault(m => m.Name == child.Name.LocalName) is { } m && (m.Type & T.DateTime) == T.DateTime && child.Value.Length > 0)
                {
                    Assert.Matches(W3cDateTime(), child.Value);
                }
            }
        }

        return items;
    }

    private static bool Matches(JsonElement value, T type) => value.ValueKind switch
    {
        JsonValueKind.Null => type.HasFlag(T.Null),
        JsonValueKind.String => type.HasFlag(T.Text) && ((type & T.DateTime) != T.DateTime || W3cDateTime().IsMatch(value.GetString()!)),
        JsonValueKind.Number => type.HasFlag(T.Number),
        JsonValueKind.True or JsonValueKind.False => type.HasFlag(T.Boolean),
        JsonValueKind.Array => type.HasFlag(T.Array),
        JsonValueKind.Object => type.HasFlag(T.Map),
        _ => false,
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$")]
    private static partial Regex W3cDateTime();
}
