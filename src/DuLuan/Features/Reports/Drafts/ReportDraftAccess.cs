using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports.Drafts;

/// <summary>
/// Who may prepare reports: editors, leads and admins, for units in their subtrees (through <see cref="UnitScope"/>'s
/// grants). Outside them a unit or a draft is not found (404).
/// </summary>
public sealed class ReportDraftAccess(AppDbContext db, UnitScope scope)
{
    public static readonly Role[] Writers = RoleTable.PrepareReports.Roles;

    public Task<IQueryable<Unit>> UnitsAsync(CancellationToken ct) => scope.UnitsAsync(Writers, ct);

    public async Task<Unit?> UnitAsync(long unitId, CancellationToken ct) =>
        await (await UnitsAsync(ct)).AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);

    public async Task<ReportDraft?> DraftAsync(long id, CancellationToken ct)
    {
        var units = (await UnitsAsync(ct)).Select(u => u.Id);
        return await db.ReportDrafts.FirstOrDefaultAsync(d => d.Id == id && units.Contains(d.UnitId), ct);
    }

    /// <summary>Templates uploaded for the unit or one of the units above it.</summary>
    public async Task<List<ReportTemplate>> TemplatesForAsync(Unit unit, CancellationToken ct)
    {
        var ids = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).Append(unit.Id).ToList();
        return await db.ReportTemplates.AsNoTracking().Where(t => ids.Contains(t.UnitId)).OrderBy(t => t.Name)
            .Select(t => new ReportTemplate { Id = t.Id, UnitId = t.UnitId, Name = t.Name, Content = Array.Empty<byte>(), UploadedAt = t.UploadedAt })
            .ToListAsync(ct);
    }

    public string? MemberId => scope.MemberId;
}
