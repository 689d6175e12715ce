using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Bulletins.Audio;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Bulletins;

/// <summary>One bulletin: its items, written and spoken text (editable), approvals, audio and its progress.</summary>
public sealed class DetailsModel(AppDbContext db, UnitScope scope, BulletinWorkflow workflow, AudioRenderer renderer, IStringLocalizer<SharedResource> l) : PageModel
{
    public Bulletin Bulletin { get; private set; } = null!;

    public string UnitName { get; private set; } = string.Empty;

    public string? UnitCode { get; private set; }

    public List<BulletinItem> Items { get; private set; } = [];

    public List<BulletinApproval> Approvals { get; private set; } = [];

    public int Tiers { get; private set; }

    public bool CanWrite { get; private set; }

    public bool CanApprove { get; private set; }

    /// <summary>The audio's facts (without its bytes), when it has been made.</summary>
    public BulletinAudio? Audio { get; private set; }

    /// <summary>Why audio cannot be made on this server (English, for the administrator), or null.</summary>
    public string? EngineProblem => renderer.Problem;

    public string EngineName => renderer.Engine.Name;

    public bool Working => Bulletin.RenderState is RenderState.Queued or RenderState.Rendering;

    public string? PublicPath => UnitCode is null ? null : $"/cong/{Uri.EscapeDataString(UnitCode)}/ban-tin/{Bulletin.Id.ToString(CultureInfo.InvariantCulture)}";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
        => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The MP3 for staff (before and after publication).</summary>
    public async Task<IActionResult> OnGetAudioAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var mp3 = await db.BulletinAudio.AsNoTracking().Where(a => a.BulletinId == id).Select(a => a.Mp3).FirstOrDefaultAsync(ct);
        return mp3 is null ? NotFound() : new FileContentResult(mp3, "audio/mpeg") { EnableRangeProcessing = true };
    }

    public Task<IActionResult> OnPostEditAsync(long id, string? title, string? writtenText, string? spokenText, bool respeak, int version, CancellationToken ct)
        => StepAsync(id, b => workflow.EditAsync(b, title, writtenText, spokenText, respeak, version, ct), ct);

    public Task<IActionResult> OnPostSubmitAsync(long id, int version, CancellationToken ct) => StepAsync(id, b => workflow.SubmitAsync(b, version, ct), ct);

    public Task<IActionResult> OnPostApproveAsync(long id, int version, CancellationToken ct) => StepAsync(id, b => workflow.ApproveAsync(b, version, ct), ct);

    public Task<IActionResult> OnPostReturnAsync(long id, int version, CancellationToken ct) => StepAsync(id, b => workflow.ReturnAsync(b, version, ct), ct);

    public Task<IActionResult> OnPostRenderAsync(long id, int version, CancellationToken ct) => StepAsync(id, b => workflow.RenderAgainAsync(b, version, ct), ct);

    private async Task<IActionResult> StepAsync(long id, Func<Bulletin, Task<BulletinWorkflow.Result>> step, CancellationToken ct)
    {
        var bulletin = await (await scope.InScope(db.Bulletins, b => b.UnitId, BulletinRoles.Readers, ct)).FirstOrDefaultAsync(b => b.Id == id, ct);
        if (bulletin is null)
        {
            return NotFound();
        }

        var result = await step(bulletin);
        if (result.ErrorKey is null)
        {
            return Redirect("/Bulletins/Details?id=" + id.ToString(CultureInfo.InvariantCulture));
        }

        db.ChangeTracker.Clear();
        ModelState.AddModelError(result.Field ?? string.Empty, l[result.ErrorKey]);
        await LoadAsync(id, ct);
        var page = Page();
        page.StatusCode = result.ErrorKey is "Bulletins.Error.Stale" ? StatusCodes.Status409Conflict
            : result.ErrorKey is "Bulletins.Error.NotWriter" or "Bulletins.Error.NotApprover" ? StatusCodes.Status403Forbidden
            : StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var found = await (await scope.InScope(db.Bulletins.AsNoTracking(), b => b.UnitId, BulletinRoles.Readers, ct)).FirstOrDefaultAsync(b => b.Id == id, ct);
        if (found is null)
        {
            return false;
        }

        Bulletin = found;
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == found.UnitId).Select(u => new { u.Name, u.Code }).SingleAsync(ct);
        UnitName = unit.Name;
        UnitCode = unit.Code;
        Items = await db.BulletinItems.AsNoTracking().Where(i => i.BulletinId == id).OrderBy(i => i.Position).ToListAsync(ct);
        Approvals = await workflow.ValidApprovalsAsync(found, ct);
        Tiers = await workflow.TiersAsync(found, ct);
        CanWrite = await scope.HoldsAsync(found.UnitId, BulletinRoles.Writers, ct);
        CanApprove = await scope.HoldsAsync(found.UnitId, BulletinRoles.Approvers, ct);
        Audio = await db.BulletinAudio.AsNoTracking().Where(a => a.BulletinId == id)
            .Select(a => new BulletinAudio { BulletinId = a.BulletinId, Mp3 = Array.Empty<byte>(), DurationMs = a.DurationMs, Lufs = a.Lufs, PeakDbfs = a.PeakDbfs, Engine = a.Engine, RenderMs = a.RenderMs, RenderedAt = a.RenderedAt, ContentHash = a.ContentHash })
            .FirstOrDefaultAsync(ct);
        return true;
    }
}
