using DuLuan.Data;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Concerns;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Opinions;

/// <summary>One checked stream: either an existing visible topic or a new topic name.</summary>
public sealed record StreamDraft(long? TopicId, string? NewTopic, string Summary, Tendency Tendency, int Intensity, Spread Spread, OpinionSources Sources, string? Suggestion);

public sealed record ReportDraft(long UnitId, ReportingPeriod Period, string IdempotencyKey, IReadOnlyList<StreamDraft> Streams);

public sealed record FilingResult(long ReportId, bool Duplicate);

/// <summary>
/// Stores a report in one transaction: free text redacted, new topics added to the commune (or the
/// visible topic of the same folded name reused), each suggestion filed as a concern through the kernel's
/// <see cref="IConcernFiling"/> (Concerns implements it).
/// A second post with the same idempotency key returns the stored report and stores nothing.
/// </summary>
public sealed class OpinionFiling(AppDbContext db, IConcernFiling concerns, TimeProvider clock)
{
    public const int ConcernTitleLength = 200;

    /// <summary>Topics offered to a unit: its own and those of its ancestors (a province's list reaches its communes).</summary>
    public static IQueryable<OpinionTopic> VisibleTopics(AppDbContext db, Unit unit)
    {
        var ids = AncestorIds(unit);
        return db.OpinionTopics.Where(t => ids.Contains(t.UnitId));
    }

    public static List<long> AncestorIds(Unit unit)
    {
        var ids = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => long.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0)
            .ToList();
        if (!ids.Contains(unit.Id))
        {
            ids.Add(unit.Id);
        }

        return ids;
    }

    public Task<long?> ExistingAsync(string memberId, string key, CancellationToken ct)
        => db.OpinionReports.AsNoTracking().Where(r => r.MemberId == memberId && r.IdempotencyKey == key).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);

    public async Task<FilingResult> FileAsync(string memberId, Unit unit, ReportDraft draft, CancellationToken ct)
    {
        try
        {
            return await FileOnceAsync(memberId, unit, draft, ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another report added the same new topic at the same moment: the second try finds it.
            db.ChangeTracker.Clear();
            return await FileOnceAsync(memberId, unit, draft, ct);
        }
    }

    private async Task<FilingResult> FileOnceAsync(string memberId, Unit unit, ReportDraft draft, CancellationToken ct)
    {
        if (await ExistingAsync(memberId, draft.IdempotencyKey, ct) is { } existing)
        {
            return new FilingResult(existing, true);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var report = new OpinionReport
        {
            MemberId = memberId,
            UnitId = unit.Id,
            PeriodStart = draft.Period.Start,
            PeriodEnd = draft.Period.End,
            SubmittedAt = now,
            IdempotencyKey = draft.IdempotencyKey,
        };
        var topics = await VisibleTopics(db, unit).ToListAsync(ct);
        var suggestions = new List<(OpinionStream Stream, string TopicName)>();
        foreach (var s in draft.Streams)
        {
            var topic = s.TopicId is { } id ? topics.Single(t => t.Id == id) : FindOrAddTopic(topics, unit, s.NewTopic!, now);
            var summary = OpinionText.Clean(s.Summary);
            var suggestion = string.IsNullOrWhiteSpace(s.Suggestion) ? null : OpinionText.Clean(s.Suggestion);
            var stream = new OpinionStream
            {
                Topic = topic,
                Summary = summary.Text,
                Tendency = s.Tendency,
                Intensity = s.Intensity,
                Spread = s.Spread,
                Sources = s.Sources,
                Suggestion = string.IsNullOrEmpty(suggestion?.Text) ? null : suggestion.Text,
                Redacted = OpinionText.Describe(summary.Removed.Concat(suggestion?.Removed ?? [])),
            };
            report.Streams.Add(stream);
            if (stream.Suggestion is not null)
            {
                suggestions.Add((stream, topic.Name));
            }
        }

        db.OpinionReports.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // The same report (key) arrived twice at once: the first one stored is the report.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var winner = await ExistingAsync(memberId, draft.IdempotencyKey, ct);
            if (winner is null)
            {
                throw;
            }

            return new FilingResult(winner.Value, true);
        }

        foreach (var (stream, topicName) in suggestions)
        {
            var title = new Message("Opinions.Filing.ConcernTitle", topicName).Vietnamese;
            stream.ConcernId = await concerns.FileFromOpinionReportAsync(unit.Id, title[..Math.Min(title.Length, ConcernTitleLength)], stream.Suggestion!, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new FilingResult(report.Id, false);
    }

    private OpinionTopic FindOrAddTopic(List<OpinionTopic> topics, Unit unit, string name, DateTime now)
    {
        var clean = OpinionText.TopicName(name);
        var folded = OpinionText.Fold(clean);
        var found = topics.FirstOrDefault(t => t.NameFolded == folded);
        if (found is not null)
        {
            return found;
        }

        var topic = new OpinionTopic { UnitId = unit.Id, Name = clean, NameFolded = folded, CreatedAt = now };
        db.OpinionTopics.Add(topic);
        topics.Add(topic);
        return topic;
    }
}
