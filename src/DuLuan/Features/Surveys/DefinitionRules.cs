using System.Globalization;
using System.Text.RegularExpressions;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Surveys;

/// <summary>Checks a definition before it is saved: every problem named, as a message the page renders.</summary>
public static partial class DefinitionRules
{
    public const int MaxShortText = 300;
    public const int MaxLongText = 4000;
    public const int MaxQuestions = 200;
    public const int MaxOptions = 100;
    public const int MaxLabel = 1000;
    public const int MaxJsonLength = 512 * 1024;

    public static List<Message> Validate(SurveyDefinition definition)
    {
        var errors = new List<Message>();
        var languages = definition.Languages ?? [];
        if (!languages.Contains("vi") || !languages.Contains("en"))
        {
            errors.Add(new Message("Surveys.Rules.Languages"));
        }

        foreach (var language in languages.Where(l => !LanguagePattern().IsMatch(l ?? string.Empty)))
        {
            errors.Add(new Message("Surveys.Rules.LanguageCode", language));
        }

        if (languages.Distinct(StringComparer.Ordinal).Count() != languages.Count || languages.Count > 10)
        {
            errors.Add(new Message("Surveys.Rules.LanguageList"));
        }

        RequireLabels(definition.Title, new Message("Surveys.Rules.SurveyTitle"), 300, errors);
        var seen = new Dictionary<string, SurveyQuestion>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (definition.Sections is null || definition.Sections.Count == 0)
        {
            errors.Add(new Message("Surveys.Rules.NoSection"));
            return errors;
        }

        foreach (var section in definition.Sections)
        {
            CheckKey(section.Key, keys, errors);
            RequireLabels(section.Title, new Message("Surveys.Rules.SectionTitle", section.Key), 300, errors);
            CheckConditions(section.Relevant, seen, new Message("Surveys.Rules.Section", section.Key), errors);
            foreach (var question in section.Questions ?? [])
            {
                CheckQuestion(question, keys, seen, errors);
                seen[question.Key] = question;
            }
        }

        if (seen.Count > MaxQuestions)
        {
            errors.Add(new Message("Surveys.Rules.TooManyQuestions", MaxQuestions));
        }

        if (seen.Values.Count(q => q.Type == QuestionType.Unit) > 1)
        {
            errors.Add(new Message("Surveys.Rules.OneUnitQuestion"));
        }

        return errors;
    }

    private static void CheckQuestion(SurveyQuestion q, HashSet<string> keys, Dictionary<string, SurveyQuestion> earlier, List<Message> errors)
    {
        CheckKey(q.Key, keys, errors);
        var subject = new Message("Surveys.Rules.Question", q.Key);
        if (!Enum.IsDefined(q.Type))
        {
            errors.Add(About(subject, "Surveys.Rules.UnknownType"));
        }

        RequireLabels(q.Label, subject, MaxLabel, errors);
        if (q.IsChoice)
        {
            var options = q.Options ?? [];
            if (options.Count < 2 || options.Count > MaxOptions)
            {
                errors.Add(About(subject, "Surveys.Rules.OptionCount", MaxOptions));
            }

            var optionKeys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var option in options)
            {
                if (!KeyPattern().IsMatch(option.Key ?? string.Empty) || !optionKeys.Add(option.Key!))
                {
                    errors.Add(About(subject, "Surveys.Rules.OptionCode", option.Key));
                }

                RequireLabels(option.Label, new Message("Surveys.Rules.Option", subject, option.Key), MaxLabel, errors);
            }
        }
        else if (q.Options is { Count: > 0 })
        {
            errors.Add(About(subject, "Surveys.Rules.NoOptions"));
        }

        if (q.Type == QuestionType.Rating)
        {
            if (q.Min is not { } min || q.Max is not { } max || min != Math.Floor(min) || max != Math.Floor(max) || min >= max || max - min > 100)
            {
                errors.Add(About(subject, "Surveys.Rules.Rating"));
            }
        }
        else if (q.Type == QuestionType.Number)
        {
            if ((q.Min is { } min && !double.IsFinite(min)) || (q.Max is { } max && !double.IsFinite(max)) || (q.Min > q.Max))
            {
                errors.Add(About(subject, "Surveys.Rules.MinAboveMax"));
            }
        }
        else if (q.Min is not null || q.Max is not null)
        {
            errors.Add(About(subject, "Surveys.Rules.BoundsNotAllowed"));
        }

        if (q.Type == QuestionType.Date)
        {
            if ((q.MinDate is not null && !TryDate(q.MinDate, out _)) || (q.MaxDate is not null && !TryDate(q.MaxDate, out _)))
            {
                errors.Add(About(subject, "Surveys.Rules.DateBounds"));
            }
        }

        if (q.MaxLength is { } length && (q.Type is not (QuestionType.Text or QuestionType.LongText) || length < 1 || length > MaxLongText))
        {
            errors.Add(About(subject, "Surveys.Rules.MaxLength", MaxLongText));
        }

        CheckConditions(q.Relevant, earlier, subject, errors);
    }

    private static void CheckConditions(List<SurveyCondition>? conditions, Dictionary<string, SurveyQuestion> earlier, Message subject, List<Message> errors)
    {
        foreach (var c in conditions ?? [])
        {
            if (!earlier.TryGetValue(c.Question ?? string.Empty, out var target))
            {
                errors.Add(About(subject, "Surveys.Rules.ConditionTarget", c.Question));
                continue;
            }

            var ok = c.Op switch
            {
                ConditionOp.Answered => c.Value is null,
                ConditionOp.Equals or ConditionOp.NotEquals => target.IsChoice && target.Type != QuestionType.Multiple
                    ? target.Options!.Any(o => o.Key == c.Value)
                    : c.Value is not null,
                ConditionOp.Includes => target.Type == QuestionType.Multiple && target.Options!.Any(o => o.Key == c.Value),
                ConditionOp.GreaterThan or ConditionOp.LessThan => target.Type is QuestionType.Number or QuestionType.Rating
                    && double.TryParse(c.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
                _ => false,
            };
            if (!ok)
            {
                errors.Add(About(subject, "Surveys.Rules.Condition", c.Op, c.Question, c.Value));
            }
        }
    }

    private static void CheckKey(string? key, HashSet<string> keys, List<Message> errors)
    {
        if (!KeyPattern().IsMatch(key ?? string.Empty))
        {
            errors.Add(new Message("Surveys.Rules.KeyInvalid", key));
        }
        else if (!keys.Add(key!))
        {
            errors.Add(new Message("Surveys.Rules.KeyTwice", key));
        }
    }

    private static void RequireLabels(Labels? labels, Message subject, int max, List<Message> errors)
    {
        if (labels is null || string.IsNullOrWhiteSpace(labels.GetValueOrDefault("vi")) || string.IsNullOrWhiteSpace(labels.GetValueOrDefault("en")))
        {
            errors.Add(About(subject, "Surveys.Rules.NeedLabels"));
        }
        else if (labels.Values.Any(v => v is not null && v.Length > max))
        {
            errors.Add(About(subject, "Surveys.Rules.LabelTooLong", max));
        }
    }

    private static Message About(Message subject, string key, params object?[] args) => new("Surveys.Rules.About", subject, new Message(key, args));

    public static bool TryDate(string text, out DateOnly date)
        => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,39}$")]
    public static partial Regex KeyPattern();

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex LanguagePattern();
}
