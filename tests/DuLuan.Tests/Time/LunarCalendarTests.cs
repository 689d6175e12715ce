using System.Globalization;
using DuLuan.Infrastructure.Time;

namespace DuLuan.Tests.Time;

public sealed class LunarCalendarTests
{
    /// <summary>Tết (mùng 1 tháng Giêng) as Vietnam's calendar has it, including years it differs from the Chinese New Year.</summary>
    [Theory]
    [InlineData(1985, "1985-01-21")]
    [InlineData(2007, "2007-02-17")]
    [InlineData(2010, "2010-02-14")]
    [InlineData(2011, "2011-02-03")]
    [InlineData(2012, "2012-01-23")]
    [InlineData(2013, "2013-02-10")]
    [InlineData(2014, "2014-01-31")]
    [InlineData(2015, "2015-02-19")]
    [InlineData(2016, "2016-02-08")]
    [InlineData(2017, "2017-01-28")]
    [InlineData(2018, "2018-02-16")]
    [InlineData(2019, "2019-02-05")]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2030, "2030-02-02")] // the new moon is at 23:07 in Hà Nội on 2 February, 00:07 in Beijing on the 3rd
    public void Tet_falls_on_the_day_Vietnam_keeps(int year, string expected)
        => Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture), LunarCalendar.LunarNewYear(year));

    /// <summary>Giỗ Tổ Hùng Vương (10/3 âm lịch), the public holiday as the government announced it.</summary>
    [Theory]
    [InlineData(2019, "2019-04-14")]
    [InlineData(2020, "2020-04-02")]
    [InlineData(2021, "2021-04-21")]
    [InlineData(2022, "2022-04-10")]
    [InlineData(2023, "2023-04-29")]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void Hung_Kings_day_is_the_tenth_of_the_third_month(int year, string expected)
        => Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture), LunarCalendar.HungKingsDay(year));

    /// <summary>
    /// The same computation at UTC+8 is the Chinese calendar: every New Year from 1950 to 2050 agrees with .NET's
    /// ChineseLunisolarCalendar, an independent implementation, which checks the astronomy beyond the listed dates.
    /// (Before 1929 China reckoned from the Beijing meridian, not UTC+8, so the comparison starts later.)
    /// </summary>
    [Fact]
    public void At_the_Chinese_meridian_every_new_year_matches_the_Chinese_calendar()
    {
        var chinese = new ChineseLunisolarCalendar();
        var differing = new List<int>();
        for (var year = 1950; year <= 2050; year++)
        {
            var expected = DateOnly.FromDateTime(chinese.ToDateTime(year, 1, 1, 0, 0, 0, 0));
            if (LunarCalendar.LunarNewYear(year, zone: 8) != expected)
            {
                differing.Add(year);
            }
        }

        Assert.Empty(differing);
    }

    [Fact]
    public void Solar_to_lunar_and_back_is_the_same_day_every_day_of_a_century()
    {
        for (var day = new DateOnly(1950, 1, 1); day <= new DateOnly(2050, 12, 31); day = day.AddDays(1))
        {
            var lunar = LunarCalendar.FromSolar(day);
            Assert.Equal(day, LunarCalendar.ToSolar(lunar));
        }
    }

    [Fact]
    public void A_leap_month_is_found_and_named()
    {
        // 2023 had a leap second month (tháng 2 nhuận) from 22/03/2023 to 19/04/2023.
        Assert.Equal(new LunarDate(1, 2, 2023, LeapMonth: true), LunarCalendar.FromSolar(new DateOnly(2023, 3, 22)));
        Assert.Equal(new DateOnly(2023, 3, 22), LunarCalendar.ToSolar(new LunarDate(1, 2, 2023, LeapMonth: true)));
        Assert.Throws<ArgumentException>(() => LunarCalendar.ToSolar(new LunarDate(1, 5, 2023, LeapMonth: true)));
    }
}
