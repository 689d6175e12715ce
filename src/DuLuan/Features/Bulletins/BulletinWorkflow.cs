using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Approval;
using DuLuan.Infrastructure.Bulletins;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Bulletins;

/// <summary>
/// Assemble, edit, submit, approve (the office's tiers through <see cref="IOfficialApproval"/>, as posts and rebuttals),
/// return. The last approval queues the audio; the render job publishes the bulletin when its MP3 is made. Every step
/// checks the version the member saw and writes its audit entry in the same save. Errors are resource keys.
/// </summary>
public sealed class BulletinWorkflow(AppDbContext db, UnitScope scope, AuditLog audit, IOfficialApproval approval, IEnumerable<IBulletinSource> sources, TimeProvider clock)
{
    public const int SourceDays = 30;
    public const int MaxItems = 12;

    public sealed record Result(long? Id, string? Field, string? ErrorKey)
    {
        public static Result Ok(long id) => new(id, null, null);

        public static Result Error(string field, string key) => new(null, field, key);
    }

    public IEnumerable<IBulletinSource> Sources => sources;

    /// <summary>Public items of the unit's subtree from the last <see cref="SourceDays"/> days, by source.</summary>
    public async Task<List<(IBulletinSource Source, IReadOnlyList<BulletinSourceItem> Items)>> CandidatesAsync(long unitId, CancellationToken ct)
    {
        var since = Now.AddDays(-SourceDays);
        var all = new List<(IBulletinSource, IReadOnlyList<BulletinSourceItem>)>();
        foreach (var source in sources)
        {
            all.Add((source, await source.RecentAsync(unitId, since, 30, ct)));
        }

        return all;
    }

