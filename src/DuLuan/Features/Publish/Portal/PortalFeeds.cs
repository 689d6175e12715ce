using System.Globalization;
using System.Text;
using System.Xml;
using DuLuan.Data;
using DuLuan.Features.Publish.Channels;
using DuLuan.Infrastructure.Portal;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Publish.Portal;

/// <summary>The portal's machine-readable side: RSS 2.0, Atom (RFC 4287), sitemap.xml and post images. Anonymous, cacheable.</summary>
public static class PortalFeeds
{
    private const int FeedSize = 50;

    public static IEndpointRouteBuilder MapPublishPortal(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/cong").AllowAnonymous().CacheOutput(PortalCachePolicy.Name);
        group.MapGet("/{unitCode}/rss.xml", (string unitCode, AppDbContext db, TimeProvider clock, IOptions<PublishOptions> options, HttpContext http, CancellationToken ct)
            => WriteAsync(unitCode, db, clock, options.Value, http, "application/rss+xml; charset=utf-8", Rss, ct));
        group.MapGet("/{unitCode}/atom.xml", (string unitCode, AppDbContext db, TimeProvider clock, IOptions<PublishOptions> options, HttpContext http, CancellationToken ct)
            => WriteAsync(unitCode, db, clock, options.Value, http, "application/atom+xml; charset=utf-8", Atom, ct));
        group.MapGet("/{unitCode}/sitemap.xml", (string unitCode, AppDbContext db, TimeProvider clock, IOptions<PublishOptions> options, IEnumerable<IPortalPages> pages, HttpContext http, CancellationToken ct)
            => WriteAsync(unitCode, db, clock, options.Value, http, "application/xml; charset=utf-8", Sitemap, ct, pages));
        // The site's own sitemap index (one sitemap per place) and robots.txt naming it, so a crawler finds every place.
        app.MapGet("/sitemap.xml", SitemapIndexAsync).AllowAnonymous().CacheOutput(PortalCachePolicy.Name);
        app.MapGet("/robots.txt", (IOptions<PublishOptions> options) =>
            Results.Text($"User-agent: *\nDisallow: /Account/\nSitemap: {options.Value.PortalBaseUrl.TrimEnd('/')}/sitemap.xml\n", "text/plain; charset=utf-8"))
            .AllowAnonymous().CacheOutput(PortalCachePolicy.Name);
        group.MapGet("/anh/{id:long}", async (long id, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // Only images of posts already out on the portal; drafts' images stay private.
            var image = await db.PostImages.AsNoTracking()
                .Where(i => i.Id == id && db.Posts.Any(p => p.Id == i.PostId && p.PublishedAt != null && p.PublishedAt <= now))
                .Select(i => new { i.Content, i.ContentType })
                .FirstOrDefaultAsync(ct);
            if (image is null)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=86400";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(image.Content, image.ContentType);
        });
        return app;
    }

    private sealed record Feed(PortalQueries.PortalUnit Unit, List<PortalQueries.Item> Items, string Root, DateTime Now)
    {
        /// <summary>The place's pages that capabilities other than news list (<see cref="IPortalPages"/>), for the sitemap only.</summary>
        public List<PortalPage> Pages { get; init; } = [];

        public string Home => $"{Root}/cong/{Uri.EscapeDataString(Unit.Code)}";

        public string PostUrl(long id) => $"{Home}/tin/{id.ToString(CultureInfo.InvariantCulture)}";

        public DateTime Updated => Items.Count == 0 ? Now : Items.Max(i => i.UpdatedAt > i.PublishedAt ? i.UpdatedAt : i.PublishedAt);
    }

