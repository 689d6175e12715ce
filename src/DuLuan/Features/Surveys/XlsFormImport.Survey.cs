namespace DuLuan.Features.Surveys;

/// <summary>XLSForm import: the survey sheet, row by row (questions, groups, repeats).</summary>
public static partial class XlsFormImport
{
    private sealed partial class Importer
    {
        private void ReadSurvey(XlsSheet sheet, SurveyDefinition definition)
        {
            var stack = new List<Frame>();
            var parents = new HashSet<string>(StringComparer.Ordinal);
            SurveySection? current = null;
            Frame? currentOwner = null;
            var repeatDepth = 0;
            var repeatRow = 0;
            var repeatSkipped = new List<string>();
            var anyQuestion = false;
            foreach (var row in sheet.Rows)
            {
                var rawType = Value(row, sheet, "type");
                var name = Value(row, sheet, "name");
                if (rawType is null)
                {
                    Error("survey", row.Number, "type", "Surveys.Xls.NoType");
                    continue;
                }

                var parsed = XlsFormTypes.Parse(rawType);
                if (parsed is null)
                {
                    Error("survey", row.Number, "type", "Surveys.Xls.UnknownType", rawType);
                    continue;
                }

                var type = parsed.Kind;
                if (repeatDepth > 0)
                {
                    repeatDepth += type is "begin_repeat" or "begin_group" ? 1 : type is "end_repeat" or "end_group" ? -1 : 0;
                    if (name is not null)
                    {
                        skipped.Add(name);
                        if (type is not ("end_repeat" or "end_group"))
                        {
                            repeatSkipped.Add(name);
                        }
                    }

                    if (repeatDepth == 0)
                    {
                        Note("survey", repeatRow, "type", "Surveys.Xls.RepeatSkipped", repeatRow, row.Number, string.Join(", ", repeatSkipped.Take(20)));
                    }

                    continue;
                }

                switch (type)
                {
                    case "begin_repeat":
                        repeatDepth = 1;
                        repeatRow = row.Number;
                        repeatSkipped.Clear();
                        if (name is not null)
                        {
                            skipped.Add(name);
                        }

                        continue;
                    case "end_repeat":
                        Error("survey", row.Number, "type", "Surveys.Xls.StrayEndRepeat");
                        continue;
                    case "begin_group":
                        {
                            if (CheckName(row, name) is not { } key)
                            {
                                continue;
                            }

                            var title = Texts(row, sheet, "label", fill: true);
                            if (title is null)
                            {
                                title = new Labels { ["vi"] = name!, ["en"] = name! };
                                Note("survey", row.Number, "label", "Surveys.Xls.GroupNoLabel", name);
                            }

                            if (stack.Count > 0)
                            {
                                parents.Add(stack[^1].Key);
                                Note("survey", row.Number, "type", "Surveys.Xls.NestedGroup", name);
                            }

                            var own = Relevance(row, sheet, null);
                            var conditions = stack.SelectMany(f => f.Conditions).Concat(own).ToList();
                            var section = new SurveySection { Key = key, Title = title, Relevant = conditions.Count > 0 ? conditions : null, Questions = [] };
                            definition.Sections.Add(section);
                            var frame = new Frame(key, section, own);
                            stack.Add(frame);
                            current = section;
                            currentOwner = frame;
                            OtherColumns(row, sheet, "appearance", "field-list");
                            continue;
                        }

                    case "end_group":
                        if (stack.Count == 0)
                        {
                            Error("survey", row.Number, "type", "Surveys.Xls.StrayEndGroup");
                            continue;
                        }

                        stack.RemoveAt(stack.Count - 1);
                        current = null;
                        continue;
                    case "note":
                        if (!anyQuestion && definition.Sections.Count == 0 && definition.Intro is null && Texts(row, sheet, "label", fill: true) is { } intro)
                        {
                            definition.Intro = intro;
                        }
                        else
                        {
                            Note("survey", row.Number, "type", "Surveys.Xls.NoteSkipped");
                        }

                        if (name is not null)
                        {
                            skipped.Add(name);
                        }

                        continue;
                }

                if (Metadata.Contains(type) || Unsupported.Contains(type))
                {
                    if (name is not null)
                    {
                        skipped.Add(name);
                    }

                    if (Metadata.Contains(type))
                    {
                        Note("survey", row.Number, "type", "Surveys.Xls.Metadata", rawType);
                    }
                    else
                    {
                        Note("survey", row.Number, "type", "Surveys.Xls.TypeUnsupported", rawType, name);
                    }

                    continue;
                }

                var question = Question(row, sheet, parsed, rawType);
                if (question is null)
                {
                    continue;
                }

                var owner = stack.Count > 0 ? stack[^1] : null;
                if (current is null || currentOwner != owner)
                {
                    if (owner is null)
                    {
                        current = new SurveySection { Key = FreshKey("general"), Title = GeneralTitle(), Questions = [] };
                    }
                    else
                    {
                        owner.Continuations++;
                        var conditions = stack.SelectMany(f => f.Conditions).ToList();
                        current = new SurveySection { Key = FreshKey(owner.Key), Title = owner.Section.Title, Relevant = conditions.Count > 0 ? conditions : null, Questions = [] };
                    }

                    definition.Sections.Add(current);
                    currentOwner = owner;
                }

                current.Questions.Add(question);
                anyQuestion = true;
            }

            if (repeatDepth > 0)
            {
                Error("survey", repeatRow, "type", "Surveys.Xls.UnclosedRepeat");
            }

            if (stack.Count > 0)
            {
                Error("survey", 0, "type", "Surveys.Xls.UnclosedGroup", stack[^1].Key);
            }

            // A group holding only nested groups leaves an empty section: drop it (its conditions live on in the children).
            definition.Sections.RemoveAll(s => s.Questions.Count == 0 && parents.Contains(s.Key));
        }

