using System.Globalization;
using System.Text.RegularExpressions;

namespace DuLuan.Features.Surveys;

/// <summary>Checks a definition before it is saved: every problem named, in Vietnamese and English.</summary>
public static partial class DefinitionRules
{
    public const int MaxShortText = 300;
    public const int MaxLongText = 4000;
    public const int MaxQuestions = 200;
    public const int MaxOptions = 100;
    public const int MaxLabel = 1000;
    public const int MaxJsonLength = 512 * 1024;

    public static List<string> Validate(SurveyDefinition definition)
    {
        var errors = new List<string>();
        var languages = definition.Languages ?? [];
        if (!languages.Contains("vi") || !languages.Contains("en"))
        {
            errors.Add("Cần có tiếng Việt (vi) và tiếng Anh (en) / Vietnamese (vi) and English (en) are required.");
        }

        foreach (var language in languages.Where(l => !LanguagePattern().IsMatch(l ?? string.Empty)))
        {
            errors.Add($"Mã ngôn ngữ '{language}' không hợp lệ (ví dụ: km, hmn, th) / Language code '{language}' is not valid (e.g. km, hmn, th).");
        }

        if (languages.Distinct(StringComparer.Ordinal).Count() != languages.Count || languages.Count > 10)
        {
            errors.Add("Danh sách ngôn ngữ bị trùng hoặc quá 10 / The language list repeats a code or has more than 10.");
        }

        RequireLabels(definition.Title, "Tiêu đề khảo sát", "Survey title", 300, errors);
        var seen = new Dictionary<string, SurveyQuestion>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (definition.Sections is null || definition.Sections.Count == 0)
        {
            errors.Add("Cần ít nhất một phần / At least one section is required.");
            return errors;
        }

        foreach (var section in definition.Sections)
        {
            CheckKey(section.Key, keys, errors);
            RequireLabels(section.Title, $"Tiêu đề phần '{section.Key}'", $"Title of section '{section.Key}'", 300, errors);
            CheckConditions(section.Relevant, seen, $"phần '{section.Key}'", $"section '{section.Key}'", errors);
            foreach (var question in section.Questions ?? [])
            {
                CheckQuestion(question, keys, seen, errors);
                seen[question.Key] = question;
            }
        }

        if (seen.Count > MaxQuestions)
        {
            errors.Add($"Quá {MaxQuestions} câu hỏi / More than {MaxQuestions} questions.");
        }

        if (seen.Values.Count(q => q.Type == QuestionType.Unit) > 1)
        {
            errors.Add("Chỉ được một câu chọn đơn vị / Only one unit question is allowed.");
        }

        return errors;
    }

    private static void CheckQuestion(SurveyQuestion q, HashSet<string> keys, Dictionary<string, SurveyQuestion> earlier, List<string> errors)
    {
        CheckKey(q.Key, keys, errors);
        var vi = $"Câu '{q.Key}'";
        var en = $"Question '{q.Key}'";
        if (!Enum.IsDefined(q.Type))
        {
            errors.Add($"{vi}: loại câu hỏi không hợp lệ / {en}: unknown question type.");
        }

        RequireLabels(q.Label, vi, en, MaxLabel, errors);
        if (q.IsChoice)
        {
            var options = q.Options ?? [];
            if (options.Count < 2 || options.Count > MaxOptions)
            {
                errors.Add($"{vi}: cần từ 2 đến {MaxOptions} lựa chọn / {en}: needs 2 to {MaxOptions} options.");
            }

            var optionKeys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var option in options)
            {
                if (!KeyPattern().IsMatch(option.Key ?? string.Empty) || !optionKeys.Add(option.Key!))
                {
                    errors.Add($"{vi}: mã lựa chọn '{option.Key}' không hợp lệ hoặc bị trùng / {en}: option code '{option.Key}' is not valid or repeated.");
                }

                RequireLabels(option.Label, $"{vi}, lựa chọn '{option.Key}'", $"{en}, option '{option.Key}'", MaxLabel, errors);
            }
        }
        else if (q.Options is { Count: > 0 })
        {
            errors.Add($"{vi}: loại này không có lựa chọn / {en}: this type takes no options.");
        }

