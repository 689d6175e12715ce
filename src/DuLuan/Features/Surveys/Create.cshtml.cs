using System.ComponentModel.DataAnnotations;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Surveys;

/// <summary>Starts a draft survey for a unit the member builds surveys for.</summary>
public sealed class CreateModel(AppDbContext db, SurveyAccess access, AuditLog audit, TimeProvider clock, UnitActivity activity, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(300, MinimumLength = 3, ErrorMessage = "Validation.Length")]
    [Display(Name = "Surveys.Field.TitleVi")]
    public string TitleVi { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(300, MinimumLength = 3, ErrorMessage = "Validation.Length")]
    [Display(Name = "Surveys.Field.TitleEn")]
    public string TitleEn { get; set; } = string.Empty;

    [BindProperty]
    public long UnitId { get; set; }

    [BindProperty]
    public bool Anonymous { get; set; } = true;

    public List<Unit> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Units.Count == 0 ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Units.Count == 0)
        {
            return NotFound();
        }

        if (Units.All(u => u.Id != UnitId))
        {
            // A unit of the member's scope that was merged or split away names its successor.
            var scoped = await access.BuilderUnitsAsync(ct);
            var retired = await scoped.AnyAsync(u => u.Id == UnitId, ct)
                ? await activity.RefusalAsync(UnitId, ct)
                : null;
            ModelState.AddModelError(nameof(UnitId), retired ?? l["Surveys.BadUnit"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var title = TypedText.StripHtml(TitleVi);
        var survey = new Survey
        {
            UnitId = UnitId,
            Title = title,
            Anonymous = Anonymous,
            Status = SurveyStatus.Draft,
            DraftJson = SurveyDefinition.Starter(title, TypedText.StripHtml(TitleEn)).ToJson(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Surveys.Add(survey);
        await audit.SaveCreatedAsync(SurveyAudit.Created, UnitId, () => $"survey:{survey.Id}", null, ct);
        return Redirect($"/Surveys/Edit?id={survey.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var units = await access.BuilderUnitsAsync(ct);
        Units = await units.AsNoTracking().Where(u => u.ActiveTo == null && u.Kind != UnitKind.Team).OrderBy(u => u.Depth).ThenBy(u => u.NameFolded).Take(500).ToListAsync(ct);
    }
}
