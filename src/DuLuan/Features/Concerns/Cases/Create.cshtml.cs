using System.ComponentModel.DataAnnotations;
using DuLuan.Data;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Concerns.Routing;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// Opens a case from a concern: severity and responsible agency set the deadline in working time. The category's
/// routing rule proposes the agency; the office may choose another (its override). A category suggested from the
/// office's filed cases is shown beside the list; staff choose.
/// </summary>
public sealed class CreateModel(AppDbContext db, UnitScope access, Holidays holidays, IOptions<WorkingHoursOptions> hours, TimeProvider clock, UnitActivity activity,
    CategoryCatalog catalog, CaseRouter router, CategorySuggester suggester, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long ConcernId { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(300, MinimumLength = 5, ErrorMessage = "Validation.Length")]
    [Display(Name = "Concerns.Field.Title")]
    public string Title { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(4000, MinimumLength = 10, ErrorMessage = "Validation.Length")]
    [Display(Name = "Concerns.Field.Description")]
    public string Description { get; set; } = string.Empty;

    [BindProperty]
    public Severity Severity { get; set; }

    [BindProperty]
    public long? AgencyId { get; set; }

    [BindProperty]
    public string? Category { get; set; }

    public List<Routing.Category> Choices { get; private set; } = [];

    /// <summary>The rule that covers the concern's category and place, if any: its agency is proposed.</summary>
    public RuleMatch? Rule { get; private set; }

    /// <summary>The category the classifier proposes from the office's filed cases: shown, never chosen for staff.</summary>
    public CategorySuggestion? Suggestion { get; private set; }

    public List<Unit> Agencies { get; private set; } = [];

    public Concern Concern { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Title = Concern.Title;
        Description = Concern.Description;
        Category = Concern.Category;
        Rule = await router.MatchAsync(Concern.UnitId, Category, ct);
        Suggestion = await suggester.SuggestAsync(Concern.UnitId, Concern.Title + "\n" + Concern.Description, ct);
        if (Rule is not null && Agencies.Any(a => a.Id == Rule.AgencyId))
        {
            AgencyId = Rule.AgencyId;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        // A concern of a commune merged or split away: no new case under it; the message names the successor.
        if (await activity.RefusalAsync(Concern.UnitId, ct) is { } retired)
        {
            ModelState.AddModelError(string.Empty, retired);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (!Enum.IsDefined(Severity))
        {
            ModelState.AddModelError(nameof(Severity), l["Cases.BadSeverity"]);
        }

        if (AgencyId is { } agencyId && Agencies.All(a => a.Id != agencyId))
        {
            ModelState.AddModelError(nameof(AgencyId), l["Cases.BadAgency"]);
        }

        Category = string.IsNullOrEmpty(Category) ? null : Category;
        if (Category is not null && Choices.All(c => c.Key != Category))
        {
            ModelState.AddModelError(nameof(Category), l["Concerns.CategoryUnknown"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var rule = await router.MatchAsync(Concern.UnitId, Category, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var calendar = await holidays.CalendarAsync(Concern.UnitId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var item = new Case
        {
            UnitId = Concern.UnitId,
            Title = TypedText.PublicAnswer(Title),
            Description = TypedText.PublicAnswer(Description),
            Severity = Severity,
            AgencyId = AgencyId,
            Category = Category,
            Status = AgencyId is null ? CaseStatus.New : CaseStatus.Assigned,
            CreatedAt = now,
            DueAt = calendar.DueAt(hours.Value, Severity, Concern.ReceivedAt),
        };
        db.Cases.Add(item);
        await db.SaveChangesAsync(ct);
        db.CaseEvents.Add(new CaseEvent { CaseId = item.Id, At = now, Status = CaseStatus.New });
        if (item.Status == CaseStatus.Assigned)
        {
            // Say when the office's choice is the rule's (routed by rule) or overrides it.
            var note = rule is null ? null : rule.AgencyId == AgencyId ? rule.Note : new Message("Routing.Overridden", rule.Agency).Vietnamese;
            db.CaseEvents.Add(new CaseEvent { CaseId = item.Id, At = now, Status = CaseStatus.Assigned, Note = note });
        }

        var concern = await db.Concerns.SingleAsync(c => c.Id == ConcernId, ct);
        concern.CaseId = item.Id;
        concern.Status = ConcernStatus.Linked;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Redirect($"/Cases/Details?id={item.Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var concerns = await access.InScope(db.Concerns.AsNoTracking(), c => c.UnitId, CaseRoles.Handlers, ct);
        var concern = await concerns.FirstOrDefaultAsync(c => c.Id == ConcernId && c.CaseId == null, ct);
        if (concern is null)
        {
            return false;
        }

        Concern = concern;
        var units = await access.UnitsAsync(CaseRoles.Handlers, ct);
        Agencies = await units.Where(u => u.Kind == UnitKind.Agency && u.ActiveTo == null).OrderBy(u => u.Name).ToListAsync(ct);
        Choices = await catalog.ForUnitAsync(concern.UnitId, ct: ct);
        return true;
    }
}
