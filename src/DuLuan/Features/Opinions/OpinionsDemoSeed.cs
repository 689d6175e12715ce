using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Opinions;

/// <summary>
/// Demo collaborators in several communes of Đà Nẵng with reports for last month and the month
/// before, so the briefing shows topics, tendencies and trends at once. Runs once per database.
/// </summary>
public static class OpinionsDemoSeed
{
    private const string ProvinceCode = "48";

    private static readonly string[] Topics =
    [
        "Giá điện sinh hoạt",
        "Sắp xếp đơn vị hành chính",
        "Ngập úng khi mưa lớn",
        "Các khoản thu đầu năm học",
        "Thu gom rác thải sinh hoạt",
    ];

    // Per topic: summary, and for last month and the month before: tendency, intensity, spread, sources.
    private static readonly (string Summary, Tendency Tendency, int[] Intensity, Spread Spread, OpinionSources Sources, string? Suggestion)[] Streams =
    [
        ("Nhiều hộ phản ánh hoá đơn tiền điện tháng nắng nóng tăng mạnh, muốn được giải thích cách tính bậc thang.", Tendency.Disagree, [4, 2], Spread.Commune, OpinionSources.Conversation | OpinionSources.Press, "Đề nghị điện lực tổ chức đối thoại, giải thích cách tính giá điện bậc thang cho người dân."),
        ("Người dân cơ bản đồng tình với việc sắp xếp, còn băn khoăn về địa điểm làm thủ tục hành chính mới.", Tendency.Agree, [3, 3], Spread.Commune, OpinionSources.Meeting | OpinionSources.OfficialPage, null),
        ("Sau các trận mưa lớn, một số tuyến đường kiệt bị ngập sâu, bà con lo mùa mưa bão tới.", Tendency.Disagree, [5, 3], Spread.Neighbourhood, OpinionSources.Conversation | OpinionSources.Loudspeaker, "Đề nghị nạo vét cống thoát nước các tuyến kiệt trước mùa mưa bão."),
        ("Phụ huynh trao đổi nhiều về các khoản thu đầu năm, ý kiến trái chiều về khoản tự nguyện.", Tendency.Mixed, [3, 4], Spread.Commune, OpinionSources.Meeting | OpinionSources.Conversation, null),
        ("Giờ thu gom rác thay đổi, một số khu dân cư chưa nắm được lịch mới.", Tendency.Undecided, [2, 0], Spread.FewPeople, OpinionSources.Loudspeaker, null),
    ];

    public static async Task EnsureAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.OpinionReports.AnyAsync(ct))
        {
            return;
        }

        var province = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == ProvinceCode, ct);
        if (province is null)
        {
            return;
        }

        var communes = await db.Units.AsNoTracking().Where(u => u.ParentId == province.Id && u.Kind == UnitKind.Commune && u.ActiveTo == null)
            .OrderBy(u => u.Code).Take(6).ToListAsync(ct);
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var topics = Topics.Select(name => new OpinionTopic { UnitId = province.Id, Name = name, NameFolded = OpinionText.Fold(name), CreatedAt = now }).ToList();
        db.OpinionTopics.AddRange(topics);
        await db.SaveChangesAsync(ct);

        var today = services.GetRequiredService<Cadences>().Today();
        var lastMonth = ReportingPeriod.Month(ReportingPeriod.Month(today).Start.AddDays(-1));
        var monthBefore = ReportingPeriod.Month(lastMonth.Start.AddDays(-1));
        var admin = services.GetRequiredService<MemberAdmin>();
        var filing = services.GetRequiredService<OpinionFiling>();
        for (var c = 0; c < communes.Count; c++)
        {
            var commune = communes[c];
            var (invitation, _) = await admin.InviteAsync($"ctv{c + 1}@demo.duluan.vn", $"Cộng tác viên {commune.Name} (demo)", commune, Role.Collaborator, ct);
            if (invitation is null)
            {
                continue;
            }

            foreach (var (period, age) in new[] { (monthBefore, 1), (lastMonth, 0) })
            {
                var streams = new List<StreamDraft>();
                for (var t = 0; t < Streams.Length; t++)
                {
                    var s = Streams[t];
                    // Not every commune reports every topic: the briefing shows different counts per topic.
                    var intensity = s.Intensity[age];
                    if (intensity == 0 || (t + c) % 3 == 2)
                    {
                        continue;
                    }

                    var spread = (Spread)Math.Min((int)Spread.Beyond, (int)s.Spread + (c % 2));
                    streams.Add(new StreamDraft(topics[t].Id, null, s.Summary, s.Tendency, Math.Clamp(intensity - (c % 2), 1, 5), spread, s.Sources, age == 0 && c < 2 ? s.Suggestion : null));
                }

                var key = $"demo-{commune.Id}-{period.Start:yyyyMM}";
                await filing.FileAsync(invitation.Member.Id, commune, new ReportDraft(commune.Id, period, key, streams), ct);
            }
        }
    }
}
