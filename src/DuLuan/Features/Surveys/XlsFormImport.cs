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

    private sealed partial class Importer(Dictionary<string, XlsSheet> sheets, XlsFormImportResult result)
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
                Error("survey", 0, null, problem.Vietnamese, problem.English);
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
    }
}
