using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Surveys;

/// <summary>
/// The questionnaire builder: the draft definition as JSON, edited by wwwroot/js/survey-builder.js (or
/// by hand without script). A published version never changes; saving only changes the draft.
/// </summary>
public sealed class EditModel(AppDbContext db, SurveyAccess access, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    [BindProperty]
    public string DefinitionJson { get; set; } = string.Empty;

    [BindProperty]
    public bool Anonymous { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Saved { get; set; }

    public Survey Survey { get; private set; } = null!;

    public bool HasResponses { get; private set; }

    public List<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        DefinitionJson = Survey.DraftJson;
        Anonymous = Survey.Anonymous;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (DefinitionJson.Length > DefinitionRules.MaxJsonLength)
        {
            Errors.Add(l["Surveys.DefinitionTooLarge", DefinitionRules.MaxJsonLength / 1024]);
            return Page();
        }

        var definition = SurveyDefinition.Read(DefinitionJson, out var parseError);
        if (definition is null)
        {
            Errors.Add(parseError!.In(l));
            return Page();
        }

        Errors.AddRange(DefinitionRules.Validate(definition).Select(m => m.In(l)));
        if (Survey.Anonymous && !Anonymous && HasResponses)
        {
            Errors.Add(l["Surveys.AnonymityLocked"]);
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var tracked = await db.Surveys.SingleAsync(s => s.Id == Id, ct);
        tracked.DraftJson = definition.ToJson();
        tracked.Title = TypedText.StripHtml(definition.Title["vi"]);
        if (tracked.Title.Length > 300)
        {
            tracked.Title = tracked.Title[..300];
        }

        tracked.Anonymous = Anonymous;
        tracked.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(SurveyAudit.Edited, tracked.UnitId, $"survey:{tracked.Id}");
        await db.SaveChangesAsync(ct);
        return Redirect($"/Surveys/Edit?id={Id}&saved=1");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var survey = await access.FindAsync(Id, edit: true, ct);
        if (survey is null)
        {
            return false;
        }

        Survey = survey;
        HasResponses = await db.SurveyResponses.AnyAsync(r => r.SurveyId == Id, ct);
        return true;
    }
}
