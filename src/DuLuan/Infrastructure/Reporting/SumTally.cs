namespace DuLuan.Infrastructure.Reporting;

/// <summary>One counter of the monthly sums: a unit, a local month (its first day), a measure and one value of its dimension.</summary>
public readonly record struct SumKey(long UnitId, DateOnly Month, string Measure, string Dim)
{
    /// <summary>The local month (its first day) an instant falls in.</summary>
    public static DateOnly MonthOf(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return new DateOnly(local.Year, local.Month, 1);
    }

    public static void Add(Dictionary<SumKey, long> deltas, IEnumerable<SumKey> keys, long sign)
    {
        foreach (var key in keys)
        {
            deltas[key] = deltas.GetValueOrDefault(key) + sign;
        }
    }
}

/// <summary>The summed measures of one window and subtree: whole past months from the monthly sums, the rest from the records.</summary>
public sealed class SumTally
{
    private readonly Dictionary<(string Measure, string Dim), long> values = [];

    public void Add(string measure, string dim, long value) => values[(measure, dim)] = values.GetValueOrDefault((measure, dim)) + value;

    public long Get(string measure, string dim) => values.GetValueOrDefault((measure, dim));

    /// <summary>A measure by one dimension ("agency:", "severity:", ...), the dimension's value after the prefix.</summary>
    public Dictionary<string, long> By(string measure, string prefix) => values
        .Where(v => v.Key.Measure == measure && v.Key.Dim.StartsWith(prefix, StringComparison.Ordinal) && v.Value != 0)
        .ToDictionary(v => v.Key.Dim[prefix.Length..], v => v.Value, StringComparer.Ordinal);

    /// <summary>A measure's total over the dimension every record has exactly one value of.</summary>
    public long Total(string measure, string prefix) => By(measure, prefix).Values.Sum();
}
