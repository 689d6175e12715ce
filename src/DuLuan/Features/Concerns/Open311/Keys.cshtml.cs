using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Open311;

/// <summary>
/// Admins of a root or of a province issue and revoke their own Open311 API keys (a province's key posts only about
/// its places); root admins also see keys of the whole tree. A new key is shown once, only its hash is kept. Another
/// owner's key or unit id is "not found".
/// </summary>
public sealed class KeysModel(AppDbContext db, UnitScope scope, ApiKeys keys, AuditLog audit) : PageModel
{
    public const string KeyCreated = Cases.CaseAudit.Open311KeyCreated;
    public const string KeyRevoked = Cases.CaseAudit.Open311KeyRevoked;

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 3, ErrorMessage = "Validation.Length")]
    [Display(Name = "Open311.Keys.Name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>The root or province issuing a new key; the first manageable one when absent.</summary>
    [BindProperty]
    public long? UnitId { get; set; }

    public List<Unit> Owners { get; private set; } = [];

    public List<ApiKey> List { get; private set; } = [];

    public string? NewKey { get; private set; }

    public string OwnerName(long? unitId) => unitId is null ? string.Empty : Owners.FirstOrDefault(o => o.Id == unitId)?.Name ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadOwnersAsync(ct))
        {
            return NotFound();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadOwnersAsync(ct))
        {
            return NotFound();
        }

        var owner = UnitId is { } wanted ? Owners.FirstOrDefault(o => o.Id == wanted) : Owners[0];
        if (owner is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            await using var transaction = await audit.BeginAsync(ct);
            var (row, key) = await keys.CreateAsync(TypedText.Label(Name), owner.Id, ct);
            await audit.WriteAsync(KeyCreated, owner.Id, $"open311-key:{row.Id.ToString(CultureInfo.InvariantCulture)}", row.Prefix, ct);
            await transaction.CommitAsync(ct);
            NewKey = key;
            Name = string.Empty;
            ModelState.Clear();
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long keyId, CancellationToken ct)
    {
        if (!await LoadOwnersAsync(ct))
        {
            return NotFound();
        }

        await using var transaction = await audit.BeginAsync(ct);
        var owner = await db.ApiKeys.AsNoTracking().Where(k => k.Id == keyId).Select(k => k.UnitId).FirstOrDefaultAsync(ct);
        if (!await keys.RevokeAsync(keyId, OwnerIds(), ct))
        {
            return NotFound();
        }

        await audit.WriteAsync(KeyRevoked, owner, $"open311-key:{keyId.ToString(CultureInfo.InvariantCulture)}", null, ct);
        await transaction.CommitAsync(ct);
        return Redirect("/Open311/Keys");
    }

    /// <summary>The owners whose keys the member manages; null (keys of the whole tree) for a root's admins.</summary>
    private List<long?> OwnerIds()
    {
        var ids = Owners.Select(o => (long?)o.Id).ToList();
        if (Owners.Any(o => o.ParentId is null))
        {
            ids.Add(null);
        }

        return ids;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var ids = OwnerIds();
        List = await db.ApiKeys.AsNoTracking().Where(k => ids.Contains(k.UnitId))
            .OrderBy(k => k.RevokedAt != null).ThenBy(k => k.Name).ToListAsync(ct);
    }

    private async Task<bool> LoadOwnersAsync(CancellationToken ct)
    {
        var manageable = await scope.UnitsAsync(Permission.ManageUnits, ct);
        Owners = await manageable.Where(u => u.ParentId == null || u.Kind == UnitKind.Province).OrderBy(u => u.Path).ToListAsync(ct);
        return Owners.Count > 0;
    }
}
