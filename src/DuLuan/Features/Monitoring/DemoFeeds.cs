using System.Globalization;
using System.Security;
using System.Text;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Monitoring;

/// <summary>
/// Fixture feeds the demo serves to itself over loopback (/demo-feeds/{outlet}.xml) so a newcomer sees polling work.
/// The items are invented, dated relative to the current hour, and keep stable links so polling again stores nothing twice.
/// </summary>
public static class DemoFeeds
{
    public static readonly (string Slug, string Outlet)[] Outlets =
    [
        ("bao-song-han", "Báo Sông Hàn (demo)"),
        ("cong-thong-tin", "Cổng thông tin thành phố (demo)"),
        ("tin-mien-trung", "Tin Miền Trung (demo)"),
    ];

    /// <summary>Invented news items: (topic word for the demo's watch topics, title, text).</summary>
    public static readonly (string Title, string Text)[] Items =
    [
        ("Mưa lớn gây ngập sâu nhiều tuyến đường ở Hòa Khánh", "Mưa lớn kéo dài từ chiều qua khiến nhiều tuyến đường ở phường Hòa Khánh ngập sâu, người dân phải dắt xe qua các điểm ngập, lực lượng chức năng đang khơi thông cống thoát nước."),
        ("Hòa Khánh ngập sâu sau trận mưa lớn, dân dắt xe qua điểm ngập", "Trận mưa lớn kéo dài từ chiều qua khiến nhiều tuyến đường ở phường Hòa Khánh ngập sâu, người dân phải dắt xe qua các điểm ngập; công nhân đang khơi thông cống thoát nước."),
        ("Khánh thành cầu đi bộ qua sông Hàn", "Cây cầu đi bộ mới nối hai bờ sông Hàn chính thức đưa vào sử dụng sáng nay, dự kiến phục vụ hàng nghìn lượt khách du lịch mỗi ngày."),
        ("Giá xăng giảm nhẹ từ 15 giờ chiều nay", "Liên bộ Công Thương – Tài chính điều chỉnh giá bán lẻ xăng giảm nhẹ từ 15 giờ chiều nay, dầu diesel giữ nguyên."),
        ("Cảnh báo sạt lở ở các xã miền núi phía tây", "Ban chỉ huy phòng chống thiên tai khuyến cáo người dân các xã miền núi phía tây theo dõi nguy cơ sạt lở đất khi mưa lớn tiếp diễn."),
    ];

    public static string Url(string baseUrl, string slug) => baseUrl.TrimEnd('/') + "/demo-feeds/" + slug + ".xml";

    public static void MapDemoFeeds(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<MonitoringOptions>>().Value.DemoFeeds)
        {
            return;
        }

        app.MapGet("/demo-feeds/{slug}.xml", (string slug, TimeProvider clock) =>
        {
            var index = Array.FindIndex(Outlets, o => o.Slug == slug);
            if (index < 0)
            {
                return Results.NotFound();
            }

            var hour = clock.GetUtcNow();
            hour = new DateTimeOffset(hour.Year, hour.Month, hour.Day, hour.Hour, 0, 0, TimeSpan.Zero);
            var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>")
                .Append(SecurityElement.Escape(Outlets[index].Outlet)).Append("</title><link>https://example.vn/</link><language>vi</language>");
            // Each outlet carries the two flooding versions and two other items, one hour apart.
            foreach (var i in new[] { 0, 1, (index + 2) % Items.Length == 0 ? 2 : (index + 2) % Items.Length, 4 }.Distinct())
            {
                var (title, text) = Items[i];
                xml.Append("<item><title>").Append(SecurityElement.Escape(title)).Append("</title><link>https://example.vn/")
                    .Append(slug).Append('/').Append(i.ToString(CultureInfo.InvariantCulture)).Append('/')
                    .Append(hour.ToString("yyyyMMdd", CultureInfo.InvariantCulture)).Append("</link><description>")
                    .Append(SecurityElement.Escape(text)).Append("</description><pubDate>")
                    .Append(hour.AddHours(-i).ToString("r", CultureInfo.InvariantCulture)).Append("</pubDate></item>");
            }
            return Results.Text(xml.Append("</channel></rss>").ToString(), "application/rss+xml; charset=utf-8");
        }).AllowAnonymous();
    }
}