        if (q.Type == QuestionType.Rating)
        {
            if (q.Min is not { } min || q.Max is not { } max || min != Math.Floor(min) || max != Math.Floor(max) || min >= max || max - min > 100)
            {
                errors.Add($"{vi}: thang điểm cần số nguyên nhỏ nhất < lớn nhất, tối đa 100 bậc / {en}: a rating needs whole-number min < max, at most 100 steps.");
            }
        }
        else if (q.Type == QuestionType.Number)
        {
            if ((q.Min is { } min && !double.IsFinite(min)) || (q.Max is { } max && !double.IsFinite(max)) || (q.Min > q.Max))
            {
                errors.Add($"{vi}: giới hạn nhỏ nhất lớn hơn lớn nhất / {en}: minimum is above maximum.");
            }
        }
        else if (q.Min is not null || q.Max is not null)
        {
            errors.Add($"{vi}: chỉ câu số và thang điểm có giới hạn số / {en}: only number and rating questions take numeric bounds.");
        }

        if (q.Type == QuestionType.Date)
        {
            if ((q.MinDate is not null && !TryDate(q.MinDate, out _)) || (q.MaxDate is not null && !TryDate(q.MaxDate, out _)))
            {
                errors.Add($"{vi}: ngày giới hạn phải có dạng yyyy-MM-dd / {en}: date bounds must be yyyy-MM-dd.");
            }
        }

        if (q.MaxLength is { } length && (q.Type is not (QuestionType.Text or QuestionType.LongText) || length < 1 || length > MaxLongText))
        {
            errors.Add($"{vi}: độ dài tối đa từ 1 đến {MaxLongText}, chỉ cho câu chữ / {en}: maximum length 1 to {MaxLongText}, text questions only.");
        }

        CheckConditions(q.Relevant, earlier, vi, en, errors);
    }

    private static void CheckConditions(List<SurveyCondition>? conditions, Dictionary<string, SurveyQuestion> earlier, string vi, string en, List<string> errors)
    {
        foreach (var c in conditions ?? [])
        {
            if (!earlier.TryGetValue(c.Question ?? string.Empty, out var target))
            {
                errors.Add($"{vi}: điều kiện hiển thị nhắc tới '{c.Question}', không phải câu hỏi đứng trước / {en}: the relevance condition refers to '{c.Question}', which is not an earlier question.");
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
                errors.Add($"{vi}: điều kiện '{c.Op}' trên '{c.Question}' với giá trị '{c.Value}' không hợp lệ / {en}: condition '{c.Op}' on '{c.Question}' with value '{c.Value}' is not valid.");
            }
        }
    }

    private static void CheckKey(string? key, HashSet<string> keys, List<string> errors)
    {
        if (!KeyPattern().IsMatch(key ?? string.Empty))
        {
            errors.Add($"Mã '{key}' không hợp lệ: chữ cái không dấu, số, gạch dưới, tối đa 40 ký tự / Code '{key}' is not valid: ASCII letters, digits, underscore, at most 40 characters.");
        }
        else if (!keys.Add(key!))
        {
            errors.Add($"Mã '{key}' bị trùng / Code '{key}' is used twice.");
        }
    }

    private static void RequireLabels(Labels? labels, string vi, string en, int max, List<string> errors)
    {
        if (labels is null || string.IsNullOrWhiteSpace(labels.GetValueOrDefault("vi")) || string.IsNullOrWhiteSpace(labels.GetValueOrDefault("en")))
        {
            errors.Add($"{vi}: cần nhãn tiếng Việt và tiếng Anh / {en}: needs Vietnamese and English labels.");
        }
        else if (labels.Values.Any(v => v is not null && v.Length > max))
        {
            errors.Add($"{vi}: nhãn dài quá {max} ký tự / {en}: a label is longer than {max} characters.");
        }
    }

    public static bool TryDate(string text, out DateOnly date)
        => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,39}$")]
    public static partial Regex KeyPattern();

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex LanguagePattern();
}
