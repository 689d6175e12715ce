using System.Globalization;
using System.Text.RegularExpressions;

namespace DuLuan.Features.Surveys;

/// <summary>XLSForm import: parameters, constraints and relevance expressions translated into DuLuan's bounds and conditions.</summary>
public static partial class XlsFormImport
{
    private sealed partial class Importer
    {
        private void Parameters(XlsRow row, XlsSheet sheet, SurveyQuestion q)
        {
            var text = Value(row, sheet, "parameters");
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in (text ?? string.Empty).Split([' ', ';', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                if (at > 0)
                {
                    values[pair[..at].Trim()] = pair[(at + 1)..].Trim();
                }
                else
                {
                    Note("survey", row.Number, "parameters", "Surveys.Xls.ParameterUnclear", pair);
                }
            }

            if (q.Type == QuestionType.Rating)
            {
                var start = Num(values.GetValueOrDefault("start") ?? "1");
                var end = Num(values.GetValueOrDefault("end") ?? "10");
                var step = Num(values.GetValueOrDefault("step") ?? "1");
                values.Remove("start");
                values.Remove("end");
                values.Remove("step");
                if (start is null || end is null || step is null)
                {
                    Error("survey", row.Number, "parameters", "Surveys.Xls.RangeNotNumbers");
                    return;
                }

                if (step == 1 && start == Math.Floor(start.Value) && end == Math.Floor(end.Value) && start < end && end - start <= 100)
                {
                    q.Min = start;
                    q.Max = end;
                }
                else
                {
                    q.Type = QuestionType.Number;
                    q.Min = Math.Min(start.Value, end.Value);
                    q.Max = Math.Max(start.Value, end.Value);
                    Note("survey", row.Number, "parameters", "Surveys.Xls.RangeAsNumber", XlsFormExpression.Number(step.Value), XlsFormExpression.Number(q.Min.Value), XlsFormExpression.Number(q.Max.Value));
                }
            }

            if (values.Remove("randomize", out var randomize))
            {
                if (q.IsChoice && randomize.Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    q.Randomize = true;
                }
                else if (!randomize.Equals("false", StringComparison.OrdinalIgnoreCase))
                {
                    Note("survey", row.Number, "parameters", "Surveys.Xls.RandomizeChoiceOnly", randomize);
                }
            }

            foreach (var (key, value) in values)
            {
                Note("survey", row.Number, "parameters", "Surveys.Xls.ParameterUnsupported", key + "=" + value);
            }
        }

        private static double? Num(string text)
            => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;

        private static string? Literal(XNode node)
            => node.Kind is "str" or "num" ? node.Text : node.Kind == "call" && node.Text == "date" && node.Kids is [{ Kind: "str" } d] ? d.Text : null;

        private static string Flip(string op) => op switch { ">" => "<", "<" => ">", ">=" => "<=", "<=" => ">=", _ => op };

        private void Constraint(XlsRow row, XlsSheet sheet, SurveyQuestion q)
        {
            if (Value(row, sheet, "constraint") is not { } text)
            {
                return;
            }

            var node = XlsFormExpression.Parse(text, out var error);
            if (node is null)
            {
                Error("survey", row.Number, "constraint", "Surveys.Xls.ConstraintMalformed", text, error);
                return;
            }

            foreach (var clause in node.Conjuncts())
            {
                if (!ApplyBound(clause, q))
                {
                    Note("survey", row.Number, "constraint", "Surveys.Xls.ConstraintDropped", clause.ToString());
                }
            }
        }

        private static bool ApplyBound(XNode clause, SurveyQuestion q)
        {
            if (clause is not { Kind: "cmp", Kids: [var left, var right] })
            {
                return false;
            }

            var op = clause.Text!;
            if (left.Kind != "dot" && right.Kind == "dot")
            {
                (left, right) = (right, left);
                op = Flip(op);
            }

            if (left is { Kind: "call", Text: "string-length", Kids: [{ Kind: "dot" }] } && right.Kind == "num" && q.Type is QuestionType.Text or QuestionType.LongText
                && int.TryParse(right.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                var max = op == "<=" ? length : op == "<" ? length - 1 : -1;
                if (max is >= 1 and <= DefinitionRules.MaxLongText)
                {
                    q.MaxLength = q.MaxLength is { } had ? Math.Min(had, max) : max;
                    return true;
                }

                return false;
            }

            if (left.Kind != "dot" || Literal(right) is not { } value || op is not (">=" or "<="))
            {
                return false;
            }

            if (q.Type is QuestionType.Number && right.Kind == "num" && Num(value) is { } n)
            {
                if (op == ">=")
                {
                    q.Min = q.Min is { } had ? Math.Max(had, n) : n;
                }
                else
                {
                    q.Max = q.Max is { } had ? Math.Min(had, n) : n;
                }

                return true;
            }

            if (q.Type is QuestionType.Date && DefinitionRules.TryDate(value, out _))
            {
                if (op == ">=")
                {
                    q.MinDate = value;
                }
                else
                {
                    q.MaxDate = value;
                }

                return true;
            }

            return false;
        }

        /// <summary>The relevance of a question (or a group when <paramref name="q"/> is null) as DuLuan conditions.</summary>
        private List<SurveyCondition> Relevance(XlsRow row, XlsSheet sheet, SurveyQuestion? q)
        {
            var conditions = new List<SurveyCondition>();
            if (Value(row, sheet, "relevant") is not { } text)
            {
                return conditions;
            }

            var node = XlsFormExpression.Parse(text, out var error);
            if (node is null)
            {
                Error("survey", row.Number, "relevant", "Surveys.Xls.RelevanceMalformed", text, error);
                return conditions;
            }

            foreach (var name in node.References().Distinct(StringComparer.Ordinal))
            {
                if (known.ContainsKey(name) || skipped.Contains(name))
                {
                    continue;
                }

                if (allNames.Contains(name))
                {
                    Error("survey", row.Number, "relevant", "Surveys.Xls.RelevanceLater", name);
                }
                else
                {
                    Error("survey", row.Number, "relevant", "Surveys.Xls.RelevanceUnknown", name);
                }

                return conditions;
            }

            if (node.Kind == "or")
            {
                Note("survey", row.Number, "relevant", "Surveys.Xls.RelevanceOr", text);
                return conditions;
            }

            foreach (var clause in node.Conjuncts())
            {
                var condition = Condition(clause, row, out var bad);
                if (bad)
                {
                    return [];
                }

                if (condition is null)
                {
                    Note("survey", row.Number, "relevant", "Surveys.Xls.ConditionDropped", clause.ToString());
                }
                else
                {
                    conditions.Add(condition);
                }
            }

            return conditions;
        }

        private SurveyCondition? Condition(XNode clause, XlsRow row, out bool bad)
        {
            bad = false;
            string? name;
            string op;
            string? value;
            if (clause is { Kind: "call", Text: "selected", Kids: [{ Kind: "ref" } target, var literal] } && Literal(literal) is { } picked)
            {
                name = target.Text!;
                op = "selected";
                value = picked;
            }
            else if (clause is { Kind: "cmp", Kids: [var left, var right] })
            {
                op = clause.Text!;
                if (left.Kind != "ref" && right.Kind == "ref")
                {
                    (left, right) = (right, left);
                    op = Flip(op);
                }

                if (left.Kind != "ref" || Literal(right) is not { } v || right.Kind == "call")
                {
                    return null;
                }

                name = left.Text!;
                value = v;
            }
            else
            {
                return null;
            }

            if (!known.TryGetValue(name, out var target2))
            {
                return null;
            }

            var q = target2.Question;
            if ((op is "=" or "!=" or "selected") && q.IsChoice && value.Length > 0)
            {
                if (!target2.ChoiceKeys.TryGetValue(value, out var key))
                {
                    Error("survey", row.Number, "relevant", "Surveys.Xls.ConditionUnknownOption", value, name);
                    bad = true;
                    return null;
                }

                value = key;
            }

            name = q.Key;
            return op switch
            {
                "!=" when value.Length == 0 => new SurveyCondition { Question = name, Op = ConditionOp.Answered },
                "selected" when q.Type == QuestionType.Multiple => new SurveyCondition { Question = name, Op = ConditionOp.Includes, Value = value },
                "selected" when q.IsChoice => new SurveyCondition { Question = name, Op = ConditionOp.Equals, Value = value },
                "=" when value.Length > 0 && q.Type != QuestionType.Multiple => new SurveyCondition { Question = name, Op = ConditionOp.Equals, Value = value },
                "!=" when q.Type != QuestionType.Multiple => new SurveyCondition { Question = name, Op = ConditionOp.NotEquals, Value = value },
                ">" when q.Type is QuestionType.Number or QuestionType.Rating && Num(value) is not null => new SurveyCondition { Question = name, Op = ConditionOp.GreaterThan, Value = value },
                "<" when q.Type is QuestionType.Number or QuestionType.Rating && Num(value) is not null => new SurveyCondition { Question = name, Op = ConditionOp.LessThan, Value = value },
                _ => null,
            };
        }
    }
}
