using DuLuan.Data;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// Demo cases, once per database: open cases at two agencies of the demo province (some past their
/// working-time deadline), answered ones that fill the public list and its figures, and an answer
/// template per agency. All text is invented and holds no personal data. Cases are filed under a category, so a
/// concern sent to the demo gets a category suggestion when staff open its case.
/// </summary>
public static class CasesDemoSeed
{
    /// <summary>The category the demo routes to its environment agency.</summary>
    public const string EnvironmentCategory = "moi-truong";

    private static readonly (string Title, string Description, string Answer)[] Environment =
    [
        ("Rác tồn đọng ở chợ", "Rác thải tồn đọng nhiều ngày ở khu vực chợ, mùi hôi ảnh hưởng các hộ kinh doanh.", "Đã bố trí thêm chuyến thu gom rác lúc 5 giờ và 14 giờ hằng ngày."),
        ("Kênh thoát nước bốc mùi", "Kênh thoát nước sau khu dân cư bốc mùi hôi, nhiều muỗi.", "Đã nạo vét đoạn kênh dài 300 m và phun thuốc diệt muỗi."),
        ("Khói đốt rơm rạ", "Người dân đốt rơm rạ sau thu hoạch gây khói bụi cho khu dân cư gần cánh đồng.", "Đã tuyên truyền và hướng dẫn xử lý rơm rạ bằng chế phẩm sinh học."),
        ("Xe chở cát làm rơi vãi", "Xe chở cát đi qua tuyến đường ven sông làm rơi vãi, bụi mù.", "Đã phối hợp cảnh sát giao thông kiểm tra, xử phạt phương tiện vi phạm."),
        ("Tiếng ồn xưởng cơ khí", "Xưởng cơ khí hoạt động đến khuya gây ồn cho các hộ xung quanh.", "Đã đo tiếng ồn, yêu cầu cơ sở dừng hoạt động sau 22 giờ."),
        ("Cây xanh chết khô", "Nhiều cây xanh mới trồng trên tuyến đường chết khô do không được tưới.", "Đã trồng thay thế và giao đơn vị duy trì tưới cây hằng ngày."),
    ];

    private static readonly (string Title, string Description, string Answer)[] Culture =
    [
        ("Loa phát thanh quá to", "Loa phát thanh của phường phát quá to vào sáng sớm.", "Đã điều chỉnh âm lượng và giờ phát thanh từ 6 giờ 30."),
        ("Nhà văn hoá khoá cửa", "Nhà văn hoá khu phố thường xuyên khoá cửa, người dân không có chỗ sinh hoạt.", "Đã giao tổ dân phố quản lý, mở cửa các buổi tối trong tuần."),
        ("Biển quảng cáo che khuất", "Biển quảng cáo lớn che khuất tầm nhìn ở ngã tư.", "Đã yêu cầu chủ biển tháo dỡ, di dời vào vị trí được cấp phép."),
    ];

