using System.Globalization;
using System.Text;
using System.Xml;
using DuLuan.Infrastructure.Time;

namespace DuLuan.Features.Bulletins;

/// <summary>
/// The machine side of a place's bulletins, anonymous: the MP3 (byte ranges, so players can seek), a podcast-style
/// RSS 2.0 feed with an enclosure per bulletin (iTunes tags for podcast apps) and an M3U playlist of today's bulletins
/// in broadcast order for IP loudspeaker systems.
/// </summary>
public static class BulletinFeeds
{
    private const string ItunesNs = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    public static IEndpointRouteBuilder MapBulletinFeeds(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/cong/{unitCode}/ban-tin").AllowAnonymous();
        group.MapGet("/{id:long}.mp3", async (string unitCode, long id, PublicBulletins bulletins, HttpContext http, CancellationToken ct) =>
        {
            if (await bulletins.PlaceAsync(unitCode, ct) is not { } place || await bulletins.Mp3Async(place, id, ct) is not { } mp3)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=3600";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(mp3, "audio/mpeg", enableRangeProcessing: true);
        });
        group.MapGet("/rss.xml", RssAsync);
        group.MapGet("/playlist.m3u", PlaylistAsync);
        return app;
    }

    public static string Root(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    private static async Task<IResult> RssAsync(string unitCode, PublicBulletins bulletins, HttpContext http, CancellationToken ct)
    {
        if (await bulletins.PlaceAsync(unitCode, ct) is not { } place)
        {
            return Results.NotFound();
        }

        var items = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(bulletins.Published(place).Take(PublicBulletins.FeedSize), ct);
        var root = Root(http.Request);
        var page = root + place.BulletinsPath;
        var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("rss");
            w.WriteAttributeString("version", "2.0");
            w.WriteAttributeString("xmlns", "itunes", null, ItunesNs);
            w.WriteAttributeString("xmlns", "atom", null, AtomNs);
            w.WriteStartElement("channel");
            var title = new Infrastructure.Text.Message("Bulletins.Feed.Title", place.Name).Vietnamese;
            w.WriteElementString("title", title);
            w.WriteElementString("link", page);
            w.WriteElementString("description", new Infrastructure.Text.Message("Bulletins.Feed.Description", place.Name).Vietnamese);
            w.WriteElementString("language", "vi");
            if (items.Count > 0)
            {
                w.WriteElementString("lastBuildDate", Rfc822(items.Max(i => i.PublishedAt)));
            }

            w.WriteStartElement("atom", "link", AtomNs);
            w.WriteAttributeString("href", page + "/rss.xml");
            w.WriteAttributeString("rel", "self");
            w.WriteAttributeString("type", "application/rss+xml");
            w.WriteEndElement();
            w.WriteElementString("itunes", "author", ItunesNs, place.Name);
            w.WriteElementString("itunes", "explicit", ItunesNs, "false");
            w.WriteStartElement("itunes", "category", ItunesNs);
            w.WriteAttributeString("text", "Government");
            w.WriteEndElement();
            foreach (var item in items)
            {
                var id = item.Id.ToString(CultureInfo.InvariantCulture);
                w.WriteStartElement("item");
                w.WriteElementString("title", item.Title);
                w.WriteElementString("link", page + "/" + id);
                w.WriteStartElement("guid");
                w.WriteAttributeString("isPermaLink", "true");
                w.WriteString(page + "/" + id);
                w.WriteEndElement();
                w.WriteElementString("pubDate", Rfc822(item.PublishedAt));
                // The bulletin's text beside its audio, for people who cannot hear it.
                w.WriteElementString("description", item.WrittenText);
                w.WriteStartElement("enclosure");
                w.WriteAttributeString("url", page + "/" + id + ".mp3");
                w.WriteAttributeString("length", item.Length.ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("type", "audio/mpeg");
                w.WriteEndElement();
                w.WriteElementString("itunes", "duration", ItunesNs, ((int)Math.Round(item.DurationMs / 1000.0)).ToString(CultureInfo.InvariantCulture));
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }

        http.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Bytes(buffer.ToArray(), "application/rss+xml; charset=utf-8");
    }

    /// <summary>Today's published bulletins (office time) in broadcast order: the morning one, then the evening one.</summary>
    private static async Task<IResult> PlaylistAsync(string unitCode, PublicBulletins bulletins, OfficeTime office, HttpContext http, CancellationToken ct)
    {
        if (await bulletins.PlaceAsync(unitCode, ct) is not { } place)
        {
            return Results.NotFound();
        }

        var today = office.Today;
        var items = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(bulletins.Published(place, day: today), ct);
        var schedule = await bulletins.ScheduleAsync(place, ct);
        var sb = new StringBuilder("#EXTM3U\n");
        foreach (var item in items.OrderBy(i => BulletinSchedules.MinuteOf(schedule, i.Slot)).ThenBy(i => i.Id))
        {
            var seconds = ((int)Math.Round(item.DurationMs / 1000.0)).ToString(CultureInfo.InvariantCulture);
            var title = BulletinSchedules.Clock(BulletinSchedules.MinuteOf(schedule, item.Slot)) + " " + item.Title.Replace('\n', ' ');
            sb.Append("#EXTINF:").Append(seconds).Append(',').Append(title).Append('\n');
            sb.Append(Root(http.Request)).Append(place.BulletinsPath).Append('/').Append(item.Id.ToString(CultureInfo.InvariantCulture)).Append(".mp3\n");
        }

        http.Response.Headers.CacheControl = "public, max-age=60";
        return Results.Text(sb.ToString(), "audio/x-mpegurl; charset=utf-8");
    }

    private static string Rfc822(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("R", CultureInfo.InvariantCulture);
}
