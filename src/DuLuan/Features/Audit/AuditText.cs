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

    /// <summary>The actor name <see cref="AuditLog"/> stores for work done outside a request (the command line, a job).</summary>
    public const string CommandLineActor = "cli";

    public string Action(string action) => Found($"{ActionPrefix}{action}") ?? action;

    /// <summary>Every action that has a label, ordered by label.</summary>
    public IReadOnlyList<(string Action, string Label)> Actions() => l.GetAllStrings(true)
        .Where(s => s.Name.StartsWith(ActionPrefix, StringComparison.Ordinal))
        .Select(s => (s.Name[ActionPrefix.Length..], s.Value))
        .DistinctBy(a => a.Item1)
        .OrderBy(a => a.Value, StringComparer.Create(System.Globalization.CultureInfo.CurrentUICulture, ignoreCase: true))
        .ToList();

    /// <summary>
    /// Who did it, in words: the member's display name when the id is known (older rows stored the e-mail), work done
    /// outside a request (the command line, a background job) as "Audit.Actor.Cli", no one signed in (a failed sign-in)
    /// as "Audit.Actor.Anonymous", otherwise what was stored.
    /// </summary>
    public string? Actor(string? actorId, string? storedName, IReadOnlyDictionary<string, string> names)
    {
        if (actorId is not null && names.TryGetValue(actorId, out var name))
        {
            return name;
        }

        return storedName switch
        {
            CommandLineActor => l["Audit.Actor.Cli"].Value,
            null => l["Audit.Actor.Anonymous"].Value,
            _ => storedName,
        };
    }

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

        if (Phrases.TryGetValue(detail, out var phrase))
        {
            return l[$"Audit.Detail.{phrase}"];
        }

        if (TierOf().Match(detail) is { Success: true } tier)
        {
            return l["Audit.Detail.Tier", tier.Groups[1].Value, tier.Groups[2].Value];
        }

        if (ApprovalsOf().Match(detail) is { Success: true } approvals)
        {
            return l["Audit.Detail.Approvals", approvals.Groups[1].Value, approvals.Groups[2].Value];
        }

        if (FixedDates().Match(detail) is { Success: true } fixedDates)
        {
            return l["Audit.Detail.FixedDates", fixedDates.Groups[1].Value, fixedDates.Groups[2].Value];
        }

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
        if (shown is null)
        {
            return detail;
        }

        // "Approved: tier 1/2": the rest in words too.
        var rest = word.Groups[2].Value;
        return rest.Length > 1 ? $"{shown}: {Detail(action, rest[1..].TrimStart())}" : shown + rest;
    }

    /// <summary>Fixed details the features write, each with its label "Audit.Detail.{name}".</summary>
    private static readonly Dictionary<string, string> Phrases = new(StringComparer.Ordinal)
    {
        ["2fa"] = "TwoStep",
        ["recovery-code"] = "RecoveryCode",
        ["new-secret"] = "NewSecret",
        ["recovery-codes-password"] = "RecoveryCodesPassword",
        ["re-enrol-password"] = "ReEnrolPassword",
        ["e-mail"] = "Mail",
        ["contact"] = "Contact",
        ["contact: answer mailed"] = "AnswerMailed",
        ["content changed: approvals expired"] = "ApprovalsExpired",
        ["docx"] = "Docx",
        ["xlsform"] = "XlsForm",
    };

    private string LocalTimes(string text) => IsoTime().Replace(text, m =>
        DateTime.TryParse(m.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? office.Text(at) : m.Value);

    private string? Found(string key)
    {
        var text = l[key];
        return text.ResourceNotFound ? null : text.Value;
    }

    [GeneratedRegex(@"^([a-z0-9-]+)[: ](\d{1,19})$")]
    private static partial Regex NumberedTarget();

    [GeneratedRegex(@"^tier (\d{1,2})/(\d{1,2})$")]
    private static partial Regex TierOf();

    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})$")]
    private static partial Regex ApprovalsOf();

    [GeneratedRegex(@"^fixed dates (\d{4}): (\d{1,3})$")]
    private static partial Regex FixedDates();

    [GeneratedRegex(@"^(\d{1,9}) paper responses today$")]
    private static partial Regex PaperToday();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})")]
    private static partial Regex IsoTime();

    [GeneratedRegex(@"^(role|kind)=([A-Za-z]+)$")]
    private static partial Regex NamedValue();

    [GeneratedRegex(@"^([A-Z][A-Za-z]+)(:.*)?$", RegexOptions.Singleline)]
    private static partial Regex LeadingWord();
}
