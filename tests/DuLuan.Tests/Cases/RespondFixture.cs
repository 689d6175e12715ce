using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Units;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Cases;

/// <summary>Shared set-up of the agency-side tests: agencies in the seeded tree and cases routed to them.</summary>
public static class RespondFixture
{
    public const string Text = "Đèn đường trên đường Nguyễn Lương Bằng tắt nhiều đêm liền, người đi đường rất nguy hiểm.";

    public static string S(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static Task<Unit> AddAgencyAsync(TestApp app, Unit parent, string name)
        => app.WithScopeAsync(async s =>
        {
            var tracked = await s.GetRequiredService<AppDbContext>().Units.SingleAsync(u => u.Id == parent.Id);
            return await s.GetRequiredService<UnitTree>().AddChildAsync(tracked, name, UnitKind.Agency, null);
        });

    public static Task<Case> AddCaseAsync(TestApp app, long unitId, long? agencyId, string title = "Đèn đường hỏng", CaseStatus status = CaseStatus.Assigned, DateTime? createdAt = null)
        => app.WithDbAsync(async db =>
        {
            var now = createdAt ?? DateTime.UtcNow;
            var item = new Case { UnitId = unitId, AgencyId = agencyId, Title = title, Description = Text, Severity = Severity.Normal, Status = status, CreatedAt = now, DueAt = now.AddDays(7) };
            db.Cases.Add(item);
            await db.SaveChangesAsync();
            db.CaseEvents.Add(new CaseEvent { CaseId = item.Id, At = now, Status = status });
            await db.SaveChangesAsync();
            return item;
        });
}
