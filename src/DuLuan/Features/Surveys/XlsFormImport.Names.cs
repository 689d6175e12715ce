using System.Globalization;
using DuLuan.Analysis.Text;

namespace DuLuan.Features.Surveys;

/// <summary>XLSForm import: question and group names (renamed to DuLuan keys when XLSForm allows more), unused columns.</summary>
public static partial class XlsFormImport
{
    private sealed partial class Importer
    {
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

        /// <summary>
        /// The DuLuan key of a question or group name, or null (with the error). XLSForm names may hold hyphens and dots
        /// and start with an underscore (<c>label-test</c>, <c>_1</c>); such a name is stored under a key made of letters,
        /// digits and underscores, and the rename is reported.
        /// </summary>
        private string? CheckName(XlsRow row, string? name)
        {
            if (name is null)
            {
                Error("survey", row.Number, "name", "Surveys.Xls.NoName");
                return null;
            }

            if (!usedNames.Add(name))
            {
                Error("survey", row.Number, "name", "Surveys.Xls.DuplicateName", name);
                return null;
            }

            if (DefinitionRules.KeyPattern().IsMatch(name) && usedKeys.Add(name))
            {
                return name;
            }

            if (!XmlName(name))
            {
                Error("survey", row.Number, "name", "Surveys.Xls.BadName", name);
                return null;
            }

            var ascii = name.All(char.IsAscii) ? name : VietnameseFold.Fold(name);
            var stem = NotKeyChar().Replace(ascii, "_").Trim('_');
            stem = stem.Length > 0 && char.IsAsciiLetter(stem[0]) ? stem : "q_" + stem;
            stem = stem[..Math.Min(stem.Length, 36)].TrimEnd('_');
            var key = stem;
            for (var n = 2; allNames.Contains(key) || !usedKeys.Add(key); n++)
            {
                key = stem + "_" + n.ToString(CultureInfo.InvariantCulture);
            }

            Note("survey", row.Number, "name", "Surveys.Xls.Renamed", name, key);
            return key;
        }

        /// <summary>A name XLSForm accepts (an XML name): a letter or underscore, then letters, digits, '-', '_' or '.'.</summary>
        private static bool XmlName(string name)
            => name.Length is > 0 and <= 200 && (char.IsLetter(name[0]) || name[0] == '_')
                && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);

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
                        Note("survey", row.Number, header, "Surveys.Xls.GroupAppearanceUnused", value);
                    }
                    else if (!QuestionColumns.Contains(b))
                    {
                        Note("survey", row.Number, header, "Surveys.Xls.ColumnUnsupported", header, value);
                    }
                    else if (b is "hint" or "required" or "constraint" or "required_message" or "constraint_message" or "parameters")
                    {
                        Note("survey", row.Number, header, "Surveys.Xls.GroupColumnUnused", header);
                    }

                    continue;
                }

                if (!QuestionColumns.Contains(b))
                {
                    Note("survey", row.Number, header, "Surveys.Xls.ColumnUnsupported", header, value);
                }
            }
        }
    }
}
