using System.Globalization;

namespace DuLuan.Features.Surveys;

/// <summary>XLSForm import: the choices sheet (and external_choices, read the same way).</summary>
public static partial class XlsFormImport
{
    private sealed partial class Importer
    {
        private Dictionary<string, List<Choice>> ReadChoices(XlsSheet? sheet)
        {
            var lists = new Dictionary<string, List<Choice>>(StringComparer.Ordinal);
            if (sheet is null)
            {
                return lists;
            }

            foreach (var row in sheet.Rows)
            {
                var list = Value(row, sheet, "list_name");
                var name = Value(row, sheet, "name");
                if (list is null || name is null)
                {
                    Error(sheet.Name, row.Number, list is null ? "list_name" : "name", "Surveys.Xls.ChoiceIncomplete");
                    continue;
                }

                if (!lists.TryGetValue(list, out var items))
                {
                    lists[list] = items = [];
                }

                if (items.Any(c => c.Name == name))
                {
                    // Cascading selects repeat a name under different parents; with allow_choice_duplicates pyxform keeps
                    // them. DuLuan shows every option (no choice filter), so one option per name is kept.
                    if (allowChoiceDuplicates)
                    {
                        Note(sheet.Name, row.Number, "name", "Surveys.Xls.ChoiceMerged", name, list);
                    }
                    else
                    {
                        Error(sheet.Name, row.Number, "name", "Surveys.Xls.ChoiceRepeated", name, list);
                    }

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

                    Note(sheet.Name, row.Number, "name", "Surveys.Xls.ChoiceRenamed", name, key);
                }

                var label = Texts(row, sheet, "label", fill: true);
                if (label is null)
                {
                    label = new Labels { ["vi"] = name, ["en"] = name };
                    Note(sheet.Name, row.Number, "label", "Surveys.Xls.ChoiceNoLabel", name);
                }

                foreach (var header in sheet.Headers)
                {
                    var (b, _) = Header(header);
                    // Reported once per column: cascading lists carry a filter column on every row (external_choices exists for them).
                    if (row[header] is not null && b is not ("list_name" or "name" or "label") && !b.StartsWith('$')
                        && !sheet.Name.Equals("external_choices", StringComparison.OrdinalIgnoreCase) && reportedColumns.Add(sheet.Name + "\n" + header + "\nvalue"))
                    {
                        Note(sheet.Name, row.Number, header, "Surveys.Xls.ChoiceColumnUnused", header);
                    }
                }

                items.Add(new Choice(row.Number, name, key, label));
            }

            return lists;
        }
    }
}
