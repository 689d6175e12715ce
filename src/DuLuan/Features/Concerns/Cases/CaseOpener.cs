using DuLuan.Data;
using DuLuan.Infrastructure.Cases;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>The kernel's <see cref="ICaseOpener"/>: a case with its deadline and its public history from the first step.</summary>
public sealed class CaseOpener(AppDbContext db, TimeProvider clock) : ICaseOpener
{
    public async Task<OpenedCase> OpenAsync(CaseRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new Case
        {
            UnitId = request.UnitId,
            Title = request.Title,
            Description = request.Description,
            AgencyId = request.AgencyId,
            Status = request.AgencyId is null ? CaseStatus.New : CaseStatus.Assigned,
            CreatedAt = now,
            DueAt = request.DueAtUtc,
        };
        db.Cases.Add(item);
        await db.SaveChangesAsync(ct);
        db.CaseEvents.Add(new CaseEvent { CaseId = item.Id, At = now, Status = CaseStatus.New, Note = request.Note });
        if (item.Status == CaseStatus.Assigned)
        {
            db.CaseEvents.Add(new CaseEvent { CaseId = item.Id, At = now, Status = CaseStatus.Assigned });
        }

        await db.SaveChangesAsync(ct);
        return new OpenedCase(item.Id, item.PublicRef);
    }

    public async Task<IReadOnlyDictionary<long, CaseProgress>> ProgressAsync(IReadOnlyCollection<long> caseIds, CancellationToken ct)
    {
        if (caseIds.Count == 0)
        {
            return new Dictionary<long, CaseProgress>();
        }

        var ids = caseIds.Distinct().ToList();
        var rows = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.PublicRef, c.AnsweredAt, c.DueAt, c.Status }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new CaseProgress(r.Id, r.PublicRef, r.AnsweredAt, r.DueAt, "Cases.Status." + r.Status));
    }

    public IQueryable<long> AnsweredOnTime(DateTime nowUtc)
        => db.Cases.AsNoTracking()
            .Where(c => c.AnsweredAt != null && c.AnsweredAt <= nowUtc && (c.DueAt == null || c.AnsweredAt <= c.DueAt))
            .Select(c => c.Id);
}