    public async Task<Result> CreateAsync(long unitId, DateOnly day, BulletinSlot slot, IReadOnlyCollection<string> picked, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Id, u.Name, u.Code }).FirstOrDefaultAsync(ct);
        if (unit is null || unit.Code is null || !await scope.HoldsAsync(unitId, BulletinRoles.Writers, ct))
        {
            return Result.Error("unitId", "Bulletins.Error.Unit");
        }

        if (picked.Count is 0 or > MaxItems)
        {
            return Result.Error("items", "Bulletins.Error.Items");
        }

        var candidates = (await CandidatesAsync(unitId, ct)).SelectMany(c => c.Items).ToDictionary(i => i.Kind + ":" + i.Id, StringComparer.Ordinal);
        var items = picked.Distinct(StringComparer.Ordinal).Select(k => candidates.GetValueOrDefault(k)).ToList();
        if (items.Any(i => i is null))
        {
            return Result.Error("items", "Bulletins.Error.UnknownItem");
        }

        var chosen = items.Select(i => i!).OrderBy(i => i.At).ToList();
        var title = BulletinText.Title(slot, day);
        var written = BulletinText.Written(unit.Name, slot, day, chosen);
        if (written.Length > Bulletin.TextLimit)
        {
            return Result.Error("items", "Bulletins.Error.TooLong");
        }

        var spoken = BulletinText.Spoken(written);
        var member = scope.MemberId!;
        var bulletin = new Bulletin
        {
            UnitId = unitId,
            AirDate = day,
            Slot = slot,
            Title = title,
            WrittenText = written,
            SpokenText = spoken,
            ContentHash = BulletinText.Hash(title, written, spoken),
            AuthorId = member,
            LastEditorId = member,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        db.Bulletins.Add(bulletin);
        await using var transaction = await audit.BeginAsync(ct);
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < chosen.Count; i++)
        {
            db.BulletinItems.Add(new BulletinItem { BulletinId = bulletin.Id, Position = i + 1, Kind = chosen[i].Kind, SourceId = chosen[i].Id, Title = Cut(chosen[i].Title, 1000), Link = chosen[i].Link });
        }

        audit.Add(BulletinAudit.Created, unitId, Target(bulletin.Id), $"{slot} {day:yyyy-MM-dd} items={chosen.Count}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Ok(bulletin.Id);
    }

    /// <summary>Saves staff's edits; with <paramref name="respeak"/> the spoken text is written again from the written text.</summary>
    public async Task<Result> EditAsync(Bulletin bulletin, string? title, string? written, string? spoken, bool respeak, int version, CancellationToken ct)
    {
        if (!await scope.HoldsAsync(bulletin.UnitId, BulletinRoles.Writers, ct))
        {
            return Result.Error(string.Empty, "Bulletins.Error.NotWriter");
        }

        var cleanTitle = Clean(title);
        var cleanWritten = Clean(written);
        var cleanSpoken = respeak ? BulletinText.Spoken(cleanWritten) : Clean(spoken);
        if (cleanTitle.Length is < 3 or > Bulletin.TitleLimit)
        {
            return Result.Error("title", "Bulletins.Error.Title");
        }

        if (cleanWritten.Length is < 10 or > Bulletin.TextLimit)
        {
            return Result.Error("writtenText", "Bulletins.Error.Written");
        }

        if (cleanSpoken.Length is < 10 or > Bulletin.TextLimit * 2)
        {
            return Result.Error("spokenText", "Bulletins.Error.Spoken");
        }

        var hash = BulletinText.Hash(cleanTitle, cleanWritten, cleanSpoken);
        if (hash == bulletin.ContentHash)
        {
            return Result.Ok(bulletin.Id);
        }

        bulletin.Title = cleanTitle;
        bulletin.WrittenText = cleanWritten;
        bulletin.SpokenText = cleanSpoken;
        bulletin.ContentHash = hash;
        // A change takes the bulletin off the air and back to the writers: approvals and audio were for the old text.
        bulletin.Status = BulletinStatus.Draft;
        bulletin.PublishedAt = null;
        bulletin.RenderState = RenderState.None;
        bulletin.RenderProgress = 0;
        bulletin.RenderError = null;
        return await SaveAsync(bulletin, version, BulletinAudit.Edited, respeak ? "respoken" : null, ct);
    }

    public async Task<Result> SubmitAsync(Bulletin bulletin, int version, CancellationToken ct)
    {
        if (!await scope.HoldsAsync(bulletin.UnitId, BulletinRoles.Writers, ct))
        {
            return Result.Error(string.Empty, "Bulletins.Error.NotWriter");
        }

        if (bulletin.Status != BulletinStatus.Draft)
        {
            return Result.Error(string.Empty, "Bulletins.Error.BadStep");
        }

        bulletin.Status = BulletinStatus.InReview;
        bulletin.SubmittedBy = scope.MemberId;
        var valid = await ValidApprovalsAsync(bulletin, ct);
        var tiers = await approval.TiersAsync(bulletin.UnitId, ct);
        if (valid.Count >= tiers)
        {
            Approve(bulletin);
        }

        return await SaveAsync(bulletin, version, BulletinAudit.Submitted, $"{valid.Count}/{tiers}", ct);
    }

    public async Task<Result> ApproveAsync(Bulletin bulletin, int version, CancellationToken ct)
    {
        var approverId = scope.MemberId;
        if (approverId is null || !await scope.HoldsAsync(bulletin.UnitId, BulletinRoles.Approvers, ct))
        {
            return Result.Error(string.Empty, "Bulletins.Error.NotApprover");
        }

        if (bulletin.Status != BulletinStatus.InReview)
        {
            return Result.Error(string.Empty, "Bulletins.Error.BadStep");
        }

        var valid = await ValidApprovalsAsync(bulletin, ct);
        if (approval.RefusalKey(approverId, [bulletin.SubmittedBy, bulletin.LastEditorId, bulletin.AuthorId], valid.Select(a => a.ApproverId)) is { } refusal)
        {
            return Result.Error(string.Empty, refusal);
        }

        var tiers = await approval.TiersAsync(bulletin.UnitId, ct);
        var tier = valid.Count + 1;
        var name = await db.Users.Where(u => u.Id == approverId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        db.BulletinApprovals.Add(new BulletinApproval { BulletinId = bulletin.Id, Tier = tier, ApproverId = approverId, ApproverName = name, At = Now, ContentHash = bulletin.ContentHash });
        if (tier >= tiers)
        {
            Approve(bulletin);
        }

        return await SaveAsync(bulletin, version, BulletinAudit.Approved, $"tier {tier}/{tiers}", ct);
    }

    public async Task<Result> ReturnAsync(Bulletin bulletin, int version, CancellationToken ct)
    {
        if (!await scope.HoldsAsync(bulletin.UnitId, BulletinRoles.Approvers, ct))
        {
            return Result.Error(string.Empty, "Bulletins.Error.NotApprover");
        }

        if (bulletin.Status != BulletinStatus.InReview)
        {
            return Result.Error(string.Empty, "Bulletins.Error.BadStep");
        }

        bulletin.Status = BulletinStatus.Draft;
        return await SaveAsync(bulletin, version, BulletinAudit.Returned, null, ct);
    }

    /// <summary>Makes the audio again (after a failure, or another engine), for an approved bulletin.</summary>
    public async Task<Result> RenderAgainAsync(Bulletin bulletin, int version, CancellationToken ct)
    {
        if (!await scope.HoldsAsync(bulletin.UnitId, BulletinRoles.Writers, ct))
        {
            return Result.Error(string.Empty, "Bulletins.Error.NotWriter");
        }

        if (bulletin.Status != BulletinStatus.Approved || bulletin.RenderState is RenderState.Queued or RenderState.Rendering)
        {
            return Result.Error(string.Empty, "Bulletins.Error.BadStep");
        }

        Queue(bulletin);
        return await SaveAsync(bulletin, version, BulletinAudit.RenderQueued, null, ct);
    }

    public Task<List<BulletinApproval>> ValidApprovalsAsync(Bulletin bulletin, CancellationToken ct)
        => db.BulletinApprovals.AsNoTracking().Where(a => a.BulletinId == bulletin.Id && a.ContentHash == bulletin.ContentHash).OrderBy(a => a.Tier).ToListAsync(ct);

    public Task<int> TiersAsync(Bulletin bulletin, CancellationToken ct) => approval.TiersAsync(bulletin.UnitId, ct);

    public static string Target(long id) => "bulletin:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Approve(Bulletin bulletin)
    {
        bulletin.Status = BulletinStatus.Approved;
        Queue(bulletin);
    }

    private static void Queue(Bulletin bulletin)
    {
        bulletin.RenderState = RenderState.Queued;
        bulletin.RenderProgress = 0;
        bulletin.RenderError = null;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string Clean(string? text) => TypedText.StripHtml(Analysis.Text.Nfc.Of(text ?? string.Empty)).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static string Cut(string text, int limit) => text.Length > limit ? text[..limit] : text;

    private async Task<Result> SaveAsync(Bulletin bulletin, int version, string action, string? detail, CancellationToken ct)
    {
        db.Entry(bulletin).Property(b => b.Version).OriginalValue = version;
        bulletin.Version = version + 1;
        bulletin.UpdatedAt = Now;
        if (action == BulletinAudit.Edited)
        {
            bulletin.LastEditorId = scope.MemberId!;
        }

        audit.Add(action, bulletin.UnitId, Target(bulletin.Id), detail);
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Ok(bulletin.Id);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return Result.Error(string.Empty, "Bulletins.Error.Stale");
        }
    }
}
