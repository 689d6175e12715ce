using System.Globalization;
using System.Text.RegularExpressions;

namespace DuLuan.Features.Surveys;

/// <summary>The outcome of reading an XLSForm: a definition, or errors (nothing may be stored), plus what DuLuan could not keep.</summary>
public sealed class XlsFormImportResult
{
    public SurveyDefinition? Definition { get; set; }

    /// <summary>Problems that stop the import: nothing is stored.</summary>
    public List<XlsFormIssue> Errors { get; } = [];

    /// <summary>Things in the form DuLuan cannot represent, row by row: the user sees them before accepting.</summary>
    public List<XlsFormIssue> Notes { get; } = [];

    public string? FormId { get; set; }

    public bool Ok => Definition is not null && Errors.Count == 0;
}

/// <summary>
/// XLSForm (ODK, KoboToolbox) to <see cref="SurveyDefinition"/>. Sheets survey, choices, settings;
/// expressions translated into DuLuan's relevance and bounds where they can be, every other thing reported.
/// </summary>
public static partial class XlsFormImport
{
    public const int MaxIssues = 500;

    private static readonly HashSet<string> Metadata = new(StringComparer.Ordinal)
    {
        "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username", "email", "audit", "start-geopoint", "background-audio", "imei", "uri:subscriberid", "uri:phonenumber", "uri:deviceid",
    };

    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal)
    {
        "calculate", "hidden", "geopoint", "geotrace", "geoshape", "image", "audio", "video", "file", "barcode", "time", "datetime", "acknowledge", "rank",
        "select_one_from_file", "select_multiple_from_file", "xml-external", "csv-external", "trigger", "background-geopoint", "osm",
    };

    private static readonly HashSet<string> QuestionColumns = new(StringComparer.Ordinal)
    {
        "type", "name", "label", "hint", "required", "required_message", "relevant", "constraint", "constraint_message", "appearance", "parameters",
    };

    private static readonly HashSet<string> Translated = new(StringComparer.Ordinal)
    {
        "label", "hint", "required_message", "constraint_message", "form_title",
    };

    private static readonly Dictionary<string, string> KnownLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["vietnamese"] = "vi",
        ["tiếng việt"] = "vi",
        ["english"] = "en",
        ["tiếng anh"] = "en",
        ["khmer"] = "km",
        ["hmong"] = "hmn",
        ["thai"] = "th",
        ["lao"] = "lo",
        ["chinese"] = "zh",
        ["french"] = "fr",
    };

    public static XlsFormImportResult Import(byte[] file)
    {
        var result = new XlsFormImportResult();
        var sheets = XlsFormWorkbook.Read(file, result.Errors);
        if (sheets is null)
        {
            return result;
        }

        new Importer(sheets, result).Run();
        if (result.Errors.Count > 0)
        {
            result.Definition = null;
        }

        return result;
    }

    /// <summary>A language tag from an XLSForm language name: "Vietnamese (vi)", "vi", "English".</summary>
    public static string? LanguageCode(string name)
    {
        var text = name.Trim();
        var match = CodeInParens().Match(text);
        if (match.Success)
        {
            return match.Groups[1].Value.ToLowerInvariant();
        }

        if (BareCode().IsMatch(text))
        {
            return text.ToLowerInvariant();
        }

        return KnownLanguages.GetValueOrDefault(text);
    }

    [GeneratedRegex(@"\(\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\s*\)\s*$")]
    private static partial Regex CodeInParens();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex BareCode();

    [GeneratedRegex(@"^(begin|end)\s+(group|repeat)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpacedGroup();

    [GeneratedRegex("[^A-Za-z0-9_]")]
    private static partial Regex NotKeyChar();

    private sealed class Frame(string key, SurveySection section, List<SurveyCondition> conditions)
    {
        public string Key { get; } = key;

        public SurveySection Section { get; } = section;

        public List<SurveyCondition> Conditions { get; } = conditions;

        public int Continuations { get; set; }
    }

    private sealed record Choice(int Row, string Name, string Key, Labels Label);

    private sealed record Known(SurveyQuestion Question, Dictionary<string, string> ChoiceKeys);

    private sealed class Importer(Dictionary<string, XlsSheet> sheets, XlsFormImportResult result)
    {
        private readonly Dictionary<string, (string Base, string? Lang)> headerCache = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Known> known = new(StringComparer.Ordinal);
        private readonly HashSet<string> skipped = new(StringComparer.Ordinal);
        private readonly HashSet<string> usedKeys = new(StringComparer.Ordinal);
        private readonly HashSet<string> reportedColumns = new(StringComparer.Ordinal);
        private readonly List<string> languages = ["vi", "en"];
        private HashSet<string> allNames = new(StringComparer.Ordinal);
        private Dictionary<string, List<Choice>> choices = new(StringComparer.Ordinal);
        private string defaultLanguage = "vi";

        private void Error(string sheet, int row, string? column, string vi, string en)
        {
            if (result.Errors.Count < MaxIssues)
            {
                result.Errors.Add(new XlsFormIssue(sheet, row, column, vi, en));
            }
        }

        private void Note(string sheet, int row, string? column, string vi, string en)
        {
            if (result.Notes.Count < MaxIssues)
            {
                result.Notes.Add(new XlsFormIssue(sheet, row, column, vi, en));
            }
        }

        private (string Base, string? Lang) Header(string header)
        {
            if (headerCache.TryGetValue(header, out var found))
            {
                return found;
            }

            var at = header.IndexOf("::", StringComparison.Ordinal);
            var parsed = at < 0 ? (header.Trim().ToLowerInvariant(), (string?)null) : (header[..at].Trim().ToLowerInvariant(), header[(at + 2)..].Trim());
            headerCache[header] = parsed;
            return parsed;
        }

        private string? Value(XlsRow row, XlsSheet sheet, string name)
        {
            foreach (var header in sheet.Headers)
            {
                var (b, lang) = Header(header);
                if (lang is null && b == name && row[header] is { } value)
                {
                    return value;
                }
            }

            return null;
        }

        public void Run()
        {
            if (!sheets.TryGetValue("survey", out var survey))
            {
                Error("survey", 0, null, "Thiếu bảng 'survey'", "The 'survey' sheet is missing");
                return;
            }

            foreach (var required in new[] { "type", "name" })
            {
                if (!survey.Headers.Any(h => Header(h).Base == required && Header(h).Lang is null))
                {
                    Error("survey", 1, required, $"Thiếu cột '{required}'", $"The '{required}' column is missing");
                }
            }

            if (result.Errors.Count > 0)
            {
                return;
            }

            sheets.TryGetValue("settings", out var settings);
            var settingsRow = (settings is { Rows.Count: > 0 } ? settings.Rows[0] : null);
            if (settings is not null && settingsRow is not null && Value(settingsRow, settings, "default_language") is { } declared)
            {
                if (LanguageCode(declared) is { } code && LanguageAllowed(code))
                {
                    defaultLanguage = code;
                }
                else
                {
                    Note("settings", settingsRow.Number, "default_language", $"Không nhận ra ngôn ngữ '{declared}', coi là tiếng Việt", $"Language '{declared}' not recognised; taken as Vietnamese");
                }
            }

            CollectLanguages(survey);
            if (sheets.TryGetValue("choices", out var choiceSheet))
            {
                CollectLanguages(choiceSheet);
            }

            if (settings is not null)
            {
                CollectLanguages(settings);
            }

            if (languages.Count > 10)
            {
                Note("survey", 1, null, $"Quá 10 ngôn ngữ; chỉ giữ {string.Join(", ", languages.Take(10))}", $"More than 10 languages; only {string.Join(", ", languages.Take(10))} kept");
                languages.RemoveRange(10, languages.Count - 10);
            }

            foreach (var sheet in new[] { survey, choiceSheet }.OfType<XlsSheet>())
            {
                var plain = sheet.Headers.Any(h => Header(h) is ("label", null));
                foreach (var missing in new[] { "vi", "en" })
                {
                    var has = sheet.Headers.Any(h => Header(h) is ("label", var lang) && (lang is null ? defaultLanguage : LanguageCode(lang)) == missing);
                    if (!has && (plain || sheet.Headers.Any(h => Header(h).Base == "label")))
                    {
                        Note(sheet.Name, 1, "label", $"Không có cột nhãn tiếng {(missing == "vi" ? "Việt" : "Anh")} ({missing}): dùng tạm nhãn ngôn ngữ khác, cần dịch lại trong trình soạn", $"No {(missing == "vi" ? "Vietnamese" : "English")} ({missing}) label column: another language's label is used; translate it in the builder");
                    }
                }
            }

            allNames = survey.Rows.Select(r => Value(r, survey, "name")).OfType<string>().ToHashSet(StringComparer.Ordinal);
            choices = ReadChoices(choiceSheet);
            var definition = new SurveyDefinition { Languages = [.. languages] };
            definition.Title = Title(settings, settingsRow);
            ReadSurvey(survey, definition);
            if (result.Errors.Count > 0)
            {
                return;
            }

            if (!definition.Questions.Any())
            {
                Error("survey", 0, null, "Biểu mẫu không có câu hỏi nào DuLuan dùng được", "The form has no question DuLuan can use");
                return;
            }

            foreach (var problem in DefinitionRules.Validate(definition))
            {
                var split = problem.Split(" / ", 2);
                Error("survey", 0, null, split[0], split.Length > 1 ? split[1] : split[0]);
            }

            result.Definition = definition;
        }

        private static bool LanguageAllowed(string code) => BareCode().IsMatch(code);

        private void CollectLanguages(XlsSheet sheet)
        {
            foreach (var header in sheet.Headers)
            {
                var (b, lang) = Header(header);
                if (lang is null || !Translated.Contains(b))
                {
                    continue;
                }

                var code = LanguageCode(lang);
                if (code is null || !LanguageAllowed(code))
                {
                    if (reportedColumns.Add(sheet.Name + "\n" + header))
                    {
                        Note(sheet.Name, 1, header, $"Không nhận ra ngôn ngữ '{lang}' (cần dạng 'Tên (mã)', ví dụ 'English (en)'); cột bị bỏ qua", $"Language '{lang}' not recognised (use 'Name (code)', e.g. 'English (en)'); the column is ignored");
                    }

                    continue;
                }

                if (!languages.Contains(code))
                {
                    languages.Add(code);
                }
            }

            if (sheet.Headers.Any(h => Header(h).Lang is null && Translated.Contains(Header(h).Base)) && !languages.Contains(defaultLanguage))
            {
                languages.Add(defaultLanguage);
            }
        }

        /// <summary>Text per language of a translated column; vi and en filled from another language when <paramref name="fill"/>.</summary>
        private Labels? Texts(XlsRow row, XlsSheet sheet, string name, bool fill)
        {
            var labels = new Labels();
            foreach (var header in sheet.Headers)
            {
                var (b, lang) = Header(header);
                if (b != name || row[header] is not { } value)
                {
                    continue;
                }

                var code = lang is null ? defaultLanguage : LanguageCode(lang);
                if (code is not null && languages.Contains(code) && (lang is not null || !labels.ContainsKey(code)))
                {
                    labels[code] = value;
                }
            }

            if (labels.Count == 0)
            {
                return null;
            }

            if (fill)
            {
                foreach (var missing in new[] { "vi", "en" })
                {
                    if (!labels.ContainsKey(missing))
                    {
                        var from = labels.GetValueOrDefault(defaultLanguage) ?? labels.GetValueOrDefault(missing == "vi" ? "en" : "vi") ?? labels.Values.First();
                        labels[missing] = from;
                        var hasColumn = sheet.Headers.Any(h => Header(h) is var (b, lang) && b == name && (lang is null ? defaultLanguage : LanguageCode(lang)) == missing);
                        if (hasColumn)
                        {
                            Note(sheet.Name, row.Number, name, $"Thiếu bản dịch '{missing}': dùng tạm '{from}'", $"No '{missing}' translation: '{from}' used for now");
                        }
                    }
                }
            }

            return labels;
        }

        private Labels Title(XlsSheet? settings, XlsRow? row)
        {
            if (settings is not null && row is not null)
            {
                foreach (var header in settings.Headers)
                {
                    var (b, _) = Header(header);
                    if (row[header] is { } value && b is not ("form_title" or "form_id" or "version" or "default_language") && !b.StartsWith('$'))
                    {
                        Note("settings", row.Number, header, $"Thiết lập '{header}' không dùng trong DuLuan", $"Setting '{header}' is not used by DuLuan");
                    }
                }

                result.FormId = Value(row, settings, "form_id");
                if (Value(row, settings, "version") is { } version)
                {
                    Note("settings", row.Number, "version", $"Phiên bản '{version}' không giữ: DuLuan tự đánh số phiên bản khi công bố", $"Version '{version}' not kept: DuLuan numbers versions when publishing");
                }

                if (Texts(row, settings, "form_title", fill: false) is { } given)
                {
                    foreach (var missing in new[] { "vi", "en" }.Where(m => !given.ContainsKey(m)))
                    {
                        Note("settings", row.Number, "form_title", $"Tiêu đề chưa có bản '{missing}': dùng tạm tiêu đề ngôn ngữ khác", $"The title has no '{missing}' version: another language's title is used for now");
                    }

                    return Texts(row, settings, "form_title", fill: true)!;
                }
            }

            var name = result.FormId ?? "XLSForm";
            Note("settings", 0, "form_title", $"Không có form_title: đặt tên tạm '{name}'", $"No form_title: named '{name}' for now");
            return new Labels { ["vi"] = name, ["en"] = name };
        }

        private Dictionary<string, List<Choice>> ReadChoices(XlsSheet? sheet)
        {
            var lists = new Dictionary<string, List<Choice>>(StringComparer.Ordinal);
            if (sheet is null)
            {
                return lists;
            }

            foreach (var row in sheet.Rows)
            {
                var list = Value(row, sheet, "list_name") ?? Value(row, sheet, "list name");
                var name = Value(row, sheet, "name");
                if (list is null || name is null)
                {
                    Error("choices", row.Number, list is null ? "list_name" : "name", "Dòng lựa chọn thiếu list_name hoặc name", "A choice row lacks list_name or name");
                    continue;
                }

                if (!lists.TryGetValue(list, out var items))
                {
                    lists[list] = items = [];
                }

                if (items.Any(c => c.Name == name))
                {
                    Error("choices", row.Number, "name", $"Lựa chọn '{name}' bị trùng trong danh sách '{list}'", $"Choice '{name}' is repeated in list '{list}'");
                    continue;
                }

                var key = name;
                if (!DefinitionRules.KeyPattern().IsMatch(key))
                {
                    var stem = NotKeyChar().Replace(name, "_");
                    stem = ("c_" + stem)[..Math.Min(36, stem.Length + 2)];
                    key = stem;
                    for (var n = 2; items.Any(c => c.Key == key); n++)
                    {
                        key = stem + "_" + n.ToString(CultureInfo.InvariantCulture);
                    }

                    Note("choices", row.Number, "name", $"Mã lựa chọn '{name}' được lưu là '{key}' (mã phải bắt đầu bằng chữ cái)", $"Choice name '{name}' is stored as '{key}' (codes must start with a letter)");
                }

                var label = Texts(row, sheet, "label", fill: true);
                if (label is null)
                {
                    label = new Labels { ["vi"] = name, ["en"] = name };
                    Note("choices", row.Number, "label", $"Lựa chọn '{name}' không có nhãn: dùng tên làm nhãn", $"Choice '{name}' has no label: its name is used");
                }

                foreach (var header in sheet.Headers)
                {
                    var (b, _) = Header(header);
                    if (row[header] is not null && b is not ("list_name" or "list name" or "name" or "label") && !b.StartsWith('$'))
                    {
                        Note("choices", row.Number, header, $"Cột '{header}' không dùng (lọc lựa chọn, hình ảnh... không hỗ trợ)", $"Column '{header}' is not used (choice filters, media... are not supported)");
                    }
                }

                items.Add(new Choice(row.Number, name, key, label));
            }

            return lists;
        }

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
                    Note("survey", row.Number, "parameters", $"Tham số '{pair}' không hiểu", $"Parameter '{pair}' not understood");
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
                    Error("survey", row.Number, "parameters", "Tham số start, end, step của range phải là số", "range parameters start, end and step must be numbers");
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
                    Note("survey", row.Number, "parameters", $"Thang range bước {XlsFormExpression.Number(step.Value)} lưu thành câu số từ {q.Min} đến {q.Max}", $"range with step {XlsFormExpression.Number(step.Value)} stored as a number from {q.Min} to {q.Max}");
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
                    Note("survey", row.Number, "parameters", $"randomize={randomize} chỉ dùng cho câu lựa chọn", $"randomize={randomize} applies to choice questions only");
                }
            }

            foreach (var (key, value) in values)
            {
                Note("survey", row.Number, "parameters", $"Tham số '{key}={value}' không hỗ trợ", $"Parameter '{key}={value}' is not supported");
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
                Error("survey", row.Number, "constraint", $"Ràng buộc '{text}': {error!.Value.Vi}", $"Constraint '{text}': {error.Value.En}");
                return;
            }

            foreach (var clause in node.Conjuncts())
            {
                if (!ApplyBound(clause, q))
                {
                    Note("survey", row.Number, "constraint", $"Ràng buộc '{clause}' không biểu diễn được trong DuLuan: bỏ qua", $"Constraint '{clause}' cannot be represented in DuLuan: not checked");
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
                Error("survey", row.Number, "relevant", $"Điều kiện hiển thị '{text}': {error!.Value.Vi}", $"Relevance '{text}': {error.Value.En}");
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
                    Error("survey", row.Number, "relevant", $"Điều kiện hiển thị nhắc tới '{name}' là câu đứng sau hoặc là nhóm", $"The relevance refers to '{name}', a later question or a group");
                }
                else
                {
                    Error("survey", row.Number, "relevant", $"Điều kiện hiển thị nhắc tới '{name}', không có câu nào tên này", $"The relevance refers to '{name}', which is no question's name");
                }

                return conditions;
            }

            if (node.Kind == "or")
            {
                Note("survey", row.Number, "relevant", $"Điều kiện 'hoặc' ('{text}') không biểu diễn được: câu luôn được hỏi", $"An 'or' condition ('{text}') cannot be represented: the question is always asked");
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
                    Note("survey", row.Number, "relevant", $"Điều kiện '{clause}' không biểu diễn được trong DuLuan: bỏ điều kiện này (câu được hỏi nhiều hơn)", $"Condition '{clause}' cannot be represented in DuLuan: dropped (the question is asked more often)");
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
                    Error("survey", row.Number, "relevant", $"Điều kiện nhắc tới lựa chọn '{value}' không có trong câu '{name}'", $"The condition names option '{value}', which question '{name}' does not have");
                    bad = true;
                    return null;
                }

                value = key;
            }

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
