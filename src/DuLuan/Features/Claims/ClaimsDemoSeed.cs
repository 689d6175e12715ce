using DuLuan.Data;
using DuLuan.Features.Monitoring;
using DuLuan.Features.Monitoring.Ingest;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Claims;

/// <summary>
/// Seeds the demo's claims once, after the monitoring demo: two invented false stories are ingested through the demo
/// feeds over several days, registered as claims with published rebuttals, and a third claim is left open; a later
/// rewrite of it arrives through ingest and the matcher leaves a pending suggestion on it.
/// </summary>
public static class ClaimsDemoSeed
{
    private static readonly (string Claim, string[] Articles, Verdict Verdict, string Reasoning, string Answer, string Evidence)[] Published =
    [
        ("Đà Nẵng sẽ cắt nước toàn thành phố trong ba ngày từ thứ Hai tới",
            ["Đà Nẵng sẽ cắt nước toàn thành phố trong ba ngày từ thứ Hai tới, người dân cần tích trữ nước",
             "Tin nóng: Đà Nẵng cắt nước toàn thành phố trong ba ngày từ thứ Hai",
             "Người dân đổ xô mua bình chứa vì tin Đà Nẵng sẽ cắt nước toàn thành phố ba ngày"],
            Verdict.False,
            "Công ty cấp nước chỉ tạm ngừng cấp nước 8 giờ tại hai tuyến đường ở quận Liên Chiểu để thay đường ống, đã thông báo trước. Không có kế hoạch ngừng cấp nước toàn thành phố.",
            "Thành phố không cắt nước toàn thành phố. Việc tạm ngừng cấp nước chỉ diễn ra trong 8 giờ tại hai tuyến đường để thay ống, theo thông báo của công ty cấp nước.",
            "Thông báo lịch tạm ngừng cấp nước của công ty cấp nước (8 giờ, hai tuyến đường)"),
        ("Học sinh Đà Nẵng được nghỉ học cả tuần vì bão",
            ["Học sinh Đà Nẵng được nghỉ học cả tuần vì bão, phụ huynh chia sẻ rầm rộ",
             "Đà Nẵng cho học sinh nghỉ học cả tuần vì bão?"],
            Verdict.Misleading,
            "Sở Giáo dục và Đào tạo cho học sinh nghỉ một ngày (thứ Ba) khi bão đổ bộ; các ngày còn lại học bình thường. Tin 'nghỉ cả tuần' lấy một phần thông báo và bỏ phần ngày đi học lại.",
            "Học sinh chỉ nghỉ học ngày thứ Ba theo thông báo của Sở Giáo dục và Đào tạo; từ thứ Tư đi học bình thường.",
            "Công văn của Sở Giáo dục và Đào tạo về việc cho học sinh nghỉ học một ngày"),
    ];

    private const string OpenClaim = "Cầu Rồng sẽ ngừng phun lửa vĩnh viễn từ tháng sau để tiết kiệm chi phí";

    public static async Task EnsureAsync(IServiceProvider services, long unitId, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Claims.AnyAsync(c => c.UnitId == unitId, ct))
        {
            return;
        }

        var feeds = await db.Feeds.Where(f => f.UnitId == unitId).OrderBy(f => f.Id).ToListAsync(ct);
        if (feeds.Count == 0)
        {
            return;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var ingest = services.GetRequiredService<ArticleIngest>();
        for (var i = 0; i < Published.Length; i++)
        {
            var (text, articles, verdict, reasoning, answer, evidence) = Published[i];
            for (var a = 0; a < articles.Length; a++)
            {
                var at = now.AddDays(-9 + i * 3 + a).AddHours(-a * 5);
                await ingest.IngestAsync(feeds[a % feeds.Count], [Entry($"claim{i}-{a}", articles[a], at)], ct);
            }

            var claim = await AddClaimAsync(db, unitId, text, now.UtcDateTime.AddDays(-6 + i * 3), ct);
            var storyIds = await db.Articles.Where(x => x.Url != null && x.Url.Contains($"/claim{i}-")).Select(x => x.StoryId).Distinct().ToListAsync(ct);
            foreach (var storyId in storyIds)
            {
                var first = await db.Stories.Where(s => s.Id == storyId).Select(s => s.FirstSeenAt).SingleAsync(ct);
                db.ClaimLinks.Add(new ClaimLink { ClaimId = claim.Id, Kind = ClaimLinkKind.Story, TargetId = storyId, Outlet = feeds[0].Outlet, AppearedAt = first, AddedAt = claim.CreatedAt });
            }

            db.ClaimEvidence.Add(new ClaimEvidence { ClaimId = claim.Id, Kind = EvidenceKind.OfficialData, Title = evidence, IsPublic = true, AddedAt = claim.CreatedAt });
            claim.Verdict = verdict;
            claim.Reasoning = reasoning;
            claim.Answer = answer;
            claim.Status = ClaimStatus.Answered;
            claim.PublishedAt = claim.CreatedAt.AddDays(1);
            await db.SaveChangesAsync(ct);
        }

        await AddClaimAsync(db, unitId, OpenClaim, now.UtcDateTime.AddDays(-2), ct);
        // A rewrite arrives through ingest; the claims observer recognises it and leaves a suggestion to review.
        await ingest.IngestAsync(feeds[^1], [Entry("claim-open-0", "Nghe nói Cầu Rồng sẽ ngừng phun lửa vĩnh viễn từ tháng sau để tiết kiệm chi phí", now.AddHours(-3))], ct);
    }

    private static async Task<Claim> AddClaimAsync(AppDbContext db, long unitId, string text, DateTime at, CancellationToken ct)
    {
        var claim = new Claim { UnitId = unitId, Text = text, Status = ClaimStatus.Open, CreatedAt = at, UpdatedAt = at };
        db.Claims.Add(claim);
        await db.SaveChangesAsync(ct);
        return claim;
    }

    private static ParsedEntry Entry(string id, string text, DateTimeOffset at) => new()
    {
        Id = "demo-" + id,
        Title = text,
        Link = "https://example.vn/demo/" + id,
        ContentText = text,
        Published = at,
        Categories = [],
    };
}
