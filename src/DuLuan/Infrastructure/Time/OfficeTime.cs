using System.Globalization;

namespace DuLuan.Infrastructure.Time;

/// <summary>
/// The office's clock: its time zone (setting <c>Office:TimeZone</c>, default Asia/Ho_Chi_Minh), today's date there,
/// stored UTC instants as its wall-clock time and back, and the text every page, mail and export shows
/// ("dd/MM/yyyy HH:mm", never "UTC"). The only place that looks a time zone up.
/// </summary>
public sealed class OfficeTime(TimeProvider clock, TimeZoneInfo zone)
{
    public const string Setting = "Office:TimeZone";

    /// <summary>Read when <see cref="Setting"/> is absent: where the zone was configured before there was one setting.</summary>
    public const string LegacySetting = "Cases:WorkingHours:TimeZone";

    public const string DefaultZoneId = "Asia/Ho_Chi_Minh";

    public OfficeTime(TimeProvider clock, string zoneId)
        : this(clock, FindZone(zoneId))
    {
    }

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>Now, at the office's offset.</summary>
    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>The zone id the configuration names: <see cref="Setting"/>, then <see cref="LegacySetting"/>, then the default.</summary>
    public static string ZoneId(IConfiguration configuration)
    {
        var id = configuration[Setting];
        if (string.IsNullOrWhiteSpace(id))
        {
            id = configuration[LegacySetting];
        }

        return string.IsNullOrWhiteSpace(id) ? DefaultZoneId : id.Trim();
    }

    /// <summary>The one time-zone lookup; throws <see cref="TimeZoneNotFoundException"/> for an unknown id.</summary>
    public static TimeZoneInfo FindZone(string id)
    {
#pragma warning disable RS0030 // Banned everywhere else so that every page and service takes its zone from here.
        return TimeZoneInfo.FindSystemTimeZoneById(id);
#pragma warning restore RS0030
    }

    public static bool IsKnownZone(string id)
    {
        try
        {
            _ = FindZone(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A stored instant (UTC; databases hand it back unspecified) as the office's wall-clock time.</summary>
    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public DateTimeOffset ToLocal(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    public DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    public DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(ToLocal(at).DateTime);

    /// <summary>An office wall-clock time (a form's datetime-local, a calendar slot) as the UTC instant to store.</summary>
    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>The UTC instant the office's day begins: the lower bound of a day, week, month or quarter.</summary>
    public DateTime StartUtc(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>From the start of <paramref name="first"/> to the start of the day after <paramref name="last"/>, in UTC (half-open).</summary>
    public (DateTime FromUtc, DateTime ToUtc) RangeUtc(DateOnly first, DateOnly last) => (StartUtc(first), StartUtc(last.AddDays(1)));

    /// <summary>"05/10/2026 14:30" in the office's zone.</summary>
    public string Text(DateTime utc) => VietnameseFormat.DateTime(ToLocal(utc));

    public string Text(DateTimeOffset at) => VietnameseFormat.DateTime(ToLocal(at).DateTime);

    /// <summary>"05/10/2026 14:30", or <paramref name="none"/> when there is no time.</summary>
    public string Text(DateTime? utc, string none = "—") => utc is { } u ? Text(u) : none;

    /// <summary>"05/10/2026": the office's day of the instant.</summary>
    public string DayText(DateTime utc) => VietnameseFormat.ShortDate(LocalDay(utc));

    public string DayText(DateTimeOffset at) => VietnameseFormat.ShortDate(LocalDay(at));

    /// <summary>"14:30" in the office's zone.</summary>
    public string ClockText(DateTime utc) => VietnameseFormat.Clock(ToLocal(utc));

    /// <summary>ISO 8601 with the office's offset, for APIs and machine-readable attributes: "2026-10-05T14:30:00+07:00".</summary>
    public string Iso(DateTime utc) => new DateTimeOffset(ToLocal(utc), Zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)))
        .ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The value of a datetime-local input: "2026-10-05T14:30" in the office's zone.</summary>
    public string? InputValue(DateTime? utc) => utc is { } u ? ToLocal(u).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : null;
}
