using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// Download from a case for those who read it (office staff of its place, its agency); upload for those who work it
/// (handlers of its place, liaisons of its agency). Anyone else gets 404.
/// </summary>
[RequestSizeLimit(AttachmentFiles.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentFiles.MaxBytes + 64 * 1024)]
public sealed class AttachmentsModel(AppDbContext db, CaseResponder responder, UnitScope scope, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public string? Error { get; private set; }

    public long CaseId { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var file = await db.CaseAttachments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.CaseId, a.FileName, a.ContentType, a.Content }).FirstOrDefaultAsync(ct);
        if (file is null || !await CanSeeAsync(file.CaseId, ct))
        {
            return NotFound();
        }

        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostAsync(long caseId, string? from, IFormFile? file, CancellationToken ct)
    {
        if (!await CanChangeAsync(caseId, ct))
        {
            return NotFound();
        }

        CaseId = caseId;
        var back = from == "Respond" ? $"/Cases/Respond?id={caseId}" : $"/Cases/Details?id={caseId}";
        if (file is null || file.Length == 0)
        {
            Error = l["Respond.Attach.Empty"];
            return Page();
        }

        if (file.Length > AttachmentFiles.MaxBytes)
        {
            Error = l["Respond.Attach.TooLarge"];
            return Page();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var (accepted, error) = AttachmentFiles.Check(file.FileName, buffer.ToArray());
        if (accepted is null)
        {
            Error = l[error!];
            return Page();
        }

        db.CaseAttachments.Add(new CaseAttachment
        {
            CaseId = caseId,
            FileName = accepted.FileName,
            ContentType = accepted.ContentType,
            Size = accepted.Content.Length,
            Content = accepted.Content,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedBy = scope.MemberId,
        });
        await db.SaveChangesAsync(ct);
        return Redirect(back);
    }

    public static Task<List<AttachmentRow>> ForCaseAsync(AppDbContext db, long caseId, CancellationToken ct)
        => db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.Id)
            .Select(a => new AttachmentRow(a.Id, a.FileName, a.Size)).ToListAsync(ct);

    private async Task<bool> CanSeeAsync(long caseId, CancellationToken ct)
        => await (await scope.InScope(db.Cases, c => c.UnitId, CaseRoles.Readers, ct)).AnyAsync(c => c.Id == caseId, ct)
           || await (await responder.AgencyCasesAsync(ct)).AnyAsync(c => c.Id == caseId, ct);

    /// <summary>Those who work the case: its office handlers and its agency's liaisons (issue #16: a viewer could upload).</summary>
    private async Task<bool> CanChangeAsync(long caseId, CancellationToken ct)
        => await (await responder.OfficeCasesAsync(ct)).AnyAsync(c => c.Id == caseId, ct)
           || await (await responder.AgencyCasesAsync(ct)).AnyAsync(c => c.Id == caseId, ct);
}

public sealed record AttachmentRow(long Id, string FileName, int Size)
{
    public string SizeText => Size >= 1024 * 1024
        ? (Size / 1024d / 1024d).ToString("0.0 'MB'", CultureInfo.InvariantCulture)
        : (Size / 1024d).ToString("0 'KB'", CultureInfo.InvariantCulture);
}

public sealed record AttachmentsView(long CaseId, IReadOnlyList<AttachmentRow> Files, string From);
