using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Open311;

/// <summary>Admins of the whole tree issue and revoke Open311 API keys; a new key is shown once, only its hash is kept.</summary>
public sealed class KeysModel(AppDbContext db, UnitScope scope, ApiKeys keys, AuditLog audit) : PageModel
{
    public const string KeyCreated = Cases.CaseAudit.Open311KeyCreated;
    public const string KeyRevoked = Cases.CaseAudit.Open311KeyRevoked;

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 3, ErrorMessage = "Validation.Length")]
    [Display(Name = "Open311.Keys.Name")]
    public string Name { get; set; } = string.Empty;

    public List<ApiKey> List { get; private set; } = [];

    public string? NewKey { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await IsTreeAdminAsync(ct))
        {
            return NotFound();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await IsTreeAdminAsync(ct))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            await using var transaction = await audit.BeginAsync(ct);
            var (row, key) = await keys.CreateAsync(TypedText.Label(Name), ct);
            await audit.WriteAsync(KeyCreated, null, $"open311-key:{row.Id.ToString(CultureInfo.InvariantCulture)}", row.Prefix, ct);
            await transaction.CommitAsync(ct);
            NewKey = key;
            Name = string.Empty;
            ModelState.Clear();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long keyId, CancellationToken ct)
    {
        if (!await IsTreeAdminAsync(ct))
        {
            return NotFound();
        }

        await using var transaction = await audit.BeginAsync(ct);
        if (!await keys.RevokeAsync(keyId, ct))
        {
            return NotFound();
        }

        await audit.WriteAsync(KeyRevoked, null, $"open311-key:{keyId.ToString(CultureInfo.InvariantCulture)}", null, ct);
        await transaction.CommitAsync(ct);
        return Redirect("/Open311/Keys");
    }

    private async Task LoadAsync(CancellationToken ct)
        => List = await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenBy(k => k.Name).ToListAsync(ct);

    private async Task<bool> IsTreeAdminAsync(CancellationToken ct)
    {
        var paths = await scope.PathsAsync(Permission.ManageUnits, ct);
        return paths.Count > 0 && await db.Units.AnyAsync(u => u.ParentId == null && paths.Contains(u.Path), ct);
    }
}
