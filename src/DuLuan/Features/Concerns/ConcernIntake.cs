using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DuLuan.Analysis.Text;
using DuLuan.Data;
using DuLuan.Features.Cases;
using DuLuan.Infrastructure.Text;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns;

public sealed record ConcernDraft(long UnitId, string Title, string Description, Contact Contact, ConcernSource Source);

public sealed record IntakeResult(long ConcernId, bool Duplicate, ConcernStatus Status, CaseMatch? Similar);

/// <summary>
/// Stores a concern: text cleaned and redacted, contact encrypted, link spam held for review,
/// identical submissions of the same day collapsed into one row (race-safe through a unique key),
/// and the most similar open case noted for staff.
/// </summary>
public sealed class ConcernIntake(AppDbContext db, ContactVault vault, CaseMatcher matcher, TimeProvider clock, OfficeTime office, IEnumerable<IConcernObserver>? observers = null)
{
    public const int MaxLinks = 2;

    public async Task<IntakeResult> SubmitAsync(ConcernDraft draft, CancellationToken cancellationToken = default)
    {
        var links = TypedText.CountLinks(draft.Title) + TypedText.CountLinks(draft.Description);
        var title = TypedText.Clean(draft.Title);
        var description = TypedText.Clean(draft.Description);
        var now = clock.GetUtcNow().UtcDateTime;
        var key = DedupKey(draft.UnitId, title, description, LocalDate(now));
        var existing = await db.Concerns.AsNoTracking().Where(c => c.DedupKey == key).Select(c => new { c.Id, c.Status }).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return new IntakeResult(existing.Id, true, existing.Status, null);
        }

        var similar = await matcher.BestOpenCaseAsync(draft.UnitId, title + "\n" + description, cancellationToken);
        var concern = new Concern
        {
            UnitId = draft.UnitId,
            Title = title,
            Description = description,
            Source = draft.Source,
            Status = links > MaxLinks ? ConcernStatus.Held : ConcernStatus.New,
            SimilarCaseId = similar?.CaseId,
            DedupKey = key,
            ReceivedAt = now,
            ContactProtected = vault.Protect(draft.Contact),
        };
        db.Concerns.Add(concern);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another request stored the same text a moment ago: that row is the concern.
            db.Entry(concern).State = EntityState.Detached;
            var winner = await db.Concerns.AsNoTracking().Where(c => c.DedupKey == key).Select(c => new { c.Id, c.Status }).SingleAsync(cancellationToken);
            return new IntakeResult(winner.Id, true, winner.Status, null);
        }

        foreach (var observer in observers ?? [])
        {
            await observer.ConcernReceivedAsync(concern, cancellationToken);
        }

        return new IntakeResult(concern.Id, false, concern.Status, similar);
    }

    public static string DedupKey(long unitId, string title, string description, DateOnly day)
    {
        var text = string.Join('\n', Canonical(title), Canonical(description), unitId.ToString(CultureInfo.InvariantCulture), day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string Canonical(string text) => string.Join(' ', VietnameseFold.Fold(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private DateOnly LocalDate(DateTime utc)
        => office.LocalDay(utc);
}
