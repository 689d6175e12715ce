using System.Security.Cryptography;
using System.Text;
using DuLuan.Analysis.Text.Speech;
using DuLuan.Infrastructure.Bulletins;
using DuLuan.Infrastructure.Text;
using DuLuan.Infrastructure.Time;

namespace DuLuan.Features.Bulletins;

/// <summary>The written bulletin assembled from public items, its spoken form and its content hash.</summary>
public static class BulletinText
{
    public static string Title(BulletinSlot slot, DateOnly day) => new Message("Bulletins.TitleOf." + slot, VietnameseFormat.ShortDate(day)).Vietnamese;

    /// <summary>Greeting, one paragraph per item ("Tin thứ nhất: title. text"), closing; Vietnamese from the resources.</summary>
    public static string Written(string place, BulletinSlot slot, DateOnly day, IReadOnlyList<BulletinSourceItem> items)
    {
        var sb = new StringBuilder();
        sb.Append(new Message("Bulletins.Speech.Opening." + slot, place, VietnameseFormat.ShortDate(day)).Vietnamese).Append("\n\n");
        for (var i = 0; i < items.Count; i++)
        {
            var body = TypedText.Label(items[i].Text);
            // A title that already ends its sentence (a resident's question, an exclamation) takes no full stop after it:
            // "bao giờ được sửa?." was printed on the public page.
            var title = items[i].Title.Trim().TrimEnd('.').TrimEnd();
            var ended = title.Length > 0 && title[^1] is '?' or '!' or '…';
            sb.Append(new Message(ended ? "Bulletins.Speech.ItemEnded" : "Bulletins.Speech.Item", i + 1, title, body).Vietnamese).Append("\n\n");
        }

        sb.Append(new Message("Bulletins.Speech.Closing", place).Vietnamese);
        return sb.ToString();
    }

    public static string Spoken(string written) => SpeechNormalizer.Normalize(written.Replace("\r\n", "\n", StringComparison.Ordinal)).Replace("\n ", "\n", StringComparison.Ordinal);

    /// <summary>A length as "m:ss" (minutes and seconds), as players show it.</summary>
    public static string Length(int milliseconds)
    {
        var seconds = (int)Math.Round(milliseconds / 1000.0);
        return (seconds / 60).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + (seconds % 60).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Hash(string title, string written, string spoken)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title + "\u0000" + written + "\u0000" + spoken)));
}
