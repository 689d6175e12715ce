using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Routing;

/// <summary>The routing rules of the list: category × place (a unit and its subtree) → agency, all inside the province.</summary>
public sealed partial class CategoriesAdminModel
{
    public sealed record RuleRow(long Id, string Category, string Place, string Agency, DateTime CreatedAt);

    public List<RuleRow> Rules { get; private set; } = [];

    /// <summary>Places a rule may cover: the province and its communes (for a root without a province: the units outside every province).</summary>
    public List<Unit> Places { get; private set; } = [];

    public List<Unit> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnPostAddRuleAsync(long? categoryId, long? placeId, long? agencyId, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var category = List.FirstOrDefault(c => c.Id == categoryId && !c.Retired);
        if (category is null)
        {
            ModelState.AddModelError("categoryId", l["Routing.BadCategory"]);
        }

        if (Places.All(p => p.Id != placeId))
        {
            ModelState.AddModelError("placeId", l["Routing.BadPlace"]);
        }

        if (Agencies.All(a => a.Id != agencyId))
        {
            ModelState.AddModelError("agencyId", l["Cases.BadAgency"]);
        }

        if (ModelState.IsValid && await db.RoutingRules.AnyAsync(r => r.CategoryId == categoryId && r.UnitId == placeId, ct))
        {
            ModelState.AddModelError("placeId", l["Routing.RuleExists"]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        db.RoutingRules.Add(new RoutingRule { CategoryId = category!.Id, UnitId = placeId!.Value, AgencyId = agencyId!.Value, CreatedAt = clock.GetUtcNow().UtcDateTime });
        var place = Places.First(p => p.Id == placeId).Name;
        var agency = Agencies.First(a => a.Id == agencyId).Name;
        audit.Add(CaseAudit.RuleAdded, Owner.Id, $"category {category.Key}", $"{place} → {agency}");
        await db.SaveChangesAsync(ct);
        return Redirect($"/Cases/Categories?province={Owner.Id}");
    }

    public async Task<IActionResult> OnPostRemoveRuleAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Rules.All(r => r.Id != id))
        {
            return NotFound();
        }

        var rule = await db.RoutingRules.SingleAsync(r => r.Id == id, ct);
        var row = Rules.First(r => r.Id == id);
        db.RoutingRules.Remove(rule);
        audit.Add(CaseAudit.RuleRemoved, Owner.Id, $"rule {id}", $"{row.Category}: {row.Place} → {row.Agency}");
        await db.SaveChangesAsync(ct);
        return Redirect($"/Cases/Categories?province={Owner.Id}");
    }

    private async Task LoadRulesAsync(CancellationToken ct)
    {
        var prefix = Owner.Path;
        var subtree = await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(prefix) && u.ActiveTo == null).OrderBy(u => u.Path).ToListAsync(ct);
        var otherProvinces = subtree.Where(u => u.Kind == UnitKind.Province && u.Id != Owner.Id).Select(u => u.Id).ToHashSet();
        var ours = subtree.Where(u => !CategoryCatalog.PathIds(u.Path).Any(otherProvinces.Contains)).ToList();
        Places = ours.Where(u => u.Id == Owner.Id || u.Kind is UnitKind.Commune).ToList();
        Agencies = ours.Where(u => u.Kind == UnitKind.Agency).OrderBy(u => u.Name).ToList();
        var categoryIds = List.Select(c => c.Id).ToList();
        Rules = await db.RoutingRules.AsNoTracking().Where(r => categoryIds.Contains(r.CategoryId))
            .OrderBy(r => r.Category!.Position).ThenBy(r => r.Id)
            .Select(r => new RuleRow(r.Id, r.Category!.NameVi,
                db.Units.Where(u => u.Id == r.UnitId).Select(u => u.Name).First(),
                db.Units.Where(u => u.Id == r.AgencyId).Select(u => u.Name).First(), r.CreatedAt))
            .ToListAsync(ct);
    }
}
