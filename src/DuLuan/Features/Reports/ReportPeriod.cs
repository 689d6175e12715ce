using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using DuLuan.Infrastructure.Reporting;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Reports;

public enum ReportPeriodKind
{
    Quarter,
    Half,
    Year,
}

/// <summary>
/// A reporting period of the periodic reports ("sơ kết", "tổng kết"): a quarter ("2026-Q3"), a half year
/// ("2026-H1") or a year ("2026"). Start and End are both inclusive calendar days.
/// </summary>
public readonly record struct ReportPeriod
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    private ReportPeriod(ReportPeriodKind kind, int year, int number)
    {
        Kind = kind;
        Year = year;
        Number = number;
    }

    public ReportPeriodKind Kind { get; }

    public int Year { get; }

    /// <summary>1–4 for a quarter, 1–2 for a half, 1 for a year.</summary>
    public int Number { get; }

    public DateOnly Start => Kind switch
    {
        ReportPeriodKind.Quarter => new DateOnly(Year, ((Number - 1) * 3) + 1, 1),
        ReportPeriodKind.Half => new DateOnly(Year, Number == 1 ? 1 : 7, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    public DateOnly End => Kind switch
    {
        ReportPeriodKind.Quarter => Start.AddMonths(3).AddDays(-1),
        ReportPeriodKind.Half => Start.AddMonths(6).AddDays(-1),
        _ => new DateOnly(Year, 12, 31),
    };

    public string Code => Kind switch
    {
        ReportPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Number}"),
        ReportPeriodKind.Half => string.Create(CultureInfo.InvariantCulture, $"{Year}-H{Number}"),
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>"quý III năm 2026" / "quarter III of 2026", "6 tháng đầu năm 2026", "năm 2026": for pages, in the reader's language.</summary>
    public Message Label => Kind switch
    {
        ReportPeriodKind.Quarter => new Message("Reports.Period.Label.Quarter", Roman(Number), Year),
        ReportPeriodKind.Half => new Message(Number == 1 ? "Reports.Period.Label.Half1" : "Reports.Period.Label.Half2", Year),
        _ => new Message("Reports.Period.Label.Year", Year),
    };

    /// <summary>The label in the official report's language, whatever the reader's.</summary>
    public string VietnameseLabel => Label.Vietnamese;

    public static ReportPeriod Quarter(int year, int quarter) => Create(ReportPeriodKind.Quarter, year, quarter);

    public static ReportPeriod Half(int year, int half) => Create(ReportPeriodKind.Half, year, half);

    public static ReportPeriod OfYear(int year) => Create(ReportPeriodKind.Year, year, 1);

    /// <summary>The quarter containing <paramref name="day"/>.</summary>
    public static ReportPeriod QuarterOf(DateOnly day) => Quarter(day.Year, ((day.Month - 1) / 3) + 1);

    /// <summary>Q3 -> Q2, Q1 -> previous Q4, H1 -> previous H2, a year -> the previous year.</summary>
    public ReportPeriod Previous() => Kind switch
    {
        ReportPeriodKind.Quarter => Number == 1 ? Quarter(Year - 1, 4) : Quarter(Year, Number - 1),
        ReportPeriodKind.Half => Number == 1 ? Half(Year - 1, 2) : Half(Year, 1),
        _ => OfYear(Year - 1),
    };

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public override string ToString() => Code;

    public static ReportPeriod Parse(string text)
        => TryRead(text, out var period, out var error) ? period : throw new FormatException(error.Both());

    public static bool TryParse(string? text, out ReportPeriod period) => TryRead(text, out period, out _);

    /// <summary>As <see cref="TryRead"/>, the error "Vietnamese / English" (logs, stored runs).</summary>
    public static bool TryParse(string? text, out ReportPeriod period, [NotNullWhen(false)] out string? error)
    {
        var ok = TryRead(text, out period, out var message);
        error = message?.Both();
        return ok;
    }

    /// <summary>
    /// Accepts "2026-Q3", "2026-H1", "2026" (case-insensitive, surrounding blanks ignored). The error says what is
    /// wrong and what is expected.
    /// </summary>
    public static bool TryRead(string? text, out ReportPeriod period, [NotNullWhen(false)] out Message? error)
    {
        period = default;
        var expected = new Message("Reports.Period.Expected");
        var value = text?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            error = new Message("Reports.Period.Missing");
            return false;
        }

        if (value.Length > 7 || !int.TryParse(value.AsSpan(0, Math.Min(4, value.Length)), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || value.Length < 4)
        {
            error = expected;
            return false;
        }

        if (year is < MinYear or > MaxYear)
        {
            error = new Message("Reports.Period.YearRange", year, MinYear, MaxYear);
            return false;
        }

        if (value.Length == 4)
        {
            period = OfYear(year);
            error = null;
            return true;
        }

        if (value.Length != 7 || value[4] != '-' || value[6] is < '1' or > '9')
        {
            error = expected;
            return false;
        }

        var number = value[6] - '0';
        switch (char.ToUpperInvariant(value[5]))
        {
            case 'Q' when number <= 4:
                period = Quarter(year, number);
                break;
            case 'H' when number <= 2:
                period = Half(year, number);
                break;
            case 'Q':
                error = new Message("Reports.Period.QuarterRange");
                return false;
            case 'H':
                error = new Message("Reports.Period.HalfRange");
                return false;
            default:
                error = expected;
                return false;
        }

        error = null;
        return true;
    }

    private static ReportPeriod Create(ReportPeriodKind kind, int year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear - 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        var max = kind switch { ReportPeriodKind.Quarter => 4, ReportPeriodKind.Half => 2, _ => 1 };
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, max);
        return new ReportPeriod(kind, year, number);
    }

    private static string Roman(int number) => number switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        _ => "IV",
    };
}
