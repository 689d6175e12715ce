using System.Globalization;
using System.Text.RegularExpressions;

namespace DuLuan.Features.Surveys;

/// <summary>XLSForm import: the choices sheet.</summary>
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
    }
}
