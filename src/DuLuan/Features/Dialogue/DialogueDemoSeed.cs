using DuLuan.Data;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Cases;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Dialogue;

/// <summary>
/// Demo dialogues of Phường Hoà Khánh, once per database: one held a few weeks ago with its answers published and one
/// commitment still open (a case with its deadline), and one coming up that collects questions. The officials and all
/// text are invented; residents' questions carry no personal data.
/// </summary>
public static class DialogueDemoSeed
{
    public const string PlaceCode = "20200";

    private const string Officials = "Chủ tịch UBND phường Hoà Khánh: Trần Văn Minh\nBí thư Đảng uỷ phường Hoà Khánh: Lê Thị Hạnh";

    public static async Task EnsureAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var place = await db.Units.FirstOrDefaultAsync(u => u.Code == PlaceCode, ct);
        if (place is null || await db.DialogueSessions.AnyAsync(ct))
        {
            return;
        }

        var agencies = await DialogueQueries.AgenciesForAsync(db, place.Id, ct);
        var agency = agencies.FirstOrDefault();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var past = new DialogueSession
        {
            UnitId = place.Id,
            Title = "Đối thoại về giao thông và chiếu sáng công cộng",
            StartsAt = now.AddDays(-21).Date.AddHours(1),
            Channel = DialogueChannel.Loudspeaker,
            Venue = "Đài truyền thanh phường Hoà Khánh",
            Officials = Officials,
            Topics = "Đèn chiếu sáng đường kiệt\nĐường ngập khi mưa lớn",
            Status = DialogueStatus.Published,
            CreatedBy = "demo",
            CreatedAt = now.AddDays(-35),
            HeldAt = now.AddDays(-21).Date.AddHours(2),
            PublishedAt = now.AddDays(-20),
        };
        var upcoming = new DialogueSession
        {
            UnitId = place.Id,
            Title = "Đối thoại về thu gom rác và vệ sinh môi trường",
            StartsAt = now.AddDays(12).Date.AddHours(12),
            Channel = DialogueChannel.InPerson,
            Venue = "Nhà văn hoá khu phố 3, phường Hoà Khánh",
            Officials = Officials,
            Topics = "Giờ thu gom rác\nĐiểm tập kết rác tự phát",
            Status = DialogueStatus.Collecting,
            CreatedBy = "demo",
            CreatedAt = now.AddDays(-3),
        };
        db.DialogueSessions.AddRange(past, upcoming);
        await db.SaveChangesAsync(ct);

        var lights = Answered(past.Id, 1, "Đèn đường trên tuyến Nguyễn Lương Bằng hỏng nhiều tuần, bao giờ được sửa?", "Phường đã khảo sát 42 bộ đèn hỏng; đơn vị quản lý chiếu sáng sẽ thay toàn bộ trong tháng này.", agency?.Id, now);
        var flood = Answered(past.Id, 2, "Đường Âu Cơ ngập sâu mỗi khi mưa lớn, phường có kế hoạch gì?", "Phường đã nạo vét cống dọc tuyến và đề nghị thành phố nâng cấp hệ thống thoát nước trong năm tới.", agency?.Id, now);
        flood.Source = QuestionSource.Concerns;
        flood.SourceLabel = "Giao thông · Phường Hoà Khánh (6 phản ánh)";
        flood.Weight = 6;
        db.DialogueQuestions.AddRange(lights, flood);
        await db.SaveChangesAsync(ct);
        db.DialogueQuestions.Add(new DialogueQuestion { SessionId = past.Id, Text = "Khi nào sửa đèn đường Nguyễn Lương Bằng bị hỏng?", Source = QuestionSource.Resident, GroupId = lights.Id, ReceivedAt = now.AddDays(-30), Stage = QuestionStage.Received });

        db.DialogueQuestions.AddRange(
            new DialogueQuestion { SessionId = upcoming.Id, Text = "Xe thu gom rác đến muộn, rác để qua đêm gây mùi, phường có thể đổi giờ thu gom không?", Source = QuestionSource.Resident, ReceivedAt = now.AddDays(-2) },
            new DialogueQuestion { SessionId = upcoming.Id, Text = "Xe thu gom rác đến muộn nên rác để qua đêm gây mùi, có thể đổi giờ thu gom được không?", Source = QuestionSource.Resident, ReceivedAt = now.AddDays(-1) },
            new DialogueQuestion { SessionId = upcoming.Id, Text = "Điểm tập kết rác tự phát ở cuối kiệt có được dẹp bỏ không?", Source = QuestionSource.Resident, ReceivedAt = now.AddHours(-5) });
        await db.SaveChangesAsync(ct);

        // The one commitment still open: a case due in a month, tracked to its public answer.
        var cases = services.GetRequiredService<ICaseOpener>();
        var due = now.AddDays(30);
        var text = "Thay toàn bộ đèn chiếu sáng hỏng trên tuyến Nguyễn Lương Bằng.";
        var opened = await cases.OpenAsync(new CaseRequest(place.Id, agency?.Id, "Cam kết tại buổi đối thoại: " + text, "Buổi đối thoại \"" + past.Title + "\". Cam kết: " + text, due, "Cam kết tại buổi đối thoại \"" + past.Title + "\""), ct);
        db.DialogueCommitments.Add(new DialogueCommitment { SessionId = past.Id, QuestionId = lights.Id, Text = text, DueAt = due, CaseId = opened.Id, CaseRef = opened.PublicRef, CreatedAt = past.HeldAt!.Value });
        await db.SaveChangesAsync(ct);
    }

    private static DialogueQuestion Answered(long sessionId, int position, string text, string answer, long? agencyId, DateTime now) => new()
    {
        SessionId = sessionId,
        Text = text,
        Source = QuestionSource.Resident,
        ReceivedAt = now.AddDays(-30),
        Stage = QuestionStage.Approved,
        Position = position,
        AgencyId = agencyId,
        Answer = answer,
        Speaker = "Chủ tịch UBND phường Hoà Khánh: Trần Văn Minh",
        DraftedBy = "demo",
        DraftedAt = now.AddDays(-23),
    };
}