    private static async Task<IResult> WriteAsync(string unitCode, AppDbContext db, TimeProvider clock, PublishOptions options, HttpContext http, string contentType, Action<XmlWriter, Feed> write, CancellationToken ct, IEnumerable<IPortalPages>? pages = null)
    {
        var unit = await PortalQueries.UnitAsync(db, unitCode, ct);
        if (unit is null)
        {
            return Results.NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var items = await PortalQueries.Published(db, unit.Id, now).Take(FeedSize).ToListAsync(ct);
        var feed = new Feed(unit, items, options.PortalBaseUrl.TrimEnd('/'), now)
        {
            Pages = pages is null ? [] : await PagesAsync(unit, pages, ct),
        };
        var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, Async = false }))
        {
            write(writer, feed);
        }

        http.Response.Headers.CacheControl = "public, max-age=300";
        http.Response.Headers.LastModified = feed.Updated.ToString("R", CultureInfo.InvariantCulture);
        return Results.Bytes(buffer.ToArray(), contentType);
    }

    private static async Task<IResult> SitemapIndexAsync(AppDbContext db, IOptions<PublishOptions> options, HttpContext http, CancellationToken ct)
    {
        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var root = options.Value.PortalBaseUrl.TrimEnd('/');
        var codes = await db.Units.AsNoTracking()
            .Where(u => u.Code != null && u.ActiveTo == null && (u.Kind == Units.UnitKind.Province || u.Kind == Units.UnitKind.Commune))
            .OrderBy(u => u.Path).Select(u => u.Code!).ToListAsync(ct);
        var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("sitemapindex", ns);
            foreach (var code in codes)
            {
                w.WriteStartElement("sitemap", ns);
                w.WriteElementString("loc", ns, $"{root}/cong/{Uri.EscapeDataString(code)}/sitemap.xml");
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(buffer.ToArray(), "application/xml; charset=utf-8");
    }

    private static string Rfc822(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("R", CultureInfo.InvariantCulture);

    private static string Rfc3339(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Rss(XmlWriter w, Feed feed)
    {
        const string atomNs = "http://www.w3.org/2005/Atom";
        w.WriteStartDocument();
        w.WriteStartElement("rss");
        w.WriteAttributeString("version", "2.0");
        w.WriteAttributeString("xmlns", "atom", null, atomNs);
        w.WriteStartElement("channel");
        w.WriteElementString("title", feed.Unit.Name);
        w.WriteElementString("link", feed.Home);
        w.WriteElementString("description", new Message("Portal.Feed.Description", feed.Unit.Name).Vietnamese);
        w.WriteElementString("language", "vi");
        w.WriteElementString("lastBuildDate", Rfc822(feed.Updated));
        w.WriteStartElement("atom", "link", atomNs);
        w.WriteAttributeString("href", feed.Home + "/rss.xml");
        w.WriteAttributeString("rel", "self");
        w.WriteAttributeString("type", "application/rss+xml");
        w.WriteEndElement();
        foreach (var item in feed.Items)
        {
            w.WriteStartElement("item");
            w.WriteElementString("title", item.Title);
            w.WriteElementString("link", feed.PostUrl(item.Id));
            w.WriteStartElement("guid");
            w.WriteAttributeString("isPermaLink", "true");
            w.WriteString(feed.PostUrl(item.Id));
            w.WriteEndElement();
            w.WriteElementString("pubDate", Rfc822(item.PublishedAt));
            w.WriteElementString("description", item.BodyHtml);
            foreach (var tag in item.Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                w.WriteElementString("category", tag);
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void Atom(XmlWriter w, Feed feed)
    {
        const string ns = "http://www.w3.org/2005/Atom";
        w.WriteStartDocument();
        w.WriteStartElement("feed", ns);
        w.WriteAttributeString("xml", "lang", null, "vi");
        w.WriteElementString("id", ns, feed.Home + "/atom.xml");
        w.WriteElementString("title", ns, feed.Unit.Name);
        w.WriteElementString("updated", ns, Rfc3339(feed.Updated));
        Link(w, ns, feed.Home + "/atom.xml", "self", "application/atom+xml");
        Link(w, ns, feed.Home, "alternate", "text/html");
        w.WriteStartElement("author", ns);
        w.WriteElementString("name", ns, feed.Unit.Name);
        w.WriteEndElement();
        foreach (var item in feed.Items)
        {
            w.WriteStartElement("entry", ns);
            w.WriteElementString("id", ns, feed.PostUrl(item.Id));
            w.WriteElementString("title", ns, item.Title);
            w.WriteElementString("updated", ns, Rfc3339(item.UpdatedAt > item.PublishedAt ? item.UpdatedAt : item.PublishedAt));
            w.WriteElementString("published", ns, Rfc3339(item.PublishedAt));
            Link(w, ns, feed.PostUrl(item.Id), "alternate", "text/html");
            w.WriteStartElement("summary", ns);
            w.WriteAttributeString("type", "text");
            w.WriteString(PortalQueries.Summary(item.BodyText));
            w.WriteEndElement();
            w.WriteStartElement("content", ns);
            w.WriteAttributeString("type", "html");
            w.WriteString(item.BodyHtml);
            w.WriteEndElement();
            foreach (var tag in item.Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                w.WriteStartElement("category", ns);
                w.WriteAttributeString("term", tag);
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void Sitemap(XmlWriter w, Feed feed)
    {
        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        w.WriteStartDocument();
        w.WriteStartElement("urlset", ns);
        w.WriteStartElement("url", ns);
        w.WriteElementString("loc", ns, feed.Home);
        w.WriteElementString("lastmod", ns, Rfc3339(feed.Updated));
        w.WriteEndElement();
        foreach (var page in feed.Pages)
        {
            w.WriteStartElement("url", ns);
            w.WriteElementString("loc", ns, feed.Home + page.Path);
            if (page.LastModified is { } at)
            {
                w.WriteElementString("lastmod", ns, Rfc3339(at));
            }

            w.WriteEndElement();
        }

        foreach (var item in feed.Items)
        {
            w.WriteStartElement("url", ns);
            w.WriteElementString("loc", ns, feed.PostUrl(item.Id));
            w.WriteElementString("lastmod", ns, Rfc3339(item.UpdatedAt > item.PublishedAt ? item.UpdatedAt : item.PublishedAt));
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static async Task<List<PortalPage>> PagesAsync(PortalQueries.PortalUnit unit, IEnumerable<IPortalPages> pages, CancellationToken ct)
    {
        var place = new PortalPlace(unit.Id, unit.Code, unit.Path);
        var all = new List<PortalPage>();
        foreach (var source in pages)
        {
            all.AddRange(await source.PagesAsync(place, ct));
        }

        return all;
    }

    private static void Link(XmlWriter w, string ns, string href, string rel, string type)
    {
        w.WriteStartElement("link", ns);
        w.WriteAttributeString("href", href);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteEndElement();
    }
}
