using System.Text.RegularExpressions;

namespace DuLuan.Features.Surveys;

/// <summary>A survey row's type, spelled as pyxform accepts it, reduced to one canonical word (and its choice list).</summary>
internal sealed record XlsFormType(string Kind, string? List, bool OrOther);

/// <summary>
/// The type spellings of pyxform (its alias tables): <c>select one from LIST</c>, <c>select all that apply LIST</c>,
/// <c>… or specify other</c>, <c>begin loop over LIST</c>, <c>phone number</c>, <c>add integer prompt</c> and so on.
/// </summary>
internal static partial class XlsFormTypes
{
    private static readonly Dictionary<string, string> SelectKinds = new(StringComparer.Ordinal)
    {
        ["add select one prompt using"] = "select_one",
        ["add select multiple prompt using"] = "select_multiple",
        ["select all that apply from"] = "select_multiple",
        ["select one from file"] = "select_one_from_file",
        ["select multiple from file"] = "select_multiple_from_file",
        ["select_one_from_file"] = "select_one_from_file",
        ["select_multiple_from_file"] = "select_multiple_from_file",
        ["select one external"] = "select_one_external",
        ["select_one_external"] = "select_one_external",
        ["select multiple external"] = "select_multiple_external",
        ["select_multiple_external"] = "select_multiple_external",
        ["select all that apply"] = "select_multiple",
        ["select one from"] = "select_one",
        ["select_one"] = "select_one",
        ["select one"] = "select_one",
        ["select1"] = "select_one",
        ["select_multiple"] = "select_multiple",
        ["select multiple"] = "select_multiple",
        ["rank"] = "rank",
    };

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["string"] = "text",
        ["add text prompt"] = "text",
        ["q string"] = "text",
        ["int"] = "integer",
        ["add integer prompt"] = "integer",
        ["q int"] = "integer",
        ["add decimal prompt"] = "decimal",
        ["q float"] = "decimal",
        ["add date prompt"] = "date",
        ["q date"] = "date",
        ["add note prompt"] = "note",
        ["q note"] = "note",
        ["add range prompt"] = "range",
        ["phone number"] = "phonenumber",
        ["get phone number"] = "phonenumber",
        ["imei"] = "deviceid",
        ["get device id"] = "deviceid",
        ["subscriber id"] = "subscriberid",
        ["get subscriber id"] = "subscriberid",
        ["get sim id"] = "simserial",
        ["get start time"] = "start",
        ["get end time"] = "end",
        ["get today"] = "today",
        ["uri:email"] = "email",
        ["uri:username"] = "username",
        ["date time"] = "datetime",
        ["add datetime prompt"] = "datetime",
        ["add date time prompt"] = "datetime",
        ["q date time"] = "datetime",
        ["add time prompt"] = "time",
        ["photo"] = "image",
        ["add image prompt"] = "image",
        ["add photo prompt"] = "image",
        ["q picture"] = "image",
        ["q image"] = "image",
        ["add audio prompt"] = "audio",
        ["q audio"] = "audio",
        ["add video prompt"] = "video",
        ["q video"] = "video",
        ["add file prompt"] = "file",
        ["location"] = "geopoint",
        ["add location prompt"] = "geopoint",
        ["q location"] = "geopoint",
        ["q geopoint"] = "geopoint",
        ["add acknowledge prompt"] = "acknowledge",
        ["q acknowledge"] = "acknowledge",
        ["add trigger prompt"] = "trigger",
        ["add barcode prompt"] = "barcode",
    };

    /// <summary>The type of <paramref name="raw"/>, or null when no XLSForm type is spelled that way.</summary>
    public static XlsFormType? Parse(string raw)
    {
        var text = Spaces().Replace(raw.Trim(), " ");
        if (Control().Match(text) is { Success: true } control)
        {
            var edge = control.Groups[1].Value.ToLowerInvariant();
            var kind = control.Groups[2].Value.Equals("group", StringComparison.OrdinalIgnoreCase) ? "group" : "repeat";
            return new XlsFormType(edge + "_" + kind, control.Groups[3].Success ? control.Groups[3].Value : null, false);
        }

        if (Select().Match(text) is { Success: true } select)
        {
            var command = Spaces().Replace(select.Groups[1].Value.ToLowerInvariant(), " ");
            return new XlsFormType(SelectKinds[command], select.Groups[2].Value, select.Groups[3].Success);
        }

        var lower = text.ToLowerInvariant();
        if (Aliases.TryGetValue(lower, out var alias))
        {
            return new XlsFormType(alias, null, false);
        }

        return lower.Contains(' ', StringComparison.Ordinal) ? null : new XlsFormType(lower, null, false);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(begin|end)[ _](group|repeat|lgroup|looped group|loop)(?: over (\S+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Control();

    [GeneratedRegex(@"^(add select one prompt using|add select multiple prompt using|select all that apply from|select one from file|select multiple from file|select_one_from_file|select_multiple_from_file|select one external|select_one_external|select multiple external|select_multiple_external|select all that apply|select one from|select_one|select one|select1|select_multiple|select multiple|rank) (\S+)( or specify other| or_other)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Select();
}
