using System.Globalization;

namespace DuLuan.Features.Surveys;

/// <summary>XLSForm import: language columns, translated texts and the form's title.</summary>
public static partial class XlsFormImport
{
    private sealed partial class Importer
    {
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
                        Note(sheet.Name, 1, header, "Surveys.Xls.LanguageUnknown", lang);
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
                    if (value.Contains("${", StringComparison.Ordinal) && pipingReported.Add(sheet.Name + "\n" + row.Number.ToString(CultureInfo.InvariantCulture) + "\n" + name))
                    {
                        Note(sheet.Name, row.Number, header, "Surveys.Xls.Piping", name);
                    }
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
                            Note(sheet.Name, row.Number, name, "Surveys.Xls.MissingTranslation", missing, from);
                        }
                    }
                }
            }

            // In the form's language order, as the export writes them, so that a round trip gives the same JSON.
            var ordered = new Labels();
            foreach (var code in languages.Where(labels.ContainsKey))
            {
                ordered[code] = labels[code];
            }

            return ordered;
        }

        private Labels Title(XlsSheet? settings, XlsRow? row)
        {
            if (settings is not null && row is not null)
            {
                foreach (var header in settings.Headers)
                {
                    var (b, _) = Header(header);
                    if (row[header] is not null && b is not ("form_title" or "form_id" or "version" or "default_language" or "allow_choice_duplicates") && !b.StartsWith('$'))
                    {
                        Note("settings", row.Number, header, "Surveys.Xls.SettingUnused", header);
                    }
                }

                result.FormId = Value(row, settings, "form_id");
                if (Value(row, settings, "version") is { } version)
                {
                    Note("settings", row.Number, "version", "Surveys.Xls.VersionNotKept", version);
                }

                if (Texts(row, settings, "form_title", fill: false) is { } given)
                {
                    foreach (var missing in new[] { "vi", "en" }.Where(m => !given.ContainsKey(m)))
                    {
                        Note("settings", row.Number, "form_title", "Surveys.Xls.TitleMissingLanguage", missing);
                    }

                    return Texts(row, settings, "form_title", fill: true)!;
                }
            }

            var name = result.FormId ?? "XLSForm";
            Note("settings", 0, "form_title", "Surveys.Xls.NoTitle", name);
            return new Labels { ["vi"] = name, ["en"] = name };
        }
    }
}