    public static async Task EnsureAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Cases.AnyAsync(ct))
        {
            return;
        }

        var province = await db.Units.Where(u => u.Code == "48").FirstOrDefaultAsync(ct);
        if (province is null)
        {
            return;
        }

        var tree = services.GetRequiredService<UnitTree>();
        var agencies = await db.Units.Where(u => u.ParentId == province.Id && u.Kind == UnitKind.Agency && u.ActiveTo == null).OrderBy(u => u.Name).Take(2).ToListAsync(ct);
        while (agencies.Count < 2)
        {
            agencies.Add(await tree.AddChildAsync(province, agencies.Count == 0 ? "Sở Tài nguyên và Môi trường" : "Sở Văn hoá, Thể thao và Du lịch", UnitKind.Agency, null, ct));
        }

        var places = await db.Units.Where(u => u.ParentId == province.Id && u.Kind == UnitKind.Commune).OrderBy(u => u.Code).Take(2).Select(u => u.Id).ToListAsync(ct);
        if (places.Count == 0)
        {
            places.Add(province.Id);
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var calendar = await services.GetRequiredService<Holidays>().CalendarAsync(province.Id, ct);
        var hours = services.GetRequiredService<IOptions<WorkingHoursOptions>>().Value;
        var n = 0;

        void Add((string Title, string Description, string Answer) text, long agencyId, int daysAgo, CaseStatus status, double? answeredAfterDays)
        {
            var created = now.AddDays(-daysAgo).AddHours(-(n % 5));
            var due = calendar.DueAt(hours, Severity.Normal, created);
            var item = new Case
            {
                UnitId = places[n++ % places.Count],
                AgencyId = agencyId,
                Title = text.Title,
                Description = text.Description,
                Severity = Severity.Normal,
                Category = Environment.Contains(text) ? "moi-truong" : "trat-tu-do-thi",
                Status = status,
                CreatedAt = created,
                DueAt = due,
                OverdueSince = answeredAfterDays is null && due < now ? due : null,
                AnsweredAt = answeredAfterDays is { } a ? created.AddDays(a) : null,
                Answer = answeredAfterDays is null ? null : text.Answer,
                ClosedAt = status == CaseStatus.Closed ? created.AddDays(answeredAfterDays!.Value + 3) : null,
            };
            db.Cases.Add(item);
        }

        // Answered: enough at the first agency for its public figures (10 or more), fewer at the second.
        for (var i = 0; i < 12; i++)
        {
            Add(Environment[i % Environment.Length], agencies[0].Id, 20 + (i * 4), i % 3 == 0 ? CaseStatus.Closed : CaseStatus.Answered, i == 5 ? 9 : 1 + (i % 4));
        }

        for (var i = 0; i < 4; i++)
        {
            Add(Culture[i % Culture.Length], agencies[1].Id, 15 + (i * 6), CaseStatus.Answered, 2 + i);
        }

        // Open: two past their deadline at the first agency, one at the second, the rest still in time.
        Add(Environment[0], agencies[0].Id, 12, CaseStatus.Assigned, null);
        Add(Environment[1], agencies[0].Id, 9, CaseStatus.InProgress, null);
        Add(Environment[2], agencies[0].Id, 1, CaseStatus.Assigned, null);
        Add(Culture[0], agencies[1].Id, 10, CaseStatus.Assigned, null);
        Add(Culture[1], agencies[1].Id, 0, CaseStatus.Assigned, null);
        await db.SaveChangesAsync(ct);

        var events = await db.Cases.Select(c => new { c.Id, c.CreatedAt, c.Status, c.AnsweredAt, c.ClosedAt }).ToListAsync(ct);
        foreach (var c in events)
        {
            db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, At = c.CreatedAt, Status = CaseStatus.New });
            db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, At = c.CreatedAt.AddMinutes(30), Status = CaseStatus.Assigned });
            if (c.Status == CaseStatus.InProgress)
            {
                db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, At = c.CreatedAt.AddDays(1), Status = CaseStatus.InProgress });
            }

            if (c.AnsweredAt is { } answered)
            {
                db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, At = answered, Status = CaseStatus.Answered });
            }

            if (c.ClosedAt is { } closed)
            {
                db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, At = closed, Status = CaseStatus.Closed });
            }
        }

        db.AnswerTemplates.Add(new AnswerTemplate { AgencyId = agencies[0].Id, Title = "Đã xử lý tại hiện trường", Body = "Cơ quan đã cử cán bộ kiểm tra và xử lý tại hiện trường. Cảm ơn người dân đã phản ánh.", CreatedAt = now });
        db.AnswerTemplates.Add(new AnswerTemplate { AgencyId = agencies[1].Id, Title = "Đã chỉ đạo khắc phục", Body = "Cơ quan đã chỉ đạo đơn vị liên quan khắc phục và sẽ tiếp tục theo dõi.", CreatedAt = now });

        // A routing rule, so a resident's concern about the environment anywhere in the province reaches the
        // environment agency's queue with no hand-sorting.
        await services.GetRequiredService<Routing.CategoryCatalog>().EnsureDefaultsAsync(province.Id, ct);
        var environment = await db.Categories.FirstOrDefaultAsync(c => c.ProvinceId == province.Id && c.Key == EnvironmentCategory, ct);
        if (environment is not null)
        {
            db.RoutingRules.Add(new Routing.RoutingRule { CategoryId = environment.Id, UnitId = province.Id, AgencyId = agencies[0].Id, CreatedAt = now });
        }

        await db.SaveChangesAsync(ct);
    }
}
