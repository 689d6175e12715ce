using System.Globalization;
using System.Text.Json;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Surveys;

/// <summary>One answer value ready to store; a multiple choice gives one per option.</summary>
public sealed record AnswerValue(string Question, string? Choice, double? Number, string? Text);

/// <summary>A refusal, naming the question (key and label) and the reason, rendered by the page or the API.</summary>
public sealed record AnswerError(string Question, Message Message);

/// <summary>A question's label in each language, cut to 80 characters, as an argument of a <see cref="Message"/>.</summary>
public sealed record QuestionLabel(Labels Labels) : ILanguageText
{
    public string In(string language)
    {
        var label = Labels.In(language);
        return label.Length > 80 ? label[..80] + "…" : label;
    }
}

/// <summary>Text the survey's author wrote for a message (a required or constraint message).</summary>
public sealed record AuthorText(Labels Labels) : ILanguageText
{
    public string In(string language) => Labels.In(language);
}

/// <summary>
/// Checks one response against a definition: unknown questions and options, bounds, required answers,
/// answers to questions that were not relevant, text length. Relevance is evaluated on the validated
/// answers in order, exactly as the answer page evaluates it.
/// </summary>
public static class ResponseRules
{
    public static (List<AnswerValue> Values, long? UnitId, List<AnswerError> Errors) Check(SurveyDefinition definition, JsonElement answers, IReadOnlySet<long> units)
    {
        var values = new List<AnswerValue>();
        var errors = new List<AnswerError>();
        long? unitId = null;
        if (answers.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new AnswerError(string.Empty, new Message("Surveys.Answer.NotObject")));
            return (values, null, errors);
        }

