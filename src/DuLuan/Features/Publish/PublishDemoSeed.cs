using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Publish;

/// <summary>
/// Demo publishing, once per database: the demo province's posts of the last quarter, published on its portal with
/// daily reach and interaction figures (portal and Facebook), two posts published today and posts scheduled for the
/// coming days, so the calendar and the metrics page have something to show. All text is invented.
/// </summary>
public static class PublishDemoSeed
{
    private static readonly (string Title, string Body, string Tags)[] Items =
    [
        ("Phân luồng giao thông cầu Rồng dịp cuối tuần", "<p>Từ 18 giờ thứ Bảy, cầu Rồng cấm xe ô tô để phục vụ người đi bộ.</p><p>Người dân lưu ý các tuyến đi thay thế.</p>", "giao thông"),
        ("Lịch thu gom rác mới tại các phường ven biển", "<p>Rác sinh hoạt được thu gom hai lần mỗi ngày, lúc 5 giờ và 17 giờ.</p>", "môi trường"),
        ("Hướng dẫn đăng ký tiêm chủng mở rộng", "<p>Phụ huynh đăng ký tại trạm y tế phường hoặc qua cổng dịch vụ công.</p>", "y tế"),
        ("Cảnh báo thông tin sai về giá nước sinh hoạt", "<p>Giá nước sinh hoạt năm nay không thay đổi. Thông tin lan truyền trên mạng về việc tăng giá 30% là không đúng.</p>", "thông tin sai sự thật, dịch vụ công"),
        ("Kết quả lấy ý kiến về quy hoạch công viên ven sông", "<p>Hơn 2.000 ý kiến góp ý đã được tổng hợp và gửi cơ quan quy hoạch.</p>", "quy hoạch"),
        ("Thông báo lịch tiếp công dân tháng này", "<p>Lãnh đạo thành phố tiếp công dân vào ngày 15 hằng tháng tại trụ sở.</p>", "dịch vụ công"),
        ("Chương trình ngày hội văn hoá các dân tộc", "<p>Ngày hội diễn ra tại quảng trường với nhiều hoạt động văn hoá, thể thao.</p>", "văn hoá"),
        ("Khuyến cáo phòng chống bão số 5", "<p>Người dân chủ động gia cố nhà cửa, theo dõi bản tin thời tiết chính thức.</p>", "thiên tai"),
    ];

    private static readonly (string Title, string Body, string Tags)[] Upcoming =
    [
        ("Lịch cắt điện bảo trì lưới điện khu vực trung tâm", "<p>Điện lực thông báo lịch tạm ngừng cấp điện để bảo trì lưới điện.</p>", "dịch vụ công"),
        ("Hội nghị đối thoại với thanh niên", "<p>Thành phố tổ chức đối thoại với đoàn viên, thanh niên về việc làm.</p>", "thanh niên"),
        ("Tuần lễ an toàn giao thông trường học", "<p>Các trường tổ chức tuyên truyền an toàn giao thông cho học sinh.</p>", "giao thông, giáo dục"),
    ];

    /// <summary>Published in the last hours, so this week's calendar shows published posts beside the scheduled ones.</summary>
    private static readonly (string Title, string Body, string Tags)[] Recent =
    [
        ("Kết quả kiểm tra chất lượng nước sinh hoạt", "<p>Các mẫu nước lấy tại 12 điểm đều đạt quy chuẩn kỹ thuật quốc gia.</p>", "dịch vụ công, y tế"),
        ("Bố trí trực tiếp nhận hồ sơ tại bộ phận một cửa", "<p>Bộ phận một cửa bố trí cán bộ trực để tiếp nhận hồ sơ khẩn của người dân.</p>", "dịch vụ công"),
    ];

    public static async Task EnsureAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Posts.AnyAsync(ct))
        {
            return;
        }

        var province = await db.Units.Where(u => u.Code == "48").FirstOrDefaultAsync(ct);
        var author = await db.Users.Where(u => u.Email == Cli.DemoSeed.EditorEmail).Select(u => u.Id).FirstOrDefaultAsync(ct);
        var approver = await db.Users.Where(u => u.Email == Cli.DemoSeed.AdminEmail).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (province is null || author is null || approver is null)
        {
            return;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var quarterStart = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        var lastQuarter = quarterStart.AddMonths(-3);
        var days = quarterStart.DayNumber - lastQuarter.DayNumber;
        var random = new Random(48);
        var posts = new List<Post>();
        for (var i = 0; i < Items.Length; i++)
        {
            var published = lastQuarter.AddDays(i * days / Items.Length + 2).ToDateTime(new TimeOnly(2, 30), DateTimeKind.Utc);
            posts.Add(NewPost(province.Id, Items[i], author, PostStatus.Published, published, published));
        }

        for (var i = 0; i < Recent.Length; i++)
        {
            var published = now.AddHours(-2 - (3 * i));
            posts.Add(NewPost(province.Id, Recent[i], author, PostStatus.Published, published, published));
        }

        for (var i = 0; i < Upcoming.Length; i++)
        {
            var at = now.Date.AddDays(i + 1).AddHours(1.5 + i);
            posts.Add(NewPost(province.Id, Upcoming[i], author, PostStatus.Scheduled, at, null));
        }

        db.Posts.AddRange(posts);
        await db.SaveChangesAsync(ct);
        foreach (var post in posts)
        {
            db.PostApprovals.Add(new PostApproval { PostId = post.Id, Tier = 1, ApproverId = approver, ApproverName = "Quản trị (demo)", At = post.CreatedAt.AddHours(2), ContentHash = post.ContentHash });
            if (post.PublishedAt is not { } publishedAt)
            {
                continue;
            }

            // Figures fall off after publication, as posts' do.
            for (var d = 0; d < 14; d++)
            {
                var day = DateOnly.FromDateTime(publishedAt).AddDays(d);
                if (day >= quarterStart)
                {
                    break;
                }

                var reach = (long)(20_000 * Math.Exp(-d / 2.5) * (0.6 + random.NextDouble()));
                db.PostMetrics.Add(Metric(post, "Portal", day, reach / 4, random));
                db.PostMetrics.Add(Metric(post, "Facebook", day, reach, random));
            }
        }

        await db.SaveChangesAsync(ct);
        // The roll-up reads the monthly sums; the seed writes daily rows directly, so it sums them as the migration does.
        await Metrics.MetricsMonthly.RebuildAllAsync(db, ct);
    }

    private static Post NewPost(long unitId, (string Title, string Body, string Tags) item, string author, PostStatus status, DateTime at, DateTime? publishedAt) => new()
    {
        UnitId = unitId,
        Title = item.Title,
        BodyHtml = item.Body,
        BodyText = PostContent.PlainText(item.Body),
        Tags = item.Tags,
        Status = status,
        ContentHash = PostContent.Hash(item.Title, item.Body, item.Tags, null, null),
        AuthorId = author,
        AuthorName = "Biên tập viên (demo)",
        LastEditorId = author,
        CreatedAt = at.AddDays(-2),
        UpdatedAt = at.AddDays(-1),
        ScheduledAt = at,
        NextAttemptAt = status == PostStatus.Scheduled ? at : null,
        PublishedAt = publishedAt,
    };

    private static PostMetric Metric(Post post, string channel, DateOnly day, long reach, Random random) => new()
    {
        PostId = post.Id,
        UnitId = post.UnitId,
        Channel = channel,
        Day = day,
        Reach = reach,
        Views = (long)(reach * (1.3 + random.NextDouble() * 0.4)),
        Reactions = reach / 40,
        Comments = reach / 300,
        Shares = reach / 200,
        LinkClicks = reach / 150,
    };
}
