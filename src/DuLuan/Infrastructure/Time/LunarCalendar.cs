namespace DuLuan.Infrastructure.Time;

/// <summary>A day of the lunisolar calendar: day, month (1-12), year, and whether the month is the leap (nhuận) one.</summary>
public readonly record struct LunarDate(int Day, int Month, int Year, bool LeapMonth = false);

/// <summary>
/// The Vietnamese lunisolar calendar (âm lịch), computed for the meridian of UTC+7 as Vietnam has kept it since 1968
/// (Hồ Ngọc Đức's method: new moons and solar terms from Jean Meeus' "Astronomical Algorithms"). The Chinese calendar
/// is the same computation at UTC+8, which is why Tết sometimes falls a day (1985: a month) apart from the Chinese New
/// Year; .NET's ChineseLunisolarCalendar cannot be used for Vietnam. Good for 1900-2199.
/// </summary>
public static class LunarCalendar
{
    public const double VietnamZone = 7.0;

    private const double SynodicMonth = 29.530588853;

    private const double NewMoonEpoch = 2415021.076998695;

    /// <summary>The solar day of a lunar date (the ordinary month unless the leap one is asked for, which must exist that year).</summary>
    public static DateOnly ToSolar(LunarDate date, double zone = VietnamZone)
    {
        if (date.Month is < 1 or > 12 || date.Day is < 1 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(date));
        }

        long a11, b11;
        if (date.Month < 11)
        {
            a11 = LunarMonth11(date.Year - 1, zone);
            b11 = LunarMonth11(date.Year, zone);
        }
        else
        {
            a11 = LunarMonth11(date.Year, zone);
            b11 = LunarMonth11(date.Year + 1, zone);
        }