        var byKey = definition.Questions.ToDictionary(q => q.Key, StringComparer.Ordinal);
        var given = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in answers.EnumerateObject())
        {
            if (!byKey.ContainsKey(property.Name))
            {
                var name = property.Name.Length > 40 ? property.Name[..40] + "…" : property.Name;
                errors.Add(new AnswerError(name, new Message("Surveys.Answer.NoSuchQuestion", name)));
            }
            else if (!given.TryAdd(property.Name, property.Value))
            {
                errors.Add(new AnswerError(property.Name, new Message("Surveys.Answer.Twice", property.Name)));
            }
        }

        var accepted = new Dictionary<string, List<AnswerValue>>(StringComparer.Ordinal);
        foreach (var section in definition.Sections)
        {
            var sectionRelevant = Relevant(section.Relevant, accepted);
            foreach (var q in section.Questions)
            {
                var present = given.TryGetValue(q.Key, out var value) && !IsEmpty(value);
                if (!sectionRelevant || !Relevant(q.Relevant, accepted))
                {
                    if (present)
                    {
                        errors.Add(Error(q, new Message("Surveys.Answer.NotRelevant")));
                    }

                    continue;
                }

                if (!present)
                {
                    if (q.Required)
                    {
                        errors.Add(q.RequiredMessage is { } custom && !string.IsNullOrWhiteSpace(custom.In("vi"))
                            ? new AnswerError(q.Key, new Message("Surveys.Answer.Problem", Name(q), new AuthorText(custom)))
                            : Error(q, new Message("Surveys.Answer.Required")));
                    }

                    continue;
                }

                var checkedValues = CheckValue(q, value, units, errors);
                if (checkedValues is null)
                {
                    continue;
                }

                accepted[q.Key] = checkedValues;
                values.AddRange(checkedValues);
                if (q.Type == QuestionType.Unit)
                {
                    unitId = long.Parse(checkedValues[0].Choice!, CultureInfo.InvariantCulture);
                }
            }
        }

        return (values, unitId, errors);
    }

    private static List<AnswerValue>? CheckValue(SurveyQuestion q, JsonElement value, IReadOnlySet<long> units, List<AnswerError> errors)
    {
        switch (q.Type)
        {
            case QuestionType.Single or QuestionType.Likert:
                if (value.ValueKind != JsonValueKind.String || !q.Options!.Any(o => o.Key == value.GetString()))
                {
                    errors.Add(Error(q, new Message("Surveys.Answer.NoSuchOption", Short(value))));
                    return null;
                }

                return [new AnswerValue(q.Key, value.GetString(), null, null)];
            case QuestionType.Multiple:
                if (value.ValueKind != JsonValueKind.Array)
                {
                    errors.Add(Error(q, new Message("Surveys.Answer.ListExpected")));
                    return null;
                }

                var picked = new List<AnswerValue>();
                foreach (var item in value.EnumerateArray())
                {
                    var key = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
                    if (key is null || !q.Options!.Any(o => o.Key == key))
                    {
                        errors.Add(Error(q, new Message("Surveys.Answer.NoSuchOption", Short(item))));
                        return null;
                    }

                    if (picked.Any(p => p.Choice == key))
                    {
                        errors.Add(Error(q, new Message("Surveys.Answer.OptionRepeated", key)));
                        return null;
                    }

                    picked.Add(new AnswerValue(q.Key, key, null, null));
                }

                return picked;
            case QuestionType.Rating or QuestionType.Number:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number)
                    || (q.Type == QuestionType.Rating && number != Math.Floor(number)))
                {
                    errors.Add(Error(q, new Message("Surveys.Answer.NumberExpected")));
                    return null;
                }

                if (number < q.Min || number > q.Max)
                {
                    errors.Add(Constraint(q, new Message("Surveys.Answer.OutOfRange", Format(number), Format(q.Min), Format(q.Max))));
                    return null;
                }

                return [new AnswerValue(q.Key, null, number, null)];
            case QuestionType.Date:
                if (value.ValueKind != JsonValueKind.String || !DefinitionRules.TryDate(value.GetString()!, out var date))
                {
                    errors.Add(Error(q, new Message("Surveys.Answer.DateExpected")));
                    return null;
                }

                if ((q.MinDate is not null && DefinitionRules.TryDate(q.MinDate, out var min) && date < min)
                    || (q.MaxDate is not null && DefinitionRules.TryDate(q.MaxDate, out var max) && date > max))
                {
                    errors.Add(Constraint(q, new Message("Surveys.Answer.DateOutOfRange", q.MinDate, q.MaxDate)));
                    return null;
                }

                return [new AnswerValue(q.Key, null, null, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];
            case QuestionType.Text or QuestionType.LongText:
                if (value.ValueKind != JsonValueKind.String)
                {
                    errors.Add(Error(q, new Message("Surveys.Answer.TextExpected")));
                    return null;
                }

                var text = value.GetString()!;
                if (text.Length > q.TextLimit)
                {
                    errors.Add(Constraint(q, new Message("Surveys.Answer.TooLong", text.Length, q.TextLimit)));
                    return null;
                }

                var clean = TypedText.FromResident(text);
                return clean.Length == 0 ? [] : [new AnswerValue(q.Key, null, null, clean.Length > q.TextLimit ? clean[..q.TextLimit] : clean)];
            case QuestionType.Unit:
                long unit = 0;
                var ok = value.ValueKind switch
                {
                    JsonValueKind.Number => value.TryGetInt64(out unit),
                    JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out unit),
                    _ => false,
                };
                if (!ok || !units.Contains(unit))
                {
                    errors.Add(Error(q, new Message("Surveys.Answer.UnitNotInSurvey", Short(value))));
                    return null;
                }

                return [new AnswerValue(q.Key, unit.ToString(CultureInfo.InvariantCulture), null, null)];
            default:
                errors.Add(Error(q, new Message("Surveys.Answer.UnsupportedType")));
                return null;
        }
    }

    /// <summary>Whether every condition holds on the answers accepted so far (an unanswered question satisfies only NotEquals).</summary>
    public static bool Relevant(List<SurveyCondition>? conditions, IReadOnlyDictionary<string, List<AnswerValue>> accepted)
    {
        foreach (var c in conditions ?? [])
        {
            var answer = accepted.GetValueOrDefault(c.Question);
            var holds = c.Op switch
            {
                ConditionOp.Answered => answer is { Count: > 0 },
                ConditionOp.Equals => answer is { Count: > 0 } && Matches(answer[0], c.Value),
                ConditionOp.NotEquals => answer is not { Count: > 0 } || !Matches(answer[0], c.Value),
                ConditionOp.Includes => answer is not null && answer.Any(a => a.Choice == c.Value),
                ConditionOp.GreaterThan => answer is [{ Number: { } n }] && n > Number(c.Value),
                ConditionOp.LessThan => answer is [{ Number: { } n }] && n < Number(c.Value),
                _ => false,
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Matches(AnswerValue answer, string? value)
        => answer.Choice is not null ? answer.Choice == value
            : answer.Number is { } n ? n == Number(value)
            : answer.Text == value;

    private static double Number(string? text)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : double.NaN;

    private static bool IsEmpty(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => true,
        JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()),
        JsonValueKind.Array => value.GetArrayLength() == 0,
        _ => false,
    };

    private static Message Name(SurveyQuestion q) => new("Surveys.Answer.Question", new QuestionLabel(q.Label), q.Key);

    private static AnswerError Error(SurveyQuestion q, Message reason) => new(q.Key, new Message("Surveys.Answer.Problem", Name(q), reason));

    private static AnswerError Constraint(SurveyQuestion q, Message reason)
        => q.ConstraintMessage is { } custom && !string.IsNullOrWhiteSpace(custom.In("vi"))
            ? new AnswerError(q.Key, new Message("Surveys.Answer.ProblemWithNote", Name(q), new AuthorText(custom), reason))
            : Error(q, reason);

    private static string Short(JsonElement value)
    {
        var raw = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        return raw.Length > 40 ? raw[..40] + "…" : raw;
    }

    private static string Format(double? n) => n?.ToString("0.###", CultureInfo.InvariantCulture) ?? "…";
}
