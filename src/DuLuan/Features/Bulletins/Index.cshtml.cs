using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Bulletins;
using DuLuan.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Bulletins;

/// <summary>Bulletins of the member's places; picking public items to assemble a new one; the place's broadcast times.</summary>
public sealed class IndexModel(AppDbContext db, UnitScope scope, BulletinWorkflow workflow, BulletinSchedules schedules, OfficeTime office, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(long Id, string Title, string Unit, DateOnly AirDate, BulletinSlot Slot, BulletinStatus Status, RenderState Render, DateTime? PublishedAt);

    public List<Row> Rows { get; private set; } = [];

    /// <summary>Places (with an official code) where the member may write bulletins.</summary>
    public List<(long Id, string Name)> Places { get; private set; } = [];

    public long? UnitId { get; private set; }

    public List<(IBulletinSource Source, IReadOnlyList<BulletinSourceItem> Items)> Candidates { get; private set; } = [];

    public BulletinSchedule? Schedule { get; private set; }

    public DateOnly Today => office.Today;

    public async Task<IActionResult> OnGetAsync(long? unitId, CancellationToken ct)
    {
        await LoadAsync(unitId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(long unitId, string? day, string? slot, List<string>? items, CancellationToken ct)
    {
        var parsedDay = DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        var parsedSlot = Enum.TryParse<BulletinSlot>(slot, out var s) && Enum.IsDefined(s) ? s : (BulletinSlot?)null;
        if (parsedDay is null)
        {
            ModelState.AddModelError("day", l["Bulletins.Error.Day"]);
        }

        if (parsedSlot is null)
        {
            ModelState.AddModelError("slot", l["Bulletins.Error.Slot"]);
        }

        if (ModelState.IsValid)
        {
            var result = await workflow.CreateAsync(unitId, parsedDay!.Value, parsedSlot!.Value, items ?? [], ct);
            if (result.Id is { } id)
            {
                return Redirect("/Bulletins/Details?id=" + id.ToString(CultureInfo.InvariantCulture));
            }

            ModelState.AddModelError(result.Field!, l[result.ErrorKey!]);
        }

        await LoadAsync(unitId, ct);
        return BadRequestPage();
    }

    public async Task<IActionResult> OnPostScheduleAsync(long unitId, string? morning, string? evening, CancellationToken ct)
    {
        if (await schedules.SetAsync(unitId, morning, evening, ct) is { } error)
        {
            ModelState.AddModelError(error.Field, l[error.Key]);
            await LoadAsync(unitId, ct);
            return BadRequestPage();
        }

        return Redirect("/Bulletins?unitId=" + unitId.ToString(CultureInfo.InvariantCulture));
    }

    private PageResult BadRequestPage()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task LoadAsync(long? unitId, CancellationToken ct)
    {
        var bulletins = await scope.InScope(db.Bulletins.AsNoTracking(), b => b.UnitId, BulletinRoles.Readers, ct);
        Rows = await bulletins.OrderByDescending(b => b.AirDate).ThenByDescending(b => b.Slot).ThenByDescending(b => b.Id).Take(100)
            .Select(b => new Row(b.Id, b.Title, db.Units.Where(u => u.Id == b.UnitId).Select(u => u.Name).First(), b.AirDate, b.Slot, b.Status, b.RenderState, b.PublishedAt))
            .ToListAsync(ct);
        var writable = await scope.UnitsAsync(BulletinRoles.Writers, ct);
        Places = (await writable.Where(u => u.Code != null && (u.Kind == Units.UnitKind.Commune || u.Kind == Units.UnitKind.Province))
            .OrderBy(u => u.Path).Select(u => new { u.Id, u.Name }).Take(500).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
        if (unitId is { } id && Places.Any(p => p.Id == id))
        {
            UnitId = id;
            Candidates = await workflow.CandidatesAsync(id, ct);
            Schedule = await schedules.OfAsync(id, ct);
        }
    }
}
