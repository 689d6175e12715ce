using DuLuan.Data;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>Internal notes shared by the office and the agency; the public page never reads them.</summary>
public static class CaseNotes
{
    public const int MaxLength = 2000;

    public static Task<List<CaseNote>> ForCaseAsync(AppDbContext db, long caseId, CancellationToken cancellationToken)
        => db.CaseNotes.AsNoTracking().Where(n => n.CaseId == caseId).OrderBy(n => n.At).ThenBy(n => n.Id).ToListAsync(cancellationToken);

    /// <summary>Note text for staff (names and places kept, phones and id numbers removed), or the key of the error to show.</summary>
    public static bool TryClean(string? text, out string clean, out string error)
    {
        clean = string.IsNullOrWhiteSpace(text) ? string.Empty : TypedText.InternalNote(text);
        error = clean.Length == 0 ? "Respond.Note.Required" : clean.Length > MaxLength ? "Cases.TooLong" : string.Empty;
        return error.Length == 0;
    }
}

public sealed record CaseNotesView(long CaseId, IReadOnlyList<CaseNote> Notes, string Page);
