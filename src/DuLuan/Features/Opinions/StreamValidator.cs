using System.Globalization;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Opinions;

/// <summary>Turns posted strings into a <see cref="StreamDraft"/>, or errors that name the stream and the field.</summary>
public static class StreamValidator
{
    public const int MinSummary = 10;
    public const int MinTopicName = 3;

    public static StreamDraft? Check(StreamInput input, int number, IReadOnlyList<OpinionTopic> topics, IStringLocalizer l, List<(string Field, string Message)> errors)
    {
        var before = errors.Count;
        long? topicId = null;
        string? newTopic = null;
        if (!string.IsNullOrWhiteSpace(input.TopicId))
        {
            if (long.TryParse(input.TopicId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && topics.Any(t => t.Id == id))
            {
                topicId = id;
            }
            else
            {
                errors.Add(("TopicId", l["Opinions.Error.Topic", number]));
            }
        }
        else
        {
            var name = input.NewTopic is null ? string.Empty : OpinionText.TopicName(input.NewTopic);
            if (input.NewTopic is null || input.NewTopic.Length > OpinionLimits.TopicName * 2 || name.Length < MinTopicName || name.Length > OpinionLimits.TopicName || OpinionText.Fold(name).Trim().Length == 0)
            {
                errors.Add(("NewTopic", l["Opinions.Error.Topic", number]));
            }
            else if (OpinionText.Clean(input.NewTopic).Removed.Count > 0)
            {
                // A topic is a matter residents talk about, never a person.
                errors.Add(("NewTopic", l["Opinions.Error.TopicPerson", number]));
            }
            else
            {
                newTopic = name;
            }
        }

        var summary = input.Summary ?? string.Empty;
        var cleaned = summary.Length > OpinionLimits.Summary ? null : OpinionText.Clean(summary).Text;
        if (cleaned is null || cleaned.Length < MinSummary || cleaned.Length > OpinionLimits.Summary)
        {
            errors.Add(("Summary", l["Opinions.Error.Summary", number, MinSummary, OpinionLimits.Summary]));
        }

        var tendency = ParseName<Tendency>(input.Tendency);
        if (string.IsNullOrEmpty(input.Tendency))
        {
            errors.Add(("Tendency", l["Opinions.Error.TendencyMissing", number]));
        }
        else if (tendency is null)
        {
            errors.Add(("Tendency", l["Opinions.Error.Tendency", number]));
        }

        var intensity = 0;
        if (input.Intensity is not { Length: 1 } || !int.TryParse(input.Intensity, NumberStyles.None, CultureInfo.InvariantCulture, out intensity) || intensity is < OpinionStream.MinIntensity or > OpinionStream.MaxIntensity)
        {
            errors.Add(("Intensity", l["Opinions.Error.Intensity", number]));
        }

        var spread = ParseName<Spread>(input.Spread);
        if (spread is null)
        {
            errors.Add(("Spread", l["Opinions.Error.Spread", number]));
        }

        var sources = OpinionSources.None;
        foreach (var s in input.Sources)
        {
            var flag = ParseName<OpinionSources>(s);
            if (flag is null or OpinionSources.None)
            {
                sources = OpinionSources.None;
                break;
            }

            sources |= flag.Value;
        }

        if (sources == OpinionSources.None)
        {
            errors.Add(("Sources", l["Opinions.Error.Sources", number]));
        }

        var suggestion = string.IsNullOrWhiteSpace(input.Suggestion) ? null : input.Suggestion;
        if (suggestion is not null && (suggestion.Length > OpinionLimits.Suggestion || OpinionText.Clean(suggestion).Text.Length > OpinionLimits.Suggestion))
        {
            errors.Add(("Suggestion", l["Opinions.Error.Suggestion", number, OpinionLimits.Suggestion]));
        }

        return errors.Count > before ? null : new StreamDraft(topicId, newTopic, summary, tendency!.Value, intensity, spread!.Value, sources, suggestion);
    }

    /// <summary>Only a declared name, exactly as written: no numbers, no case folding, no comma lists.</summary>
    public static T? ParseName<T>(string? value)
        where T : struct, Enum
        => value is not null && Enum.GetNames<T>().Contains(value, StringComparer.Ordinal) ? Enum.Parse<T>(value) : null;
}
