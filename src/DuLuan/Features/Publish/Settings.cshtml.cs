using DuLuan.Analysis.Text;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Features.Publish.Channels;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Publish;

/// <summary>A unit's official channels (tokens encrypted, health shown) and its number of approval tiers. Leads and admins only.</summary>
public sealed class SettingsModel(AppDbContext db, UnitScope access, TokenVault vault, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public List<Unit> Units { get; private set; } = [];

    public List<PublishChannel> Channels { get; private set; } = [];

    public Dictionary<long, int> Tiers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTiersAsync(long unitId, int tiers, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Units.All(u => u.Id != unitId))
        {
            return NotFound();
        }

        if (tiers is < 1 or > 3)
        {
            ModelState.AddModelError("tiers", l["Publish.Error.Tiers"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var inherited = await ApprovalTiers.InheritedTiersAsync(db, unitId, ct);
        if (tiers < inherited)
        {
            ModelState.AddModelError("tiers", l["Publish.Error.TiersBelowParent", inherited]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var row = await db.PublishSettings.FindAsync([unitId], ct);
        if (row is null)
        {
            db.PublishSettings.Add(new PublishSettings { UnitId = unitId, ApprovalTiers = tiers });
        }
        else
        {
            row.ApprovalTiers = tiers;
        }

        audit.Add(PostWorkflow.Actions.TiersChanged, unitId, null, tiers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return Redirect("/Publish/Settings");
    }

    public async Task<IActionResult> OnPostChannelAsync(long unitId, ChannelKind kind, string? name, string? externalId, string? token, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Units.All(u => u.Id != unitId))
        {
            return NotFound();
        }

        name = name is null ? null : Nfc.Of(name.Trim());
        externalId = externalId?.Trim();
        token = token?.Trim();
        if (!Enum.IsDefined(kind))
        {
            ModelState.AddModelError("kind", l["Publish.Error.Kind"]);
        }

        if (name is not { Length: >= 2 and <= 200 })
        {
            ModelState.AddModelError("name", l["Publish.Error.ChannelName"]);
        }

        if (externalId is not { Length: >= 1 and <= 100 } || !externalId.All(char.IsAsciiLetterOrDigit))
        {
            ModelState.AddModelError("externalId", l["Publish.Error.ExternalId"]);
        }

        if (token is not { Length: >= 10 and <= 2000 } || token.Any(char.IsWhiteSpace))
        {
            ModelState.AddModelError("token", l["Publish.Error.Token"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var existing = await db.PublishChannels.FirstOrDefaultAsync(c => c.UnitId == unitId && c.Kind == kind && c.ExternalId == externalId, ct);
        if (existing is null)
        {
            existing = new PublishChannel { UnitId = unitId, Kind = kind, Name = name!, ExternalId = externalId!, TokenProtected = vault.Protect(token!) };
            db.PublishChannels.Add(existing);
        }
        else
        {
            // A new token turns a red channel green again; the next retry will tell if it works.
            existing.Name = name!;
            existing.TokenProtected = vault.Protect(token!);
            existing.Healthy = true;
            existing.HealthMessage = null;
            existing.Active = true;
        }

        audit.Add(PostWorkflow.Actions.ChannelAdded, unitId, $"{kind}:{externalId}", name);
        await db.SaveChangesAsync(ct);
        return Redirect("/Publish/Settings");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var units = await access.UnitsAsync(PostRoles.Approvers, ct);
        Units = await units.Where(u => u.ActiveTo == null).OrderBy(u => u.Path).Take(500).ToListAsync(ct);
        if (Units.Count == 0)
        {
            return false;
        }

        var ids = Units.Select(u => u.Id).ToList();
        Channels = await db.PublishChannels.AsNoTracking().Where(c => ids.Contains(c.UnitId)).OrderBy(c => c.UnitId).ThenBy(c => c.Name).ToListAsync(ct);
        Tiers = await db.PublishSettings.AsNoTracking().Where(s => ids.Contains(s.UnitId)).ToDictionaryAsync(s => s.UnitId, s => s.ApprovalTiers, ct);
        return true;
    }
}
