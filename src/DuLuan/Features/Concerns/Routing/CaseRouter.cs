using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Concerns.Routing;

/// <summary>The rule that sends a category of concerns about a place to an agency, with the names the history shows.</summary>
public sealed record RuleMatch(long RuleId, long AgencyId, string Category, string Place, string Agency)
{
    /// <summary>The history line of a case the rule routed (Vietnamese, the office's language, as every history line).</summary>
    public string Note => new Message("Routing.HistoryNote", Category, Place, Agency).Vietnamese;
}

/// <summary>
/// Routes a new concern by the rules of its province: when a rule covers its category and place (the rule on the
/// deepest unit above or at the concern's place wins), a case is opened for it at once, assigned to the rule's agency
/// with its deadline, and the history says which rule did it. Without a match the concern waits for the office.
/// </summary>
public sealed class CaseRouter(AppDbContext db, CategoryCatalog catalog, Holidays holidays, IOptions<WorkingHoursOptions> hours, TimeProvider clock)
{
    public async Task<RuleMatch?> MatchAsync(long unitId, string? categoryKey, CancellationToken ct = default)
    {
        if (await catalog.FindAsync(unitId, categoryKey, ct) is not { Retired: false } category)
        {
            return null;
        }

        var path = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).SingleAsync(ct);
        var ids = CategoryCatalog.PathIds(path);
        var rules = await db.RoutingRules.AsNoTracking()
            .Where(r => r.CategoryId == category.Id && ids.Contains(r.UnitId))
            .Where(r => db.Units.Any(a => a.Id == r.AgencyId && a.ActiveTo == null))
            .Select(r => new { r.Id, r.UnitId, r.AgencyId })
            .ToListAsync(ct);
        if (rules.Count == 0)
        {
            return null;
        }

        var rule = rules.MaxBy(r => ids.IndexOf(r.UnitId))!;
        var names = await db.Units.AsNoTracking().Where(u => u.Id == rule.UnitId || u.Id == rule.AgencyId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return new RuleMatch(rule.Id, rule.AgencyId, category.NameVi, names[rule.UnitId], names[rule.AgencyId]);
    }

    /// <summary>Opens and assigns the case of a stored, unlinked concern when a rule matches; null when none does.</summary>
    public async Task<long?> RouteAsync(long concernId, CancellationToken ct = default)
    {
        var concern = await db.Concerns.SingleAsync(c => c.Id == concernId, ct);
        if (concern.Status != ConcernStatus.New || concern.CaseId is not null || concern.Category is null)
        {
            return null;
        }

        if (await MatchAsync(concern.UnitId, concern.Category, ct) is not { } match)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var calendar = await holidays.CalendarAsync(concern.UnitId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var item = new Case
        {
            UnitId = concern.UnitId,
            Title = TypedText.PublicAnswer(concern.Title),
            Description = TypedText.PublicAnswer(concern.Description),
            Severity = Severity.Normal,
            AgencyId = match.AgencyId,
            Category = concern.Category,
            Status = CaseStatus.Assigned,
            CreatedAt = now,
            DueAt = calendar.DueAt(hours.Value, Severity.Normal, concern.ReceivedAt),
        };
        db.Cases.Add(item);
        await db.SaveChangesAsync(ct);
        db.CaseEvents.Add(new CaseEvent { CaseId = item.Id, At = now, Status = CaseStatus.New });
        db.CaseEvents.Add(new CaseEvent { CaseId = item.Id, At = now, Status = CaseStatus.Assigned, Note = match.Note });
        concern.CaseId = item.Id;
        concern.Status = ConcernStatus.Linked;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return item.Id;
    }
}
