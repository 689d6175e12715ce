using System.Globalization;
using DuLuan.Data;
using DuLuan.Infrastructure.Observers;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Claims;

/// <summary>
/// Recognises a registered claim in a new story or concern and records a pending suggestion for staff. Compared
/// with a claim: its own text and the titles of the stories already linked to it. Claims of the same unit, its
/// parents and its subtree are candidates; archived ones are not. A pair once suggested (even dismissed) is not
/// suggested again.
/// </summary>
public sealed class ClaimMatcher(AppDbContext db, TimeProvider clock)
{
    /// <summary>Newest claims compared; an office registers far fewer than this.</summary>
    public const int Candidates = 2000;

    public async Task<int> MatchStoriesAsync(long unitId, IReadOnlyList<StoredArticle> articles, CancellationToken ct)
    {
        var candidates = await CandidatesAsync(unitId, ct);
        if (candidates is null)
        {
            return 0;
        }

        var found = new List<(long ClaimId, long TargetId, double Score)>();
        foreach (var story in articles.GroupBy(a => a.StoryId))
        {
            var best = new Dictionary<long, double>();
            foreach (var article in story)
            {
                foreach (var (claimId, score) in candidates.Match(ClaimText.Of(article.Title + "\n" + article.Text)))
                {
                    if (score > best.GetValueOrDefault(claimId))
                    {
                        best[claimId] = score;
                    }
                }
            }

            found.AddRange(best.Select(b => (b.Key, story.Key, b.Value)));
        }

        return await RecordAsync(MatchKind.Story, found, ct);
    }

    public async Task<int> MatchConcernAsync(ReceivedConcern concern, CancellationToken ct)
    {
        var candidates = await CandidatesAsync(concern.UnitId, ct);
        if (candidates is null)
        {
            return 0;
        }

        var found = candidates.Match(ClaimText.Of(concern.Title + "\n" + concern.Description))
            .Select(m => (ClaimId: m.Key, TargetId: concern.Id, Score: m.Value))
            .ToList();
        return await RecordAsync(MatchKind.Concern, found, ct);
    }

    /// <summary>The unit line's open claims, indexed; null when there is none (the common case costs one query).</summary>
    private async Task<ClaimShapeIndex?> CandidatesAsync(long unitId, CancellationToken ct)
    {
        var path = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(ct);
        if (path is null)
        {
            return null;
        }

        var ancestors = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToList();
        var line = db.Units.Where(u => ancestors.Contains(u.Id) || u.Path.StartsWith(path)).Select(u => u.Id);
        var claims = await db.Claims.AsNoTracking()
            .Where(c => c.Status != ClaimStatus.Archived && line.Contains(c.UnitId))
            .OrderByDescending(c => c.Id)
            .Take(Candidates)
            .Select(c => new { c.Id, c.Text })
            .ToListAsync(ct);
        if (claims.Count == 0)
        {
            return null;
        }

        var ids = claims.Select(c => c.Id).ToList();
        var titles = await (from l in db.ClaimLinks.AsNoTracking()
                            join s in db.Stories.AsNoTracking() on l.TargetId equals s.Id
                            where l.Kind == ClaimLinkKind.Story && ids.Contains(l.ClaimId)
                            select new { l.ClaimId, s.Title }).ToListAsync(ct);
        var byClaim = titles.ToLookup(t => t.ClaimId, t => t.Title);
        var index = new ClaimShapeIndex();
        foreach (var claim in claims)
        {
            index.Add(claim.Id, ClaimText.Of(claim.Text));
            foreach (var title in byClaim[claim.Id].Take(5))
            {
                index.Add(claim.Id, ClaimText.Of(title));
            }
        }

        return index;
    }

    private async Task<int> RecordAsync(MatchKind kind, List<(long ClaimId, long TargetId, double Score)> found, CancellationToken ct)
    {
        if (found.Count == 0)
        {
            return 0;
        }

        var claimIds = found.Select(f => f.ClaimId).Distinct().ToList();
        var targetIds = found.Select(f => f.TargetId).Distinct().ToList();
        var linkKind = kind == MatchKind.Story ? ClaimLinkKind.Story : ClaimLinkKind.Concern;
        var known = (await db.ClaimMatches.AsNoTracking()
                .Where(m => m.Kind == kind && claimIds.Contains(m.ClaimId) && targetIds.Contains(m.TargetId))
                .Select(m => new { m.ClaimId, m.TargetId }).ToListAsync(ct))
            .Concat(await db.ClaimLinks.AsNoTracking()
                .Where(l => l.Kind == linkKind && claimIds.Contains(l.ClaimId) && l.TargetId != null && targetIds.Contains(l.TargetId.Value))
                .Select(l => new { l.ClaimId, TargetId = l.TargetId!.Value }).ToListAsync(ct))
            .Select(k => (k.ClaimId, k.TargetId))
            .ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var (claimId, targetId, score) in found)
        {
            if (!known.Add((claimId, targetId)))
            {
                continue;
            }

            var match = new ClaimMatch { ClaimId = claimId, Kind = kind, TargetId = targetId, Score = Math.Round(score, 3), Status = MatchStatus.Pending, SuggestedAt = now };
            db.ClaimMatches.Add(match);
            try
            {
                await db.SaveChangesAsync(ct);
                added++;
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                // Another instance suggested the same pair a moment ago.
                db.Entry(match).State = EntityState.Detached;
            }
        }

        return added;
    }
}

/// <summary>Runs the matcher after stories and concerns are stored, in its own scope so a failure here never touches the caller's work.</summary>
public sealed partial class ClaimObserver(IServiceScopeFactory scopes, ILogger<ClaimObserver> logger) : IStoryObserver, IConcernObserver
{
    public Task StoriesChangedAsync(long unitId, IReadOnlyList<StoredArticle> articles, CancellationToken ct)
        => RunAsync(m => m.MatchStoriesAsync(unitId, articles, ct));

    public Task ConcernReceivedAsync(ReceivedConcern concern, CancellationToken ct)
        => RunAsync(m => m.MatchConcernAsync(concern, ct));

    private async Task RunAsync(Func<ClaimMatcher, Task<int>> match)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await match(scope.ServiceProvider.GetRequiredService<ClaimMatcher>());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claim matching failed; the story or concern is stored without suggestions.")]
    private partial void LogFailed(Exception e);
}
