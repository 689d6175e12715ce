using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Claims;

/// <summary>
/// The demo's claims: two invented false stories answered with published rebuttals, and a third claim left open. The
/// stories themselves go in through Monitoring's ingest, which the composition root (Cli/ClaimsDemo) runs: it hands
/// each answered claim the stories its articles started, so Claims names no Monitoring type.
/// </summary>
public static class ClaimsDemoSeed
{
    /// <summary>An answered claim of the demo and the invented articles that spread it (oldest first).</summary>
    public sealed record DemoClaim(string Text, string[] Articles, Verdict Verdict, string Reasoning, string Answer, string Evidence);

    /// <summary>A story the claim's articles started: where and when it first appeared.</summary>
    public sealed record DemoStory(long StoryId, string Outlet, DateTime FirstSeenAt);

    /// <summary>The claims answered with a published rebuttal.</summary>
    public static readonly IReadOnlyList<DemoClaim> Answered =
    [
        new("Đà Nẵng sẽ cắt nước toàn thành phố trong ba ngày từ thứ Hai tới",
            ["Đà Nẵng sẽ cắt nước toàn thành phố trong ba ngày từ thứ Hai tới, người dân cần tích trữ nước",
             "Tin nóng: Đà Nẵng cắt nước toàn thành phố trong ba ngày từ thứ Hai",
             "Người dân đổ xô mua bình chứa vì tin Đà Nẵng sẽ cắt nước toàn thành phố ba ngày"],
            Verdict.False,
            "Công ty cấp nước chỉ tạm ngừng cấp nước 8 giờ tại hai tuyến đường ở quận Liên Chiểu để thay đường ống, đã thông báo trước. Không có kế hoạch ngừng cấp nước toàn thành phố.",
            "Thành phố không cắt nước toàn thành phố. Việc tạm ngừng cấp nước chỉ diễn ra trong 8 giờ tại hai tuyến đường để thay ống, theo thông báo của công ty cấp nước.",
            "Thông báo lịch tạm ngừng cấp nước của công ty cấp nước (8 giờ, hai tuyến đường)"),
        new("Học sinh Đà Nẵng được nghỉ học cả tuần vì bão",
            ["Học sinh Đà Nẵng được nghỉ học cả tuần vì bão, phụ huynh chia sẻ rầm rộ",
             "Đà Nẵng cho học sinh nghỉ học cả tuần vì bão?"],
            Verdict.Misleading,
            "Sở Giáo dục và Đào tạo cho học sinh nghỉ một ngày (thứ Ba) khi bão đổ bộ; các ngày còn lại học bình thường. Tin 'nghỉ cả tuần' lấy một phần thông báo và bỏ phần ngày đi học lại.",
            "Học sinh chỉ nghỉ học ngày thứ Ba theo thông báo của Sở Giáo dục và Đào tạo; từ thứ Tư đi học bình thường.",
            "Công văn của Sở Giáo dục và Đào tạo về việc cho học sinh nghỉ học một ngày"),
    ];

    /// <summary>A claim still open: a later rewrite of it (<see cref="OpenClaimRewrite"/>) arrives through ingest.</summary>
    public const string OpenClaim = "Cầu Rồng sẽ ngừng phun lửa vĩnh viễn từ tháng sau để tiết kiệm chi phí";

    /// <summary>The rewrite the claims observer recognises, leaving a pending suggestion on <see cref="OpenClaim"/>.</summary>
    public const string OpenClaimRewrite = "Nghe nói Cầu Rồng sẽ ngừng phun lửa vĩnh viễn từ tháng sau để tiết kiệm chi phí";

    /// <summary>Whether the unit has claims already (the demo is seeded once).</summary>
    public static Task<bool> SeededAsync(AppDbContext db, long unitId, CancellationToken ct) => db.Claims.AnyAsync(c => c.UnitId == unitId, ct);

    /// <summary>Registers <paramref name="demo"/> at <paramref name="at"/>, linked to its stories, with its verdict and a rebuttal published a day later.</summary>
    public static async Task AddAnsweredAsync(AppDbContext db, long unitId, DemoClaim demo, IReadOnlyList<DemoStory> stories, DateTime at, CancellationToken ct)
    {
        var claim = await AddClaimAsync(db, unitId, demo.Text, at, ct);
        foreach (var story in stories)
        {
            db.ClaimLinks.Add(new ClaimLink { ClaimId = claim.Id, Kind = ClaimLinkKind.Story, TargetId = story.StoryId, Outlet = story.Outlet, AppearedAt = story.FirstSeenAt, AddedAt = claim.CreatedAt });
        }

        db.ClaimEvidence.Add(new ClaimEvidence { ClaimId = claim.Id, Kind = EvidenceKind.OfficialData, Title = demo.Evidence, IsPublic = true, AddedAt = claim.CreatedAt });
        claim.Verdict = demo.Verdict;
        claim.Reasoning = demo.Reasoning;
        claim.Answer = demo.Answer;
        claim.Status = ClaimStatus.Answered;
        claim.PublishedAt = claim.CreatedAt.AddDays(1);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Registers <see cref="OpenClaim"/> at <paramref name="at"/>.</summary>
    public static Task AddOpenAsync(AppDbContext db, long unitId, DateTime at, CancellationToken ct) => AddClaimAsync(db, unitId, OpenClaim, at, ct);

    private static async Task<Claim> AddClaimAsync(AppDbContext db, long unitId, string text, DateTime at, CancellationToken ct)
    {
        var claim = new Claim { UnitId = unitId, Text = text, Status = ClaimStatus.Open, CreatedAt = at, UpdatedAt = at };
        db.Claims.Add(claim);
        await db.SaveChangesAsync(ct);
        return claim;
    }
}
