using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Opinions;

public sealed record CollaboratorStatus(long MembershipId, string DisplayName, string UnitName, Cadence Cadence, ReportingPeriod Period, DateTime? LastSubmittedAt, bool Reported);

/// <summary>Cadence per collaborator membership (monthly unless set) and who has filed for their current period.</summary>
public sealed class Cadences(AppDbContext db, UnitScope access, AuditLog audit, OfficeTime office)
{
    public const string AuditAction = "opinions.cadence-set";

    public DateOnly Today() => office.Today;

    public async Task<Cadence> OfMemberAsync(string memberId, long unitId, CancellationToken ct)
    {
        var cadence = await db.OpinionCadences.AsNoTracking()
            .Where(c => db.Memberships.Any(m => m.Id == c.MembershipId && m.MemberId == memberId && m.Role == Role.Collaborator && m.UnitId == unitId))
            .Select(c => (Cadence?)c.Cadence)
            .FirstOrDefaultAsync(ct);
        return cadence ?? Cadence.Monthly;
    }

    /// <summary>Collaborators in the lead's scope and whether each has filed for their current period.</summary>
    public async Task<List<CollaboratorStatus>> StatusAsync(CancellationToken ct)
    {
        var units = (await access.UnitsAsync(OpinionRoles.Leads, ct)).Select(u => u.Id);
        var collaborators = await db.Memberships.AsNoTracking()
            .Where(m => m.Role == Role.Collaborator && units.Contains(m.UnitId))
            .Select(m => new
            {
                m.Id,
                m.MemberId,
                m.UnitId,
                Name = m.Member!.DisplayName,
                Unit = m.Unit!.Name,
                UnitPath = m.Unit.Path,
                Cadence = db.OpinionCadences.Where(c => c.MembershipId == m.Id).Select(c => (Cadence?)c.Cadence).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var today = Today();
        var earliest = ReportingPeriod.Quarter(today).Start.AddDays(-7);
        var memberIds = collaborators.Select(c => c.MemberId).Distinct().ToList();
        var reports = await db.OpinionReports.AsNoTracking()
            .Where(r => memberIds.Contains(r.MemberId) && r.PeriodEnd >= earliest)
            .Select(r => new { r.MemberId, r.PeriodStart, r.PeriodEnd, r.SubmittedAt, Path = db.Units.Where(u => u.Id == r.UnitId).Select(u => u.Path).First() })
            .ToListAsync(ct);
        return collaborators.Select(c =>
        {
            var cadence = c.Cadence ?? Cadence.Monthly;
            var period = ReportingPeriod.Current(cadence, today);
            var mine = reports.Where(r => r.MemberId == c.MemberId && r.Path.StartsWith(c.UnitPath, StringComparison.Ordinal) && period.Overlaps(r.PeriodStart, r.PeriodEnd)).ToList();
            return new CollaboratorStatus(c.Id, c.Name, c.Unit, cadence, period, mine.Count == 0 ? null : mine.Max(r => r.SubmittedAt), mine.Count > 0);
        })
        .OrderBy(s => s.Reported)
        .ThenBy(s => s.UnitName, StringComparer.Ordinal)
        .ThenBy(s => s.DisplayName, StringComparer.Ordinal)
        .ToList();
    }

    /// <summary>Sets a collaborator's cadence; false when the membership is not a collaborator's in the lead's scope.</summary>
    public async Task<bool> SetAsync(long membershipId, Cadence cadence, CancellationToken ct)
    {
        var units = (await access.UnitsAsync(OpinionRoles.Leads, ct)).Select(u => u.Id);
        var unitId = await db.Memberships.Where(m => m.Id == membershipId && m.Role == Role.Collaborator && units.Contains(m.UnitId)).Select(m => (long?)m.UnitId).FirstOrDefaultAsync(ct);
        if (unitId is null)
        {
            return false;
        }

        var row = await db.OpinionCadences.FirstOrDefaultAsync(c => c.MembershipId == membershipId, ct);
        if (row is null)
        {
            db.OpinionCadences.Add(new OpinionCadence { MembershipId = membershipId, Cadence = cadence });
        }
        else
        {
            row.Cadence = cadence;
        }

        audit.Add(AuditAction, unitId, membershipId.ToString(System.Globalization.CultureInfo.InvariantCulture), cadence.ToString());
        await db.SaveChangesAsync(ct);
        return true;
    }
}
