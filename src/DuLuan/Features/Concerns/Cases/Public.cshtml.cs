using DuLuan.Data;
using DuLuan.Features.Units;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// The public page of a case, found by its random reference (never its id): redacted text, status history and the
/// answer, never personal data. Reopening is not offered here: only the resident holding the follow-up code can
/// reopen, on the follow-up page.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Intake.ConcernsServices.PortalPolicy)]
public sealed class PublicModel(AppDbContext db) : PageModel
{
    public sealed record Step(DateTime At, CaseStatus Status, string? Reason);

    public Case Case { get; private set; } = null!;

    public string UnitName { get; private set; } = string.Empty;

    /// <summary>The official code of the case's place, for its public site; null when the place has none.</summary>
    public string? UnitCode { get; private set; }

    public string? AgencyName { get; private set; }

    public List<Step> History { get; private set; } = [];

    /// <summary>Where the problems are, at street level (<see cref="Intake.StreetLevel"/>): no house number, no map point.</summary>
    public List<string> Places { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken ct)
        => await LoadAsync(reference, ct) ? Page() : NotFound();

    /// <summary>The page only reads: a post (such as the old ?handler=Reopen) selects no handler and is not found.</summary>
    public override Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null)
        {
            context.Result = NotFound();
            return Task.CompletedTask;
        }

        return next();
    }

    private async Task<bool> LoadAsync(string reference, CancellationToken ct)
    {
        var item = RandomCodes.IsSlug(reference) ? await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.PublicRef == reference, ct) : null;
        if (item is null)
        {
            return false;
        }

        Case = item;
        var unit = await db.Units.Where(u => u.Id == item.UnitId).Select(u => new { u.Name, u.Code }).FirstAsync(ct);
        UnitName = unit.Name;
        UnitCode = unit.Code;
        AgencyName = await db.Units.Where(u => u.Id == item.AgencyId).Select(u => u.Name).FirstOrDefaultAsync(ct);
        var typed = await db.Concerns.AsNoTracking().Where(c => c.CaseId == item.Id && c.Location != null).OrderBy(c => c.Id).Select(c => c.Location).ToListAsync(ct);
        Places = typed.Select(Intake.StreetLevel.Of).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        // Only public reasons leave the office: why a case was rejected or reopened, not internal notes or re-route requests.
        History = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == item.Id && !e.RerouteRequested).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new Step(e.At, e.Status, e.Status == CaseStatus.Rejected || e.Status == CaseStatus.Reopened ? e.Note : null))
            .ToListAsync(ct);
        return true;
    }
}