        private static Labels GeneralTitle()
        {
            var title = new Infrastructure.Text.Message("Surveys.Xls.GeneralSection");
            return new Labels { ["vi"] = title.Vietnamese, ["en"] = title.English };
        }

        /// <summary>The choice list of a select, or null (reported) when the form does not hold it.</summary>
        private List<Choice>? SelectList(XlsRow row, XlsFormType type, string rawType, out bool asText)
        {
            asText = false;
            if (type.List is null)
            {
                Error("survey", row.Number, "type", "Surveys.Xls.NoListName", rawType);
                return null;
            }

            if (type.Kind is "select_one" or "select_multiple")
            {
                if (choices.TryGetValue(type.List, out var list))
                {
                    return list;
                }

                Error(sheets.ContainsKey("choices") ? "choices" : "survey", row.Number, "type", "Surveys.Xls.NoList", type.List, rawType);
                return null;
            }

            // select_one_external reads external_choices, select_one_from_file a CSV/XML file next to the form: the same
            // question either way. Kept as a choice question when the workbook holds the list, else as typed text.
            if ((externalChoices.GetValueOrDefault(type.List) ?? choices.GetValueOrDefault(type.List)) is { } found)
            {
                Note("survey", row.Number, "type", "Surveys.Xls.ExternalListKept", rawType);
                return found;
            }

            Note("survey", row.Number, "type", "Surveys.Xls.ExternalAsText", rawType);
            asText = true;
            return null;
        }

        private SurveyQuestion? Question(XlsRow row, XlsSheet sheet, XlsFormType type, string rawType)
        {
            QuestionType kind;
            List<Choice>? list = null;
            var appearance = Value(row, sheet, "appearance")?.ToLowerInvariant();
            var appearances = appearance?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            var handled = new List<string>();
            switch (type.Kind)
            {
                case "select_one" or "select_multiple" or "select_one_external" or "select_multiple_external" or "select_one_from_file" or "select_multiple_from_file":
                    list = SelectList(row, type, rawType, out var asText);
                    if (asText)
                    {
                        kind = QuestionType.Text;
                        break;
                    }

                    if (list is null)
                    {
                        return null;
                    }

                    if (type.OrOther)
                    {
                        Note("survey", row.Number, "type", "Surveys.Xls.OrOther", rawType);
                    }

                    kind = type.Kind.StartsWith("select_multiple", StringComparison.Ordinal) ? QuestionType.Multiple : appearances.Contains("likert") ? QuestionType.Likert : QuestionType.Single;
                    handled.Add("likert");
                    break;
                case "integer":
                    kind = QuestionType.Number;
                    Note("survey", row.Number, "type", "Surveys.Xls.IntegerAsNumber");
                    break;
                case "decimal":
                    kind = QuestionType.Number;
                    break;
                case "range":
                    kind = QuestionType.Rating;
                    break;
                case "text":
                    kind = appearances.Contains("duluan-unit") ? QuestionType.Unit : appearances.Contains("multiline") ? QuestionType.LongText : QuestionType.Text;
                    handled.AddRange(["duluan-unit", "multiline"]);
                    break;
                case "date":
                    kind = QuestionType.Date;
                    break;
                default:
                    Error("survey", row.Number, "type", "Surveys.Xls.UnknownType", rawType);
                    return null;
            }

            var name = Value(row, sheet, "name");
            if (CheckName(row, name) is not { } key)
            {
                return null;
            }

            var label = Texts(row, sheet, "label", fill: true);
            if (label is null)
            {
                label = Texts(row, sheet, "hint", fill: true) ?? new Labels { ["vi"] = name!, ["en"] = name! };
                Note("survey", row.Number, "label", "Surveys.Xls.QuestionNoLabel", name);
            }

            var q = new SurveyQuestion
            {
                Key = key,
                Type = kind,
                Label = label,
                Hint = Texts(row, sheet, "hint", fill: false),
                RequiredMessage = Texts(row, sheet, "required_message", fill: false),
                ConstraintMessage = Texts(row, sheet, "constraint_message", fill: false),
            };
            var choiceKeys = new Dictionary<string, string>(StringComparer.Ordinal);
            if (list is not null)
            {
                q.Options = list.Select(c => new SurveyOption { Key = c.Key, Label = CopyLabels(c.Label) }).ToList();
                foreach (var c in list)
                {
                    choiceKeys[c.Name] = c.Key;
                }
            }

            var required = Value(row, sheet, "required")?.Trim().ToLowerInvariant();
            if (required is "yes" or "true" or "true()" or "1")
            {
                q.Required = true;
            }
            else if (required is not (null or "no" or "false" or "false()" or "0"))
            {
                Note("survey", row.Number, "required", "Surveys.Xls.ConditionalRequired", required);
            }

            Parameters(row, sheet, q);
            Constraint(row, sheet, q);
            var relevant = Relevance(row, sheet, q);
            q.Relevant = relevant.Count > 0 ? relevant : null;
            if (Value(row, sheet, "choice_filter") is { } filter)
            {
                Note("survey", row.Number, "choice_filter", "Surveys.Xls.ChoiceFilter", filter);
            }

            foreach (var other in appearances.Where(a => !handled.Contains(a)))
            {
                Note("survey", row.Number, "appearance", "Surveys.Xls.AppearanceUnused", other);
            }

            OtherColumns(row, sheet, null, null);
            known[name!] = new Known(q, choiceKeys);
            return q;
        }

        private static Labels CopyLabels(Labels labels)
        {
            var copy = new Labels();
            foreach (var (k, v) in labels)
            {
                copy[k] = v;
            }

            return copy;
        }
    }
}
