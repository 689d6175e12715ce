using System.Text.RegularExpressions;

namespace DuLuan.Analysis.Text;

/// <summary>
/// E-mails (also spelled out: "[at]", "a còng"), profile links, and the numbers that identify a person: phones in every
/// Vietnamese spelling, citizen and old ids (also in groups of digits), passports, driving licences, personal tax codes,
/// health-insurance codes, bank accounts, licence plates. The kind of a run of digits comes from
/// its shape and from the words just before it ("sđt", "zalo", "cccd", "bhxh", "stk", a bank's name).
/// </summary>
internal static class NumberFinder
{
    private static readonly HashSet<string> NotPlateLetters = new(StringComparer.OrdinalIgnoreCase) { "km", "kg", "ha", "ml", "cm", "mm", "kw", "gb", "mb", "tb" };

    public static void Find(RedactionText view, List<RedactionSpan> into)
    {
        var text = view.Text;
        foreach (Match m in PersonalDataPatterns.Email().Matches(text))
        {
            into.Add(new(m.Index, m.Length, RedactionKind.Email));
        }
        foreach (Match m in PersonalDataPatterns.SpelledEmail().Matches(view.Folded))
        {
            into.Add(new(m.Index, m.Length, RedactionKind.Email));
        }
        foreach (Match m in PersonalDataPatterns.ProfileLink().Matches(text))
        {
            into.Add(new(m.Index, m.Length, RedactionKind.PersonalLink));
        }
        foreach (Match m in PersonalDataPatterns.Passport().Matches(view.Folded))
        {
            into.Add(new(m.Groups["id"].Index, m.Groups["id"].Length, RedactionKind.OtherId));
        }
        foreach (Match m in PersonalDataPatterns.HealthInsuranceCard().Matches(text))
        {
            into.Add(new(m.Index, m.Length, RedactionKind.HealthInsurance));
        }

        var at = 0;
        while (at < text.Length)
        {
            var run = NextDigitRun(text, at);
            if (run.Length == 0)
            {
                break;
            }

            Classify(view, run, into);
            at = run.End;
        }

        foreach (Match m in PersonalDataPatterns.LicencePlate().Matches(text))
        {
            if (!NotPlateLetters.Contains(m.Groups["letters"].Value))
            {
                into.Add(new(m.Index, m.Length, RedactionKind.LicencePlate));
            }
        }
    }

    private readonly record struct DigitRun(int Start, int End, List<(int Start, int End)> Groups)
    {
        public int Length => End - Start;
    }

