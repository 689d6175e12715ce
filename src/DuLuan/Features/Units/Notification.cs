using System.Globalization;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Units;

/// <summary>An in-app message to the members of a unit (a digest, not one per case).</summary>
public sealed class Notification
{
    public long Id { get; set; }

    public long UnitId { get; set; }

    /// <summary>The notice in Vietnamese, as every notice was kept before 0035.</summary>
    public required string Text { get; set; }

    /// <summary>The same notice in English, shown to staff who read the pages in English (null on older notices).</summary>
    public string? TextEn { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>A notice kept in both languages, since its readers may read the pages in either.</summary>
    public static Notification Of(long unitId, Message message, DateTime createdAt)
        => new() { UnitId = unitId, Text = message.Vietnamese, TextEn = message.English, CreatedAt = createdAt };

    /// <summary>The notice in the reader's language: English when kept, else the Vietnamese.</summary>
    public string In(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" && TextEn is not null ? TextEn : Text;
}
