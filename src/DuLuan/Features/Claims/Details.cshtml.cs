using System.Globalization;
using System.Text.Json;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Files;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Claims;

/// <summary>One claim: what is said, where it appeared and how it spread, evidence, verdict, suggestions; handlers edit it.</summary>
[RequestSizeLimit(AttachmentFiles.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentFiles.MaxBytes + 64 * 1024)]
public sealed partial class DetailsModel(AppDbContext db, UnitScope access, ClaimEditor editor, ClaimPublication publication, ClaimSources sources, ClaimRebuttals rebuttals, MemberNames names, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record LinkRow(ClaimLink Link, string Label, string? Href);

    public sealed record MatchRow(ClaimMatch Match, string Label, string Href);

    public Claim Claim { get; private set; } = null!;

    public string UnitName { get; private set; } = string.Empty;

    public string? UnitCode { get; private set; }

    public string? OwnerName { get; private set; }

    public bool CanHandle { get; private set; }

    /// <summary>Approvals that count for what the claim says now, with the approvers' names.</summary>
    public List<ClaimApproval> Approvals { get; private set; } = [];

    public int Tiers { get; private set; }

    /// <summary>What happened to the claim (asked for publication, approved, published, edited), oldest first, as on a post.</summary>
    public List<Audit.AuditEntry> History { get; private set; } = [];

    /// <summary>Display names of the actors of the history by member id.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    /// <summary>What the member typed in the edit form when it was refused, shown again instead of the stored values.</summary>
    public ClaimEdit? Typed { get; private set; }

    public List<LinkRow> Links { get; private set; } = [];

    public List<ClaimEvidence> Evidence { get; private set; } = [];

    public List<MatchRow> Pending { get; private set; } = [];

    public List<(DateOnly Day, int Count)> Spread { get; private set; } = [];

    public List<(string Id, string Name)> Owners { get; private set; } = [];

    public string SpreadJson => JsonSerializer.Serialize(new
    {
        days = Spread.Select(s => s.Day.ToString("dd/MM", CultureInfo.InvariantCulture)),
        counts = Spread.Select(s => s.Count),
        label = l["Claims.Spread.Articles"].Value,
    });

    public string? PublicPath => UnitCode is null ? null : $"/cong/{Uri.EscapeDataString(UnitCode)}/kiem-chung/{Claim.Id}";

    /// <summary>The publish feature's prefill contract: a draft post answering this claim.</summary>
    public string PostHref => PostLink(Claim, PublicPath is null ? null : $"{Request.Scheme}://{Request.Host}{PublicPath}");

    public static string PostLink(Claim claim, string? publicUrl)
    {
        var label = claim.Verdict is { } v ? ClaimReview.Label(v) : new Message("Claims.Verdict.Checking").Vietnamese;
        var title = Cut($"{label}: {claim.Text}", 200);
        var body = Cut(string.Join("\n\n", new[] { claim.Answer ?? claim.Reasoning, publicUrl }.Where(s => s is not null)), 1500);
        return "/Publish/Posts/Create?linkKind=Claim&linkId=" + claim.Id.ToString(CultureInfo.InvariantCulture)
            + "&title=" + Uri.EscapeDataString(title) + "&body=" + Uri.EscapeDataString(body);
    }

    private static string Cut(string text, int limit) => text.Length <= limit ? text : text[..(char.IsHighSurrogate(text[limit - 2]) ? limit - 2 : limit - 1)] + "…";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
        => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var claim = await (await access.InScope(db.Claims, c => c.UnitId, ClaimRoles.Readers, ct)).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (claim is null)
        {
            return false;
        }

        Claim = claim;
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == claim.UnitId).Select(u => new { u.Name, u.Code }).SingleAsync(ct);
        UnitName = unit.Name;
        UnitCode = unit.Code;
        CanHandle = await access.HoldsAsync(claim.UnitId, ClaimRoles.Handlers, ct);
        Approvals = await publication.ValidApprovalsAsync(claim, ct);
        Tiers = await publication.TiersAsync(claim, ct);
        OwnerName = claim.OwnerId is null ? null : await db.Users.Where(u => u.Id == claim.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        Owners = CanHandle ? await ClaimRoles.OwnersAsync(db, claim.UnitId, ct) : [];
        Evidence = await db.ClaimEvidence.AsNoTracking().Where(e => e.ClaimId == id).OrderBy(e => e.Id)
            .Select(e => new ClaimEvidence { Id = e.Id, ClaimId = e.ClaimId, Kind = e.Kind, Title = e.Title, Url = e.Url, Note = e.Note, FileName = e.FileName, Size = e.Size, IsPublic = e.IsPublic, AddedAt = e.AddedAt })
            .ToListAsync(ct);
        Links = (await db.ClaimLinks.AsNoTracking().Where(x => x.ClaimId == id).OrderBy(x => x.AppearedAt).ThenBy(x => x.Id).ToListAsync(ct))
            .Select(x => new LinkRow(x, LinkLabel(x.Kind, x.TargetId, x.Url), Href(x.Kind, x.TargetId) ?? x.Url)).ToList();
        var matches = await db.ClaimMatches.AsNoTracking().Where(m => m.ClaimId == id && m.Status == MatchStatus.Pending).OrderByDescending(m => m.Score).Take(50).ToListAsync(ct);
        Pending = matches.Select(m => new MatchRow(m, LinkLabel(m.Kind == MatchKind.Story ? ClaimLinkKind.Story : ClaimLinkKind.Concern, m.TargetId, null), Href(m.Kind == MatchKind.Story ? ClaimLinkKind.Story : ClaimLinkKind.Concern, m.TargetId)!)).ToList();
        Spread = await rebuttals.SpreadAsync(id, ct);
        var target = ClaimEditor.Target(id);
        History = await db.AuditEntries.AsNoTracking().Where(a => a.Target == target).OrderBy(a => a.Id).Take(500).ToListAsync(ct);
        Names = await names.OfAsync(History.Select(h => h.ActorId), ct);
        return true;
    }

    private string LinkLabel(ClaimLinkKind kind, long? target, string? url)
        => kind == ClaimLinkKind.Url ? url ?? string.Empty : $"{l["Claims.LinkKind." + kind]} #{target?.ToString(CultureInfo.InvariantCulture)}";

    public static string? Href(ClaimLinkKind kind, long? target) => kind switch
    {
        ClaimLinkKind.Story => $"/Monitoring/Story/{target}",
        ClaimLinkKind.Concern => $"/Concerns/Details?id={target}",
        ClaimLinkKind.OpinionReport => $"/Opinions/Report?id={target}",
        _ => null,
    };
}