    /// <summary>The next run of digit groups joined by one space, dot, dash or brackets ("(0236) 3822 123", "+84 905.111.222").</summary>
    private static DigitRun NextDigitRun(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            var opens = char.IsAsciiDigit(c) || ((c == '+' || c == '(') && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] == '+'));
            if (!opens || (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '/' or '_' or '@' || (text[i - 1] is '.' or ',' && i > 1 && char.IsAsciiDigit(text[i - 2])))))
            {
                continue;
            }

            var groups = new List<(int, int)>();
            var j = i;
            var start = i;
            while (j < text.Length)
            {
                if (char.IsAsciiDigit(text[j]))
                {
                    var g = j;
                    while (j < text.Length && char.IsAsciiDigit(text[j]))
                    {
                        j++;
                    }
                    groups.Add((g, j));
                    continue;
                }
                var sep = text[j];
                var joins = sep is ' ' or '.' or '-' or '(' or ')' or '+';
                var k = j + 1;
                while (k < text.Length && text[k] is ' ' or '(' or ')' && k - j < 3)
                {
                    k++;
                }
                if (!joins || k >= text.Length || !char.IsAsciiDigit(text[k]))
                {
                    break;
                }
                j = k;
            }
            var end = groups.Count > 0 ? groups[^1].Item2 : j;
            if (end < text.Length && text[end] == ')')
            {
                end++;
            }
            if (end < text.Length && (char.IsLetter(text[end]) || text[end] is '/' or '@' or '%' || (text[end] is '.' or ',' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))))
            {
                // "4.000đ", "12/5", "3,5%": not an identifier; skip past the whole token.
                var skip = end;
                while (skip < text.Length && !char.IsWhiteSpace(text[skip]))
                {
                    skip++;
                }
                return new DigitRun(start, skip, []);
            }
            return new DigitRun(start, end, groups);
        }
        return default;
    }

    private static void Classify(RedactionText view, DigitRun run, List<RedactionSpan> into)
    {
        if (run.Groups.Count == 0)
        {
            return;
        }

        var digits = Digits(view.Text, run.Groups, 0, run.Groups.Count);
        var before = Before(view.Folded, run.Start, 45);
        var after = view.Folded.AsSpan(run.End, Math.Min(30, view.Folded.Length - run.End));
        var start = view.Text[run.Start] == '(' || view.Text[run.Start] == '+' ? run.Start : run.Groups[0].Start;
        var length = run.End - start;
        if (digits.Length is >= 8 and <= 19 && (PersonalDataPatterns.BankBefore().IsMatch(before) || PersonalDataPatterns.BankAfter().IsMatch(after)))
        {
            into.Add(new(start, length, RedactionKind.BankAccount));
            return;
        }
        if (digits.Length is >= 8 and <= 13 && PersonalDataPatterns.OtherIdBefore().IsMatch(before))
        {
            into.Add(new(start, length, RedactionKind.OtherId));
            return;
        }
        if (PersonalDataPatterns.TaxCodeBefore().IsMatch(before))
        {
            return;
        }
        if (digits.Length == 10 && PersonalDataPatterns.InsuranceBefore().IsMatch(before))
        {
            into.Add(new(start, length, RedactionKind.HealthInsurance));
            return;
        }
        var idContext = PersonalDataPatterns.IdBefore().IsMatch(before);
        if (digits.Length == 12 && (idContext || digits[0] == '0'))
        {
            into.Add(new(start, length, RedactionKind.CitizenId));
            return;
        }
        if (digits.Length == 9 && idContext)
        {
            into.Add(new(start, length, RedactionKind.OldId));
            return;
        }
        if (IsPhoneNumber(digits))
        {
            into.Add(new(start, length, RedactionKind.Phone));
            return;
        }

        // Several numbers written one after another ("0905 222 333 hoặc 0935 ..."): take the phones inside.
        for (var g = 0; g < run.Groups.Count; g++)
        {
            for (var h = g + 1; h <= run.Groups.Count; h++)
            {
                var part = Digits(view.Text, run.Groups, g, h);
                if (part.Length > 12)
                {
                    break;
                }
                if (IsPhoneNumber(part) && (h == run.Groups.Count || Digits(view.Text, run.Groups, h, run.Groups.Count).Length >= 9 || part.Length >= 10))
                {
                    into.Add(new(run.Groups[g].Start, run.Groups[h - 1].End - run.Groups[g].Start, RedactionKind.Phone));
                    g = h - 1;
                    break;
                }
            }
        }
    }

    private static string Digits(string text, List<(int Start, int End)> groups, int from, int to)
    {
        var sb = new System.Text.StringBuilder();
        for (var g = from; g < to; g++)
        {
            sb.Append(text, groups[g].Start, groups[g].End - groups[g].Start);
        }
        return sb.ToString();
    }

    internal static bool IsPhoneNumber(ReadOnlySpan<char> d)
    {
        if (d.StartsWith("0084"))
        {
            d = d[4..];
        }
        else if (d.StartsWith("84") && d.Length is 11 or 12)
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
        // National significant number: 9 digits for mobiles (3, 5, 7, 8, 9), 10 for landlines (2xx) and the old 01xx mobiles.
        return (d.Length == 9 && d[0] is '3' or '5' or '7' or '8' or '9' or '2' or '4' or '6') || (d.Length == 10 && d[0] is '2' or '1');
    }

    private static ReadOnlySpan<char> Before(string text, int index, int window)
    {
        var start = Math.Max(0, index - window);
        return text.AsSpan(start, index - start);
    }
}
