using DuLuan.Data;
using DuLuan.Infrastructure.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Claims;

/// <summary>The claim page's changes; each answers 404 unless the member handles the claim's unit.</summary>
public sealed partial class DetailsModel
{
    public async Task<IActionResult> OnPostEditAsync(long id, string? text, string? verdict, string? reasoning, string? answer, string? ownerId, string? status, int version, CancellationToken ct)
    {
        if (await TrackedAsync(id, ct) is not { } claim)
        {
            return NotFound();
        }

        var typed = new ClaimEdit(text, verdict, reasoning, answer, ownerId, status, version);
        var errors = await editor.EditAsync(claim, typed, ct);
        Typed = errors.Count > 0 ? typed : null;
        return await DoneAsync(id, errors, ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(long id, bool publish, int version, CancellationToken ct)
    {
        if (await TrackedAsync(id, ct) is not { } claim)
        {
            return NotFound();
        }

        var error = await publication.PublishAsync(claim, publish, version, ct);
        return await DoneAsync(id, error is null ? [] : [error], ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(long id, int version, CancellationToken ct)
    {
        if (await TrackedAsync(id, ct) is not { } claim)
        {
            return NotFound();
        }

        var error = await publication.ApproveAsync(claim, version, ct);
        return await DoneAsync(id, error is null ? [] : [error], ct);
    }

    public async Task<IActionResult> OnPostLinkAsync(long id, string? kind, string? target, string? outlet, DateOnly? appeared, CancellationToken ct)
    {
        if (await TrackedAsync(id, ct) is not { } claim)
        {
            return NotFound();
        }

        var error = await sources.AddLinkAsync(claim, kind, target, outlet, appeared, ct);
        return await DoneAsync(id, error is null ? [] : [error], ct);
    }

    public async Task<IActionResult> OnPostUnlinkAsync(long id, long linkId, CancellationToken ct)
    {
        if (await TrackedAsync(id, ct) is not { } claim || !await sources.RemoveLinkAsync(claim, linkId, ct))
        {
            return NotFound();
        }

        return Redirect($"/Claims/Details?id={id}");
    }

    public async Task<IActionResult> OnPostEvidenceAsync(long id, string? evidenceKind, string? evidenceTitle, string? evidenceUrl, string? evidenceNote, bool evidencePublic, IFormFile? evidenceFile, CancellationToken ct)
    {
        if (await TrackedAsync(id, ct) is not { } claim)
        {
            return NotFound();
        }

        byte[]? content = null;
        if (evidenceFile is { Length: > 0 and <= AttachmentFiles.MaxBytes })
        {
            using var buffer = new MemoryStream();
            await evidenceFile.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }
        else if (evidenceFile is { Length: > AttachmentFiles.MaxBytes })
        {
            return await DoneAsync(id, [new FieldError("evidenceFile", "Respond.Attach.TooLarge")], ct);
        }

        var error = await sources.AddEvidenceAsync(claim, new EvidenceInput(evidenceKind, evidenceTitle, evidenceUrl, evidenceNote, evidencePublic, evidenceFile?.FileName, content), ct);
        return await DoneAsync(id, error is null ? [] : [error], ct);
    }

    public async Task<IActionResult> OnPostRemoveEvidenceAsync(long id, long evidenceId, CancellationToken ct)
    {
        if (await TrackedAsync(id, ct) is not { } claim || !await sources.RemoveEvidenceAsync(claim, evidenceId, ct))
        {
            return NotFound();
        }

        return Redirect($"/Claims/Details?id={id}");
    }

    /// <summary>Confirm or dismiss a suggested match; from the story or concern page it goes back there.</summary>
    public async Task<IActionResult> OnPostDecideAsync(long id, long matchId, bool confirm, string? returnUrl, CancellationToken ct)
    {
        if (await TrackedAsync(id, ct) is not { } claim || !await sources.DecideAsync(claim, matchId, confirm, ct))
        {
            return NotFound();
        }

        return Redirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : $"/Claims/Details?id={id}");
    }

    private async Task<Claim?> TrackedAsync(long id, CancellationToken ct)
        => await (await access.InScope(db.Claims, c => c.UnitId, ClaimRoles.Handlers, ct)).FirstOrDefaultAsync(c => c.Id == id, ct);

    private async Task<IActionResult> DoneAsync(long id, List<FieldError> errors, CancellationToken ct)
    {
        if (errors.Count == 0)
        {
            return Redirect($"/Claims/Details?id={id}");
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Field.Length == 0 ? l[error.Key] : $"{l["Claims.Field." + error.Field]}: {l[error.Key]}");
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
