using DuLuan.Features.Audit;
using DuLuan.Features.Reports.Documents;
using DuLuan.Features.Reports.Templates;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Reports.Drafts;

/// <summary>Starts a draft for a unit and a period (linked from the dashboard): choose the layout or an uploaded template.</summary>
public sealed class CreateModel(ReportDraftAccess access, ReportGenerator generator, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public Unit? Unit { get; private set; }

    public ReportPeriod Period { get; private set; }

    public List<ReportTemplate> Templates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long unit, string? period, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, ct) is { } failed)
        {
            return failed;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long unit, string? period, string? layout, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, ct) is { } failed)
        {
            return failed;
        }

        long? templateId = null;
        ReportLayout? chosen = layout switch
        {
            "state" => ReportLayout.State,
            "party" => ReportLayout.Party,
            _ => null,
        };
        if (chosen is null && layout is not null && layout.StartsWith("template:", StringComparison.Ordinal)
            && long.TryParse(layout.AsSpan(9), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && Templates.Any(t => t.Id == id))
        {
            templateId = id;
            chosen = ReportLayout.Template;
        }

        if (chosen is null)
        {
            ModelState.AddModelError("layout", l["Reports.Drafts.LayoutInvalid"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var transaction = await audit.BeginAsync(ct);
        var draft = await generator.CreateDraftAsync(Unit!.Id, Period, chosen.Value, templateId, access.MemberId, ct);
        if (templateId is { } tid)
        {
            List<string> problems;
            try
            {
                problems = [.. TemplateFiller.ProblemMessages(await generator.TemplateContentAsync(tid, ct), ReportJson.Figures(draft.FiguresJson)).Select(p => p.In(l))];
            }
            catch (TemplateException e)
            {
                // A template stored before a check existed (e.g. one that points outside the package) is refused here too.
                problems = [.. e.Messages.Select(p => p.In(l))];
            }

            if (problems.Count > 0)
            {
                await generator.DeleteAsync(draft, ct);
                foreach (var problem in problems)
                {
                    ModelState.AddModelError("layout", problem);
                }

                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
        }

        await audit.WriteAsync(ReportAudit.DraftCreated, Unit.Id, $"draft {draft.Id}", $"{Period.Code} {chosen}", ct);
        await transaction.CommitAsync(ct);
        return Redirect($"/Reports/Drafts/Edit?id={draft.Id}");
    }

    private async Task<IActionResult?> LoadAsync(long unit, string? period, CancellationToken ct)
    {
        Unit = await access.UnitAsync(unit, ct);
        if (Unit is null)
        {
            return NotFound();
        }

        if (!ReportPeriod.TryRead(period, out var parsed, out var error))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            ModelState.AddModelError("period", error.In(l));
            return Page();
        }

        Period = parsed;
        Templates = await access.TemplatesForAsync(Unit, ct);
        return null;
    }
}
