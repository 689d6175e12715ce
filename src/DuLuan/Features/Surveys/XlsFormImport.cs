using System.Globalization;
using System.Text.RegularExpressions;
using DuLuan.Infrastructure.Text;

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
        "xml-external", "csv-external", "trigger", "background-geopoint", "osm", "start-geopoint", "background-audio",
    };

    private static readonly HashSet<string> QuestionColumns = new(StringComparer.Ordinal)
    {
        "type", "name", "label", "hint", "required", "required_message", "relevant", "constraint", "constraint_message", "appearance", "parameters",
    };

    /// <summary>Column spellings pyxform reads as another column (its survey, choices and settings header aliases).</summary>
    private static readonly Dictionary<string, string> ColumnAliases = new(StringComparer.Ordinal)
    {
        ["caption"] = "label",
        ["relevance"] = "relevant",
        ["constraint message"] = "constraint_message",
        ["constraining message"] = "constraint_message",
        ["jr:constraintmsg"] = "constraint_message",
        ["required message"] = "required_message",
        ["requiredmsg"] = "required_message",
        ["jr:requiredmsg"] = "required_message",
        ["list name"] = "list_name",
        ["set form title"] = "form_title",
        ["set form id"] = "form_id",
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
        private readonly HashSet<string> usedNames = new(StringComparer.Ordinal);
        private readonly HashSet<string> singleColonHeaders = new(StringComparer.Ordinal);
        private readonly HashSet<string> pipingReported = new(StringComparer.Ordinal);
        private Dictionary<string, List<Choice>> externalChoices = new(StringComparer.Ordinal);
        private bool allowChoiceDuplicates;
        private readonly HashSet<string> reportedColumns = new(StringComparer.Ordinal);
        private readonly List<string> languages = ["vi", "en"];
        private HashSet<string> allNames = new(StringComparer.Ordinal);
        private Dictionary<string, List<Choice>> choices = new(StringComparer.Ordinal);
        private string defaultLanguage = "vi";

        private void Error(string sheet, int row, string? column, Message message)
        {
            if (result.Errors.Count < MaxIssues)
            {
                result.Errors.Add(XlsFormIssue.Of(sheet, row, column, message));
            }
        }

        private void Error(string sheet, int row, string? column, string key, params object?[] args) => Error(sheet, row, column, new Message(key, args));

        private void Note(string sheet, int row, string? column, string key, params object?[] args)
        {
            if (result.Notes.Count < MaxIssues)
            {
                result.Notes.Add(XlsFormIssue.Of(sheet, row, column, new Message(key, args)));
            }
        }

        private (string Base, string? Lang) Header(string header)
        {
            if (headerCache.TryGetValue(header, out var found))
            {
                return found;
            }

            // pyxform splits language columns at "::", or at ":" in a sheet where no header uses "::" (label:English).
            var whole = header.Trim().ToLowerInvariant();
            var separator = singleColonHeaders.Contains(header) && !ColumnAliases.ContainsKey(whole) ? ":" : "::";
            var at = header.IndexOf(separator, StringComparison.Ordinal);
            var (b, lang) = at < 0 ? (whole, (string?)null) : (header[..at].Trim().ToLowerInvariant(), header[(at + separator.Length)..].Trim());
            var parsed = (ColumnAliases.GetValueOrDefault(b, b), lang);
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
                Error("survey", 0, null, "Surveys.Xls.NoSurveySheet");
                return;
            }

            foreach (var sheet in sheets.Values.Where(s => !s.Headers.Any(h => h.Contains("::", StringComparison.Ordinal))))
            {
                singleColonHeaders.UnionWith(sheet.Headers);
            }

            foreach (var required in new[] { "type", "name" })
            {
                if (!survey.Headers.Any(h => Header(h).Base == required && Header(h).Lang is null))
                {
                    Error("survey", 1, required, "Surveys.Xls.MissingColumn", required);
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
                    Note("settings", settingsRow.Number, "default_language", "Surveys.Xls.DefaultLanguageUnknown", declared);
                }
            }

            if (settings is not null && settingsRow is not null && Value(settingsRow, settings, "allow_choice_duplicates") is { } duplicates)
            {
                allowChoiceDuplicates = duplicates.Trim().ToLowerInvariant() is "yes" or "true" or "true()" or "1";
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
                Note("survey", 1, null, "Surveys.Xls.TooManyLanguages", string.Join(", ", languages.Take(10)));
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
                        Note(sheet.Name, 1, "label", missing == "vi" ? "Surveys.Xls.NoVietnameseColumn" : "Surveys.Xls.NoEnglishColumn");
                    }
                }
            }

            allNames = survey.Rows.Select(r => Value(r, survey, "name")).OfType<string>().ToHashSet(StringComparer.Ordinal);
            choices = ReadChoices(choiceSheet);
            externalChoices = ReadChoices(sheets.GetValueOrDefault("external_choices"));
            var definition = new SurveyDefinition { Languages = [.. languages] };
            definition.Title = Title(settings, settingsRow);
            ReadSurvey(survey, definition);
            if (result.Errors.Count > 0)
            {
                return;
            }

            if (!definition.Questions.Any())
            {
                Error("survey", 0, null, "Surveys.Xls.NoQuestions");
                return;
            }

            foreach (var problem in DefinitionRules.Validate(definition))
            {
                Error("survey", 0, null, problem);
            }

            result.Definition = definition;
        }
    }
}
