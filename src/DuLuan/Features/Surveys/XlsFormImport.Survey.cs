using System.Globalization;
using System.Text.RegularExpressions;

namespace DuLuan.Features.Surveys;

/// <summary>XLSForm import: the survey sheet, row by row (questions, groups, names).</summary>
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
            var anyQuestion = false;
            foreach (var row in sheet.Rows)
            {
                var rawType = Value(row, sheet, "type");
                var name = Value(row, sheet, "name");
                if (rawType is null)
                {
                    Error("survey", row.Number, "type", "Dòng có nội dung nhưng thiếu loại (type)", "The row has content but no type");
                    continue;
                }

                var typeText = SpacedGroup().Replace(rawType.Trim(), m => m.Groups[1].Value.ToLowerInvariant() + "_" + m.Groups[2].Value.ToLowerInvariant());
                var parts = typeText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                var type = parts[0].ToLowerInvariant();

                if (repeatDepth > 0)
                {
                    if (type is "begin_repeat" or "begin_group")
                    {
                        repeatDepth++;
                    }
                    else if (type is "end_repeat" or "end_group")
                    {
                        repeatDepth--;
                    }

                    if (name is not null)
                    {
                        skipped.Add(name);
                    }

                    if (repeatDepth == 0)
                    {
                        Note("survey", repeatRow, "type", $"Nhóm lặp (repeat) không hỗ trợ: bỏ các dòng {repeatRow}–{row.Number}", $"Repeats are not supported: rows {repeatRow}–{row.Number} skipped");
                    }

                    continue;
                }

                switch (type)
                {
                    case "begin_repeat":
                        repeatDepth = 1;
                        repeatRow = row.Number;
                        if (name is not null)
                        {
                            skipped.Add(name);
                        }

                        continue;
                    case "end_repeat":
                        Error("survey", row.Number, "type", "end_repeat không có begin_repeat tương ứng", "end_repeat without a matching begin_repeat");
                        continue;
                    case "begin_group":
                        {
                            if (!CheckName(row, name))
                            {
                                continue;
                            }

                            var title = Texts(row, sheet, "label", fill: true);
                            if (title is null)
                            {
                                title = new Labels { ["vi"] = name!, ["en"] = name! };
                                Note("survey", row.Number, "label", $"Nhóm '{name}' không có nhãn: dùng tên làm tiêu đề phần", $"Group '{name}' has no label: its name is the section title");
                            }

                            if (stack.Count > 0)
                            {
                                parents.Add(stack[^1].Key);
                                Note("survey", row.Number, "type", $"Nhóm lồng nhau: nhóm '{name}' thành một phần riêng", $"Nested group: group '{name}' becomes a section of its own");
                            }

                            var own = Relevance(row, sheet, null);
                            var conditions = stack.SelectMany(f => f.Conditions).Concat(own).ToList();
                            var section = new SurveySection { Key = name!, Title = title, Relevant = conditions.Count > 0 ? conditions : null, Questions = [] };
                            definition.Sections.Add(section);
                            var frame = new Frame(name!, section, own);
                            stack.Add(frame);
                            current = section;
                            currentOwner = frame;
                            OtherColumns(row, sheet, "appearance", "field-list");
                            continue;
                        }

                    case "end_group":
                        if (stack.Count == 0)
                        {
                            Error("survey", row.Number, "type", "end_group không có begin_group tương ứng", "end_group without a matching begin_group");
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
                            Note("survey", row.Number, "type", "Ghi chú (note) giữa biểu mẫu không hiển thị được trong DuLuan: bỏ qua", "A note inside the form cannot be shown by DuLuan: skipped");
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
                        Note("survey", row.Number, "type", $"Trường siêu dữ liệu '{type}' không thu thập (khảo sát ẩn danh, không lưu thiết bị hay giờ)", $"Metadata field '{type}' is not collected (anonymous: no device data or time of day)");
                    }
                    else
                    {
                        Note("survey", row.Number, "type", $"Loại câu hỏi '{type}' không hỗ trợ: bỏ câu '{name}'", $"Question type '{type}' is not supported: question '{name}' skipped");
                    }

                    continue;
                }

                var question = Question(row, sheet, type, parts);
                if (question is null)
                {
                    continue;
                }

                var owner = stack.Count > 0 ? stack[^1] : null;
                if (current is null || currentOwner != owner)
                {
                    if (owner is null)
                    {
                        current = new SurveySection { Key = FreshKey("general"), Title = new Labels { ["vi"] = "Phần chung", ["en"] = "General" }, Questions = [] };
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
                Error("survey", repeatRow, "type", "begin_repeat không được đóng bằng end_repeat", "begin_repeat is never closed by end_repeat");
            }

            if (stack.Count > 0)
            {
                Error("survey", 0, "type", $"Nhóm '{stack[^1].Key}' không được đóng bằng end_group", $"Group '{stack[^1].Key}' is never closed by end_group");
            }

            // A group holding only nested groups leaves an empty section: drop it (its conditions live on in the children).
            definition.Sections.RemoveAll(s => s.Questions.Count == 0 && parents.Contains(s.Key));
        }

        private string FreshKey(string stem)
        {
            for (var n = 1; ; n++)
            {
                var key = $"{stem[..Math.Min(stem.Length, 36)]}_{n.ToString(CultureInfo.InvariantCulture)}";
                if (!allNames.Contains(key) && usedKeys.Add(key))
                {
                    return key;
                }
            }
        }

        private bool CheckName(XlsRow row, string? name)
        {
            if (name is null)
            {
                Error("survey", row.Number, "name", "Thiếu tên (name)", "The name is missing");
                return false;
            }

            if (!DefinitionRules.KeyPattern().IsMatch(name))
            {
                Error("survey", row.Number, "name", $"Tên '{name}' không hợp lệ: chữ cái không dấu, số, gạch dưới, bắt đầu bằng chữ, tối đa 40 ký tự", $"Name '{name}' is not valid: ASCII letters, digits, underscore, starting with a letter, at most 40 characters");
                return false;
            }

            if (!usedKeys.Add(name))
            {
                Error("survey", row.Number, "name", $"Tên '{name}' bị trùng", $"Name '{name}' is used twice");
                return false;
            }

            return true;
        }

        private SurveyQuestion? Question(XlsRow row, XlsSheet sheet, string type, string[] parts)
        {
            QuestionType kind;
            List<Choice>? list = null;
            var appearance = Value(row, sheet, "appearance")?.ToLowerInvariant();
            var appearances = appearance?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            var handled = new List<string>();
            switch (type)
            {
                case "select_one" or "select_multiple":
                    if (parts.Length < 2)
                    {
                        Error("survey", row.Number, "type", $"'{type}' cần tên danh sách lựa chọn", $"'{type}' needs a choice list name");
                        return null;
                    }

                    if (!choices.TryGetValue(parts[1], out list))
                    {
                        Error(sheets.ContainsKey("choices") ? "choices" : "survey", row.Number, "type", $"Không có danh sách lựa chọn '{parts[1]}' trong bảng choices", $"The choice list '{parts[1]}' is not in the choices sheet");
                        return null;
                    }

                    if (parts.Length > 2)
                    {
                        Note("survey", row.Number, "type", $"'{string.Join(' ', parts[2..])}' (thêm lựa chọn 'khác') không hỗ trợ", $"'{string.Join(' ', parts[2..])}' (an 'other' option) is not supported");
                    }

                    kind = type == "select_multiple" ? QuestionType.Multiple : appearances.Contains("likert") ? QuestionType.Likert : QuestionType.Single;
                    handled.Add("likert");
                    break;
                case "integer":
                    kind = QuestionType.Number;
                    Note("survey", row.Number, "type", "Số nguyên: DuLuan nhận cả số thập phân cho câu này", "integer: DuLuan also accepts decimals for this question");
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
                    Error("survey", row.Number, "type", $"Loại câu hỏi '{type}' không tồn tại trong XLSForm", $"Unknown question type '{type}'");
                    return null;
            }

            var name = Value(row, sheet, "name");
            if (!CheckName(row, name))
            {
                return null;
            }

            var label = Texts(row, sheet, "label", fill: true);
            if (label is null)
            {
                Error("survey", row.Number, "label", $"Câu '{name}' thiếu nhãn", $"Question '{name}' has no label");
                return null;
            }

            var q = new SurveyQuestion
            {
                Key = name!,
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
                Note("survey", row.Number, "required", $"Bắt buộc có điều kiện '{required}' không hỗ trợ: câu không bắt buộc", $"Conditional required '{required}' is not supported: the question is optional");
            }

            Parameters(row, sheet, q);
            Constraint(row, sheet, q);
            var relevant = Relevance(row, sheet, q);
            q.Relevant = relevant.Count > 0 ? relevant : null;
            if (Value(row, sheet, "choice_filter") is { } filter)
            {
                Note("survey", row.Number, "choice_filter", $"Lọc lựa chọn '{filter}' không hỗ trợ: hiện mọi lựa chọn", $"Choice filter '{filter}' is not supported: every option is shown");
            }

            foreach (var other in appearances.Where(a => !handled.Contains(a)))
            {
                Note("survey", row.Number, "appearance", $"Kiểu hiển thị '{other}' không dùng", $"Appearance '{other}' is not used");
            }

            OtherColumns(row, sheet, null, null);
            known[q.Key] = new Known(q, choiceKeys);
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

        private void OtherColumns(XlsRow row, XlsSheet sheet, string? groupColumn, string? groupValue)
        {
            foreach (var header in sheet.Headers)
            {
                var (b, _) = Header(header);
                if (row[header] is not { } value || b.StartsWith('$') || b == "choice_filter")
                {
                    continue;
                }

                if (groupColumn is not null)
                {
                    if (b == groupColumn && !string.Equals(value, groupValue, StringComparison.OrdinalIgnoreCase))
                    {
                        Note("survey", row.Number, header, $"Kiểu hiển thị nhóm '{value}' không dùng", $"Group appearance '{value}' is not used");
                    }
                    else if (!QuestionColumns.Contains(b))
                    {
                        Note("survey", row.Number, header, $"Cột '{header}' không hỗ trợ: bỏ giá trị '{value}'", $"Column '{header}' is not supported: value '{value}' ignored");
                    }
                    else if (b is "hint" or "required" or "constraint" or "required_message" or "constraint_message" or "parameters")
                    {
                        Note("survey", row.Number, header, $"Cột '{header}' trên nhóm không dùng", $"Column '{header}' on a group is not used");
                    }

                    continue;
                }

                if (!QuestionColumns.Contains(b))
                {
                    Note("survey", row.Number, header, $"Cột '{header}' không hỗ trợ: bỏ giá trị '{value}'", $"Column '{header}' is not supported: value '{value}' ignored");
                }
            }
        }
    }
}