        var k = (long)Math.Floor(0.5 + ((a11 - NewMoonEpoch) / SynodicMonth));
        var offset = date.Month - 11;
        if (offset < 0)
        {
            offset += 12;
        }

        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11, zone);
            var leapMonth = leapOffset - 2;
            if (leapMonth < 0)
            {
                leapMonth += 12;
            }

            if (date.LeapMonth && date.Month != leapMonth)
            {
                throw new ArgumentException("That year has no such leap month.", nameof(date));
            }

            if (date.LeapMonth || offset >= leapOffset)
            {
                offset++;
            }
        }
        else if (date.LeapMonth)
        {
            throw new ArgumentException("That year has no leap month.", nameof(date));
        }

        return FromJulianDay(NewMoonDay(k + offset, zone) + date.Day - 1);
    }

    public static LunarDate FromSolar(DateOnly day, double zone = VietnamZone)
    {
        var dayNumber = JulianDay(day);
        var k = (long)Math.Floor((dayNumber - NewMoonEpoch) / SynodicMonth);
        var monthStart = NewMoonDay(k + 1, zone);
        if (monthStart > dayNumber)
        {
            monthStart = NewMoonDay(k, zone);
        }

        var a11 = LunarMonth11(day.Year, zone);
        var b11 = a11;
        int lunarYear;
        if (a11 >= monthStart)
        {
            lunarYear = day.Year;
            a11 = LunarMonth11(day.Year - 1, zone);
        }
        else
        {
            lunarYear = day.Year + 1;
            b11 = LunarMonth11(day.Year + 1, zone);
        }

        var lunarDay = (int)(dayNumber - monthStart + 1);
        var diff = (int)Math.Floor((monthStart - a11) / 29.0);
        var leap = false;
        var lunarMonth = diff + 11;
        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11, zone);
            if (diff >= leapOffset)
            {
                lunarMonth = diff + 10;
                leap = diff == leapOffset;
            }
        }

        if (lunarMonth > 12)
        {
            lunarMonth -= 12;
        }

        if (lunarMonth >= 11 && diff < 4)
        {
            lunarYear--;
        }

        return new LunarDate(lunarDay, lunarMonth, lunarYear, leap);
    }

    /// <summary>Mùng 1 Tết: the first day of the lunar year that begins in <paramref name="year"/>.</summary>
    public static DateOnly LunarNewYear(int year, double zone = VietnamZone) => ToSolar(new LunarDate(1, 1, year), zone);

    /// <summary>Giỗ Tổ Hùng Vương: the 10th day of the third lunar month.</summary>
    public static DateOnly HungKingsDay(int year) => ToSolar(new LunarDate(10, 3, year));

    private static long JulianDay(DateOnly day) => day.DayNumber + 1721426L;

    private static DateOnly FromJulianDay(long julianDay) => DateOnly.FromDayNumber((int)(julianDay - 1721426L));

    /// <summary>The local day (as a Julian day number) of the k-th new moon after 1 January 1900.</summary>
    private static long NewMoonDay(long k, double zone)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        const double dr = Math.PI / 180;
        var jd1 = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3);
        jd1 += 0.00033 * Math.Sin((166.56 + (132.87 * t) - (0.009173 * t2)) * dr);
        var m = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3);
        var mpr = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3);
        var f = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3);
        var c1 = ((0.1734 - (0.000393 * t)) * Math.Sin(m * dr)) + (0.0021 * Math.Sin(2 * dr * m));
        c1 = c1 - (0.4068 * Math.Sin(mpr * dr)) + (0.0161 * Math.Sin(dr * 2 * mpr));
        c1 -= 0.0004 * Math.Sin(dr * 3 * mpr);
        c1 += (0.0104 * Math.Sin(dr * 2 * f)) - (0.0051 * Math.Sin(dr * (m + mpr)));
        c1 = c1 - (0.0074 * Math.Sin(dr * (m - mpr))) + (0.0004 * Math.Sin(dr * ((2 * f) + m)));
        c1 = c1 - (0.0004 * Math.Sin(dr * ((2 * f) - m))) - (0.0006 * Math.Sin(dr * ((2 * f) + mpr)));
        c1 += (0.0010 * Math.Sin(dr * ((2 * f) - mpr))) + (0.0005 * Math.Sin(dr * ((2 * mpr) + m)));
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        return (long)Math.Floor(jd1 + c1 - deltaT + 0.5 + (zone / 24));
    }

    /// <summary>Which twelfth of the ecliptic (0-11, a pair of solar terms) the sun is in at the start of a local day.</summary>
    private static int SunLongitudeSector(long julianDay, double zone)
    {
        var t = (julianDay - 2451545.5 - (zone / 24)) / 36525;
        var t2 = t * t;
        const double dr = Math.PI / 180;
        var m = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2);
        var l0 = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        var dl = (1.914600 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(dr * m);
        dl += ((0.019993 - (0.000101 * t)) * Math.Sin(dr * 2 * m)) + (0.000290 * Math.Sin(dr * 3 * m));
        var l = (l0 + dl) * dr;
        l -= Math.PI * 2 * Math.Floor(l / (Math.PI * 2));
        return (int)Math.Floor(l / Math.PI * 6);
    }

    /// <summary>The first day of the lunar month that holds the winter solstice of <paramref name="year"/> (month 11).</summary>
    private static long LunarMonth11(int year, double zone)
    {
        var offset = JulianDay(new DateOnly(year, 12, 31)) - 2415021;
        var k = (long)Math.Floor(offset / SynodicMonth);
        var newMoon = NewMoonDay(k, zone);
        return SunLongitudeSector(newMoon, zone) >= 9 ? NewMoonDay(k - 1, zone) : newMoon;
    }

    /// <summary>In a year of 13 months, how many months after month 11 the leap month comes (the first with no major solar term).</summary>
    private static int LeapMonthOffset(long a11, double zone)
    {
        var k = (long)Math.Floor(((a11 - NewMoonEpoch) / SynodicMonth) + 0.5);
        var i = 1;
        var arc = SunLongitudeSector(NewMoonDay(k + i, zone), zone);
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunLongitudeSector(NewMoonDay(k + i, zone), zone);
        }
        while (arc != last && i < 14);
        return i - 1;
    }
}
