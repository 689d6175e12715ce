using System.Globalization;
using System.Text.RegularExpressions;
using DuLuan.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Audit;

/// <summary>
/// Audit entries in words of the request culture: each action through its label "Audit.Action.{action}", targets
/// such as "claim:3" as "Claim 3", and the detail formats written by the features ("role=Editor", a verdict, a post
/// status, labelled "Audit.Value.{area}.{name}") through their labels, ISO times in office time (dd/MM/yyyy HH:mm); anything else is shown as stored.
/// </summary>
public sealed partial class AuditText(IStringLocalizer<SharedResource> l, OfficeTime office)
{
    private const string ActionPrefix = "Audit.Action.";

    public string Action(string action) => Found($"{ActionPrefix}{action}") ?? action;

    /// <summary>Every action that has a label, ordered by label.</summary>
    public IReadOnlyList<(string Action, string Label)> Actions() => l.GetAllStrings(true)
        .Where(s => s.Name.StartsWith(ActionPrefix, StringComparison.Ordinal))
        .Select(s => (s.Name[ActionPrefix.Length..], s.Value))
        .DistinctBy(a => a.Item1)
        .OrderBy(a => a.Value, StringComparer.Create(System.Globalization.CultureInfo.CurrentUICulture, ignoreCase: true))
        .ToList();

    public string? Target(string? target)
    {
        if (target is null || NumberedTarget().Match(target) is not { Success: true } match)
        {
            return target;
        }

        var text = l[$"Audit.Target.{match.Groups[1].Value}", match.Groups[2].Value];
        return text.ResourceNotFound ? target : text.Value;
    }

    public string? Detail(string action, string? detail)
    {
        if (detail is null)
        {
            return null;
        }

        detail = LocalTimes(detail);

        if (PaperToday().Match(detail) is { Success: true } paper)
        {
            return l["Audit.Detail.PaperToday", paper.Groups[1].Value];
        }

        if (NamedValue().Match(detail) is { Success: true } named)
        {
            var (name, value) = (named.Groups[1].Value, named.Groups[2].Value);
            var label = name switch
            {
                "role" => Found($"Role.{value}"),
                "kind" => Found($"Kind.{value}"),
                _ => null,
            };
            return label is null ? detail : l[name == "role" ? "Audit.Detail.Role" : "Audit.Detail.Kind", label].Value;
        }

        if (LeadingWord().Match(detail) is not { Success: true } word)
        {
            return detail;
        }

        // A status, verdict or cadence the feature wrote by name: "Audit.Value.{area}.{name}" (e.g. Audit.Value.claims.False).
        var shown = Found($"Audit.Value.{action.Split('.')[0]}.{word.Groups[1].Value}");
        return shown is null ? detail : shown + word.Groups[2].Value;
    }

    private string LocalTimes(string text) => IsoTime().Replace(text, m =>
        DateTime.TryParse(m.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? office.Text(at) : m.Value);

    private string? Found(string key)
    {
        var text = l[key];
        return text.ResourceNotFound ? null : text.Value;
    }

    [GeneratedRegex(@"^([a-z0-9-]+)[: ](\d{1,19})$")]
    private static partial Regex NumberedTarget();

    [GeneratedRegex(@"^(\d{1,9}) paper responses today$")]
    private static partial Regex PaperToday();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})")]
    private static partial Regex IsoTime();

    [GeneratedRegex(@"^(role|kind)=([A-Za-z]+)$")]
    private static partial Regex NamedValue();

    [GeneratedRegex(@"^([A-Z][A-Za-z]+)(:.*)?$", RegexOptions.Singleline)]
    private static partial Regex LeadingWord();
}
