using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DuLuan.Analysis.Text;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Routing;
using DuLuan.Infrastructure.Files;
using DuLuan.Infrastructure.Observers;
using DuLuan.Infrastructure.Text;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Intake;

/// <summary>
/// What a sender filed; <paramref name="FollowUp"/> asks for a follow-up code (the public form), which may also give
/// where the problem is, a category and a photo already checked by <see cref="AttachmentFiles"/>.
/// </summary>
public sealed record ConcernDraft(long UnitId, string Title, string Description, Contact Contact, ConcernSource Source, bool FollowUp = false,
    ConcernPlace? Place = null, string? Category = null, AttachmentFiles.Accepted? Photo = null);

/// <summary>The stored concern; <paramref name="FollowUpCode"/> is the code to show once, never stored in clear;
/// <paramref name="RoutedCaseId"/> is the case a routing rule opened for it at once (null when no rule matched);
/// <paramref name="Token"/> is the new concern's Open311 token (null for a duplicate: read it from the stored row).</summary>
public sealed record IntakeResult(long ConcernId, bool Duplicate, ConcernStatus Status, CaseMatch? Similar, string? FollowUpCode = null, long? RoutedCaseId = null, string? Token = null);

/// <summary>
/// Stores a concern: text cleaned and redacted, contact encrypted, link spam held for review,
/// identical submissions of the same day collapsed into one row (race-safe through a unique key),
/// the most similar open case noted for staff, and the concern routed to its agency when a rule of its province
/// covers its category and place (<see cref="CaseRouter"/>). A category not in the province's list is dropped.
/// </summary>
/// <remarks>The rows are written by <see cref="GroupCommit"/> with other residents' writes, unless the caller has a
/// transaction open (an opinion report filing its suggestions): then they are written in it.</remarks>
public sealed class ConcernIntake(AppDbContext db, ContactVault vault, CaseMatcher matcher, TimeProvider clock, OfficeTime office, CategoryCatalog catalog, CaseRouter router,
    GroupCommit writer, IEnumerable<IConcernObserver>? observers = null)
{
    public const int MaxLinks = 2;

    public async Task<IntakeResult> SubmitAsync(ConcernDraft draft, CancellationToken cancellationToken = default)
    {
        var links = TypedText.CountLinks(draft.Title) + TypedText.CountLinks(draft.Description);
        var title = TypedText.FromResident(draft.Title);
        var description = TypedText.FromResident(draft.Description);
        var now = clock.GetUtcNow().UtcDateTime;
        var key = DedupKey(draft.UnitId, title, description, LocalDate(now));
        var existing = await db.Concerns.AsNoTracking().Where(c => c.DedupKey == key).Select(c => new { c.Id, c.Status }).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return new IntakeResult(existing.Id, true, existing.Status, null, await FollowUpForAsync(draft, existing.Id, now, cancellationToken));
        }

        var category = await catalog.FindAsync(draft.UnitId, draft.Category, cancellationToken) is { Retired: false } known ? known.Key : null;
        var similar = await matcher.BestOpenCaseAsync(draft.UnitId, title + "\n" + description, cancellationToken);
        var code = draft.FollowUp ? FollowUpCode.New() : null;
        var contact = vault.Protect(draft.Contact);
        // New entities on every run (the group commit may run a write twice); one save for all rows, so a concern never
        // exists without the code its sender was shown.
        async Task<Concern?> WriteAsync(AppDbContext into, CancellationToken ct)
        {
            // Checked again here: the same text may have been written a moment ago, in this very batch.
            if (await into.Concerns.AsNoTracking().AnyAsync(c => c.DedupKey == key, ct))
            {
                return null;
            }

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
                ContactProtected = contact,
                Location = ConcernPlace.CleanLocation(draft.Place?.Location),
                Latitude = draft.Place?.Latitude,
                Longitude = draft.Place?.Longitude,
                Category = category,
            };
            into.Concerns.Add(concern);
            if (draft.Photo is { } photo)
            {
                into.ConcernPhotos.Add(new ConcernPhoto { Concern = concern, ContentType = photo.ContentType, Size = photo.Content.Length, Content = photo.Content });
            }

            if (code is not null)
            {
                into.ConcernFollowUps.Add(new ConcernFollowUp { Concern = concern, CodeHash = FollowUpCode.Hash(code), CreatedAt = now });
            }

            await into.SaveChangesAsync(ct);
            return concern;
        }

        Concern? stored;
        try
        {
            stored = db.Database.CurrentTransaction is not null ? await WriteAsync(db, cancellationToken) : await writer.RunAsync(WriteAsync, cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            stored = null;
            db.ChangeTracker.Clear();
        }

        if (stored is null)
        {
            // Another request stored the same text a moment ago: that row is the concern.
            var winner = await db.Concerns.AsNoTracking().Where(c => c.DedupKey == key).Select(c => new { c.Id, c.Status }).SingleAsync(cancellationToken);
            return new IntakeResult(winner.Id, true, winner.Status, null, await FollowUpForAsync(draft, winner.Id, now, cancellationToken));
        }

        var routed = await router.RouteAsync(stored.Id, cancellationToken);
        foreach (var observer in observers ?? [])
        {
            await observer.ConcernReceivedAsync(new ReceivedConcern(stored.Id, stored.UnitId, stored.Title, stored.Description), cancellationToken);
        }

        return new IntakeResult(stored.Id, false, stored.Status, similar, code, routed, stored.Token);
    }

    /// <summary>A sender of a text already received gets a code of their own for that concern (and learns nothing about the other sender).</summary>
    private async Task<string?> FollowUpForAsync(ConcernDraft draft, long concernId, DateTime now, CancellationToken cancellationToken)
    {
        if (!draft.FollowUp)
        {
            return null;
        }

        var code = FollowUpCode.New();
        async Task<string> WriteAsync(AppDbContext into, CancellationToken ct)
        {
            into.ConcernFollowUps.Add(new ConcernFollowUp { ConcernId = concernId, CodeHash = FollowUpCode.Hash(code), CreatedAt = now });
            await into.SaveChangesAsync(ct);
            return code;
        }

        return db.Database.CurrentTransaction is not null ? await WriteAsync(db, cancellationToken) : await writer.RunAsync(WriteAsync, cancellationToken);
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
