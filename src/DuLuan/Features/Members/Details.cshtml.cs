using DuLuan.Data;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Members;

/// <summary>
/// A member's roles as seen from the viewer's subtrees. A member with no role inside them does not
/// exist for the viewer (404). Admins grant and revoke roles in their subtree; actions on the whole account
/// (disable, re-enable, unlock, remove two-step) need authority over every unit where the account holds a role.
/// </summary>
public sealed class DetailsModel(AppDbContext db, UnitScope scope, MemberAdmin admin, MemberAccounts accounts, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(long Id, long UnitId, string UnitName, Role Role, bool CanManage, int Depth);

    public Member Member { get; private set; } = null!;

    public List<Row> Memberships { get; private set; } = [];

    public List<Unit> Manageable { get; private set; } = [];

    /// <summary>The tree picker's first levels: the subtrees the viewer manages and their children.</summary>
    public List<Unit> PickRoots { get; private set; } = [];

    public ILookup<long?, Unit> PickChildren { get; private set; } = Array.Empty<Unit>().ToLookup(u => u.ParentId);

    /// <summary>The viewer manages every unit where this account holds a role, so may act on the account itself.</summary>
    public bool CanManageAccount { get; private set; }

    public bool IsSelf { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Set after a grant or a revocation: the page says the member is signed out at their next page.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Changed { get; set; }

    /// <summary>The unit is picked in the tree (<paramref name="unitId"/>) or, without JavaScript, typed as its code.</summary>
    public async Task<IActionResult> OnPostGrantAsync(string id, long? unitId, string? unitCode, string? role, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var manageable = await scope.UnitsAsync(Permission.ManageMembers, ct);
        var unit = unitId is > 0 ? await manageable.FirstOrDefaultAsync(u => u.Id == unitId, ct)
            : unitCode is { Length: > 0 and <= 20 } ? await manageable.FirstOrDefaultAsync(u => u.Code == unitCode.Trim(), ct) : null;
        if (unit is null)
        {
            ModelState.AddModelError("unitId", l["Members.GrantUnitMissing"]);
        }

        if (role is null || !Enum.TryParse<Role>(role, ignoreCase: false, out var granted) || !Enum.IsDefined(granted) || char.IsDigit(role[0]))
        {
            ModelState.AddModelError("role", l["Members.GrantRoleMissing"]);
            granted = default;
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await admin.GrantAsync(Member, unit!, granted, ct);
        return RedirectToPage(new { id, changed = true });
    }

    public async Task<IActionResult> OnPostRevokeAsync(string id, long membershipId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var manageable = await scope.InScope(db.Memberships, m => m.UnitId, Permission.ManageMembers, ct);
        var membership = await manageable.FirstOrDefaultAsync(m => m.Id == membershipId && m.MemberId == id, ct);
        if (membership is null)
        {
            return NotFound();
        }

        await admin.RevokeAsync(membership, ct);
        return RedirectToPage(new { id, changed = true });
    }

    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) => OnAccountAsync(id, accounts.DisableAsync, ct);

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) => OnAccountAsync(id, accounts.EnableAsync, ct);

    public Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct) => OnAccountAsync(id, accounts.UnlockAsync, ct);

    public Task<IActionResult> OnPostRemoveTwoFactorAsync(string id, CancellationToken ct) => OnAccountAsync(id, accounts.RemoveTwoFactorAsync, ct);

    private async Task<IActionResult> OnAccountAsync(string id, Func<Member, long, CancellationToken, Task> action, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanManageAccount)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var tracked = await db.Users.FirstAsync(m => m.Id == id, ct);
        var unitId = Memberships.OrderBy(m => m.Depth).First().UnitId;
        await action(tracked, unitId, ct);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var visible = await scope.InScope(db.Memberships.AsNoTracking(), m => m.UnitId, RoleTable.ReadOfficeRecords.Roles, ct);
        var rows = await visible.Where(m => m.MemberId == id).Select(m => new { m.Id, m.UnitId, m.Unit!.Name, m.Unit.Path, m.Unit.Depth, m.Role }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return false;
        }

        Member = await db.Users.AsNoTracking().FirstAsync(m => m.Id == id, ct);
        var managePaths = await scope.PathsAsync(Permission.ManageMembers, ct);
        Memberships = rows.Select(r => new Row(r.Id, r.UnitId, r.Name, r.Role, managePaths.Any(p => r.Path.StartsWith(p, StringComparison.Ordinal)), r.Depth)).ToList();
        CanManageAccount = await scope.CoversAccountAsync(id, ct);
        IsSelf = id == scope.MemberId;
        if (managePaths.Count > 0)
        {
            var manageable = await scope.UnitsAsync(Permission.ManageMembers, ct);
            Manageable = await manageable.Where(u => u.Code != null && u.Depth <= 1).OrderBy(u => u.NameFolded).Take(100).ToListAsync(ct);
            PickRoots = await db.Units.AsNoTracking().Where(u => managePaths.Contains(u.Path)).OrderBy(u => u.NameFolded).ToListAsync(ct);
            var rootIds = PickRoots.Select(u => (long?)u.Id).ToList();
            PickChildren = (await db.Units.AsNoTracking().Where(u => rootIds.Contains(u.ParentId) && u.ActiveTo == null).OrderBy(u => u.NameFolded).Take(500).ToListAsync(ct))
                .ToLookup(u => u.ParentId);
        }

        return true;
    }
}
