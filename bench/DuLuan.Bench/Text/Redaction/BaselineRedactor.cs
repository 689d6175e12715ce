using System.Text;
using System.Text.RegularExpressions;

using DuLuan.Analysis.Text;

namespace DuLuan.Bench.Text.Redaction;

/// <summary>
/// Frozen copy of the redactor before issue #18, kept as the baseline of redact-eval. Finds personal data in free Vietnamese text (expects normalised text) and replaces it with labels.
/// Earlier kinds in the priority order win overlaps: e-mail, bank account, citizen id, phone, plate, old id, address, name.
/// </summary>
internal static class BaselineRedactor
{
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "Chủ", "Bí", "Phó", "Giám", "Trưởng", "Tổng", "Thủ", "Bộ", "Sở", "Ủy", "UBND", "HĐND", "Công", "Hội", "Trung", "Viện",
        "Tòa", "Đại", "Thượng", "Chánh", "Trợ", "Thư", "Kế", "Cục", "Chi", "Ban", "Đảng", "Nhà", "Quốc", "Phòng", "Tỉnh", "Xã",
        "Phường", "Thành", "Huyện", "Quận", "Đoàn", "Mặt", "Tổ", "Công an", "Bảo", "Việt", "Trời", "Phật", "Thánh", "Thần",
    };

    private static readonly Dictionary<RedactionKind, string> Labels = new()
    {
        [RedactionKind.Phone] = "[số điện thoại]",
        [RedactionKind.CitizenId] = "[số CCCD]",
        [RedactionKind.OldId] = "[số CMND]",
        [RedactionKind.Email] = "[email]",
        [RedactionKind.BankAccount] = "[số tài khoản]",
        [RedactionKind.LicencePlate] = "[biển số]",
        [RedactionKind.Address] = "[địa chỉ]",
        [RedactionKind.PersonName] = "[họ tên]",
    };

    public static string LabelOf(RedactionKind kind) => Labels[kind];

    /// <summary>Spans of personal data, ordered by position, never overlapping.</summary>
    public static List<RedactionSpan> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var candidates = new List<RedactionSpan>();
        AddAll(candidates, BaselinePatterns.Email(), text, RedactionKind.Email);
        foreach (Match m in BaselinePatterns.DigitRun().Matches(text))
        {
            if (BaselinePatterns.BankContextBefore().IsMatch(Before(text, m.Index, 60)))
            {
                candidates.Add(new(m.Index, m.Length, RedactionKind.BankAccount));
            }
        }
        AddAll(candidates, BaselinePatterns.TwelveDigits(), text, RedactionKind.CitizenId);
        foreach (Match m in BaselinePatterns.Phone().Matches(text))
        {
            if (IsPhoneNumber(m.ValueSpan))
            {
                candidates.Add(new(m.Index, m.Length, RedactionKind.Phone));
            }
        }
        AddAll(candidates, BaselinePatterns.LicencePlate(), text, RedactionKind.LicencePlate);
        foreach (Match m in BaselinePatterns.NineDigits().Matches(text))
        {
            if (BaselinePatterns.IdContextBefore().IsMatch(Before(text, m.Index, 40)))
            {
                candidates.Add(new(m.Index, m.Length, RedactionKind.OldId));
            }
        }
        foreach (Match m in BaselinePatterns.Address().Matches(text))
        {
            if (m.Length > 3 && m.ValueSpan.IndexOf(' ') > 0)
            {
                candidates.Add(new(m.Index, m.Length, RedactionKind.Address));
            }
        }
        foreach (Match m in BaselinePatterns.TitledName().Matches(text))
        {
            var name = m.Groups["name"];
            var trimmed = TrimNotNames(name.Value);
            if (trimmed > 0)
            {
                candidates.Add(new(name.Index, trimmed, RedactionKind.PersonName));
            }
        }
        AddAll(candidates, BaselinePatterns.SurnameLedName(), text, RedactionKind.PersonName);
        return Resolve(candidates);
    }

    public static RedactionResult Redact(string text)
    {
        var spans = Find(text);
        if (spans.Count == 0)
        {
            return new RedactionResult(text, spans);
        }

        var sb = new StringBuilder(text.Length);
        var at = 0;
        foreach (var span in spans)
        {
            sb.Append(text, at, span.Start - at).Append(Labels[span.Kind]);
            at = span.End;
        }
        sb.Append(text, at, text.Length - at);
        return new RedactionResult(sb.ToString(), spans);
    }

    private static ReadOnlySpan<char> Before(string text, int index, int window)
    {
        var start = Math.Max(0, index - window);
        return text.AsSpan(start, index - start);
    }

    private static void AddAll(List<RedactionSpan> into, Regex regex, string text, RedactionKind kind)
    {
        foreach (Match m in regex.Matches(text))
        {
            into.Add(new(m.Index, m.Length, kind));
        }
    }

    private static bool IsPhoneNumber(ReadOnlySpan<char> value)
    {
        Span<char> digits = stackalloc char[value.Length];
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[n++] = c;
            }
        }
        var d = digits[..n];
        if (d.StartsWith("0084"))
        {
            d = d[4..];
        }
        else if (d.StartsWith("84") && n is 11 or 12)
        {
            d = d[2..];
        }
        else if (d.Length > 0 && d[0] == '0')
        {
            d = d[1..];
        }
        else
        {
            return false;
        }
        // National significant number: 9 digits for mobiles (3, 5, 7, 8, 9), 10 for landlines (2xx).
        return (d.Length == 9 && d[0] is '3' or '5' or '7' or '8' or '9') || (d.Length == 10 && d[0] == '2') || (d.Length == 9 && d[0] is '2' or '4' or '6');
    }

    private static int TrimNotNames(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || NotNames.Contains(words[0]))
        {
            return 0;
        }

        return name.Length;
    }

    private static List<RedactionSpan> Resolve(List<RedactionSpan> candidates)
    {
        // Candidates were added in priority order; keep each unless it overlaps an earlier (higher-priority) one.
        var kept = new List<RedactionSpan>();
        foreach (var c in candidates)
        {
            var overlaps = false;
            foreach (var k in kept)
            {
                if (c.Start < k.End && k.Start < c.End)
                {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps)
            {
                kept.Add(c);
            }
        }
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }
}
