using System.Globalization;

namespace DuLuan.Features.Surveys;

/// <summary>
/// <see cref="SurveyDefinition"/> to XLSForm, written so that <see cref="XlsFormImport"/> reads back the same
/// definition: sections as groups, likert and long text as appearances, rating as range, randomize and
/// the unit question (appearance duluan-unit) kept in standard columns.
/// </summary>
public static class XlsFormExport
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["vi"] = "Vietnamese",
        ["en"] = "English",
        ["km"] = "Khmer",
        ["hmn"] = "Hmong",
        ["th"] = "Thai",
        ["lo"] = "Lao",
        ["zh"] = "Chinese",
        ["fr"] = "French",
    };

    public static string LanguageName(string code) => $"{Names.GetValueOrDefault(code, code)} ({code})";

    public static byte[] Build(SurveyDefinition definition, string formId, int version)
    {
        var languages = definition.Languages;
        var header = new List<string?> { "type", "name" };
        foreach (var column in new[] { "label", "hint" })
        {
            header.AddRange(languages.Select(l => $"{column}::{LanguageName(l)}"));
        }

        header.Add("required");
        header.AddRange(languages.Select(l => $"required_message::{LanguageName(l)}"));
        header.Add("relevant");
        header.Add("constraint");
        header.AddRange(languages.Select(l => $"constraint_message::{LanguageName(l)}"));
        header.Add("appearance");
        header.Add("parameters");
        var survey = new List<IReadOnlyList<string?>> { header };
        var choices = new List<IReadOnlyList<string?>> { new List<string?> { "list_name", "name" }.Concat(languages.Select(l => $"label::{LanguageName(l)}")).ToList() };
        var keys = definition.Questions.Select(q => q.Key).Concat(definition.Sections.Select(s => s.Key)).ToHashSet(StringComparer.Ordinal);
        var types = definition.Questions.ToDictionary(q => q.Key, q => q.Type, StringComparer.Ordinal);

        string?[] Row() => new string?[header.Count];
        void Put(string?[] row, string column, string? value) => row[header.IndexOf(column)] = value;
        void PutLabels(string?[] row, string column, Labels? labels)
        {
            foreach (var l in languages)
            {
                Put(row, $"{column}::{LanguageName(l)}", labels?.GetValueOrDefault(l));
            }
        }

        if (definition.Intro is { Count: > 0 } intro)
        {
            var name = "intro";
            for (var n = 2; keys.Contains(name); n++)
            {
                name = "intro" + n.ToString(CultureInfo.InvariantCulture);
            }

            var row = Row();
            Put(row, "type", "note");
            Put(row, "name", name);
            PutLabels(row, "label", intro);
            survey.Add(row);
        }

        foreach (var section in definition.Sections)
        {
            var begin = Row();
            Put(begin, "type", "begin_group");
            Put(begin, "name", section.Key);
            PutLabels(begin, "label", section.Title);
            Put(begin, "relevant", Relevance(section.Relevant, types));
            survey.Add(begin);
            foreach (var q in section.Questions)
            {
                var row = Row();
                var (type, appearance) = q.Type switch
                {
                    QuestionType.Single => ($"select_one {q.Key}", null),
                    QuestionType.Likert => ($"select_one {q.Key}", "likert"),
                    QuestionType.Multiple => ($"select_multiple {q.Key}", null),
                    QuestionType.Rating => ("range", null),
                    QuestionType.Number => ("decimal", null),
                    QuestionType.Date => ("date", null),
                    QuestionType.LongText => ("text", "multiline"),
                    QuestionType.Unit => ("text", "duluan-unit"),
                    _ => ("text", (string?)null),
                };
                Put(row, "type", type);
                Put(row, "name", q.Key);
                PutLabels(row, "label", q.Label);
                PutLabels(row, "hint", q.Hint);
                Put(row, "required", q.Required ? "yes" : null);
                PutLabels(row, "required_message", q.RequiredMessage);
                Put(row, "relevant", Relevance(q.Relevant, types));
                Put(row, "constraint", Constraint(q));
                PutLabels(row, "constraint_message", q.ConstraintMessage);
                Put(row, "appearance", appearance);
                var parameters = new List<string>();
                if (q.Type == QuestionType.Rating)
                {
                    parameters.Add($"start={XlsFormExpression.Number(q.Min ?? 1)} end={XlsFormExpression.Number(q.Max ?? 10)} step=1");
                }

                if (q.Randomize)
                {
                    parameters.Add("randomize=true");
                }

                Put(row, "parameters", parameters.Count > 0 ? string.Join(' ', parameters) : null);
                survey.Add(row);
                foreach (var option in q.Options ?? [])
                {
                    choices.Add(new List<string?> { q.Key, option.Key }.Concat(languages.Select(l => option.Label.GetValueOrDefault(l))).ToList());
                }
            }

            var end = Row();
            Put(end, "type", "end_group");
            survey.Add(end);
        }

        var settingsHeader = new List<string?> { "form_title" }.Concat(languages.Select(l => $"form_title::{LanguageName(l)}")).Concat(["form_id", "version", "default_language"]).ToList();
        var settingsRow = new List<string?> { definition.Title.In("vi") }.Concat(languages.Select(l => definition.Title.GetValueOrDefault(l)))
            .Concat([formId, version.ToString(CultureInfo.InvariantCulture), LanguageName("vi")]).ToList();
        return XlsFormWorkbook.Write(
        [
            ("survey", survey),
            ("choices", choices),
            ("settings", new List<IReadOnlyList<string?>> { settingsHeader, settingsRow }),
        ]);
    }

    private static string? Relevance(List<SurveyCondition>? conditions, Dictionary<string, QuestionType> types)
    {
        if (conditions is not { Count: > 0 })
        {
            return null;
        }

        return XlsFormExpression.Join(conditions.Select(c =>
        {
            var numeric = types.GetValueOrDefault(c.Question) is QuestionType.Number or QuestionType.Rating
                && double.TryParse(c.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
            var value = c.Value is null ? "''" : numeric ? c.Value : XlsFormExpression.Quote(c.Value);
            var target = "${" + c.Question + "}";
            return c.Op switch
            {
                ConditionOp.Equals => $"{target} = {value}",
                ConditionOp.NotEquals => $"{target} != {value}",
                ConditionOp.Includes => $"selected({target}, {value})",
                ConditionOp.GreaterThan => $"{target} > {value}",
                ConditionOp.LessThan => $"{target} < {value}",
                _ => $"{target} != ''",
            };
        }));
    }

    private static string? Constraint(SurveyQuestion q)
    {
        var clauses = new List<string>();
        if (q.Type == QuestionType.Number)
        {
            if (q.Min is { } min)
            {
                clauses.Add($". >= {XlsFormExpression.Number(min)}");
            }

            if (q.Max is { } max)
            {
                clauses.Add($". <= {XlsFormExpression.Number(max)}");
            }
        }

        if (q.MinDate is { } minDate)
        {
            clauses.Add($". >= date('{minDate}')");
        }

        if (q.MaxDate is { } maxDate)
        {
            clauses.Add($". <= date('{maxDate}')");
        }

        if (q.MaxLength is { } length)
        {
            clauses.Add($"string-length(.) <= {length.ToString(CultureInfo.InvariantCulture)}");
        }

        return clauses.Count > 0 ? XlsFormExpression.Join(clauses) : null;
    }
}
