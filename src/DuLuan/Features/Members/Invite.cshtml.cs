using System.ComponentModel.DataAnnotations;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Members;

/// <summary>An admin invites a member into a unit of their subtree; the one-time setup link is shown once.</summary>
public sealed class InviteModel(UnitScope scope, MemberAdmin admin) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long UnitId { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
    [Display(Name = "Field.Name")]
    public string DisplayName { get; set; } = string.Empty;

    [BindProperty]
    [Display(Name = "Field.Role")]
    public Role Role { get; set; } = Role.Collaborator;

    public Unit Unit { get; private set; } = null!;

    public string? SetupLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadUnitAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadUnitAsync(ct))
        {
            return NotFound();
        }

        if (!Enum.IsDefined(Role))
        {
            ModelState.AddModelError(nameof(Role), "Role?");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (invitation, error) = await admin.InviteAsync(Email, DisplayName, Unit, Role, ct);
        if (invitation is null)
        {
            ModelState.AddModelError(nameof(Email), error!);
            return Page();
        }

        SetupLink = $"{Request.Scheme}://{Request.Host}/Account/Setup?token={invitation.SetupToken}";
        return Page();
    }

    private async Task<bool> LoadUnitAsync(CancellationToken ct)
    {
        var manageable = await scope.UnitsAsync(Permission.ManageMembers, ct);
        Unit = (await manageable.FirstOrDefaultAsync(u => u.Id == UnitId, ct))!;
        return Unit is not null;
    }
}
