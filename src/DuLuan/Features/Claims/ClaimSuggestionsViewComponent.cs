using DuLuan.Data;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Claims;

/// <summary>"Có thể là tin đã kiểm chứng #12" on a story or concern page: pending matches of claims the member sees.</summary>
public sealed class ClaimSuggestionsViewComponent(AppDbContext db, UnitScope access) : ViewComponent
{
    public sealed record Row(long MatchId, long ClaimId, string Text, Verdict? Verdict, bool CanDecide);

    public sealed record Suggestions(List<Row> Rows, List<(long Id, string Text)> Linked, string ReturnUrl);

    /// <summary>
    /// <paramref name="kind"/> is a <see cref="MatchKind"/> by name ("Story", "Concern"): the pages that show the panel ask
    /// for it by name and need not know the Claims types.
    /// </summary>
    public async Task<IViewComponentResult> InvokeAsync(string kind, long targetId)
    {
        if (!Enum.TryParse<MatchKind>(kind, ignoreCase: false, out var matchKind) || !Enum.IsDefined(matchKind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of claim match.");
        }

        return await SuggestionsAsync(matchKind, targetId);
    }

    private async Task<IViewComponentResult> SuggestionsAsync(MatchKind kind, long targetId)
    {
        var ct = HttpContext.RequestAborted;
        var visible = await access.InScope(db.Claims, c => c.UnitId, ClaimRoles.Readers, ct);
        var handled = (await access.InScope(db.Claims, c => c.UnitId, ClaimRoles.Handlers, ct)).Select(c => c.Id);
        var rows = await db.ClaimMatches.AsNoTracking()
            .Where(m => m.Kind == kind && m.TargetId == targetId && m.Status == MatchStatus.Pending)
            .Join(visible, m => m.ClaimId, c => c.Id, (m, c) => new { m.Id, c.Text, c.Verdict, ClaimId = c.Id })
            .OrderBy(r => r.ClaimId).Take(10)
            .Select(r => new Row(r.Id, r.ClaimId, r.Text, r.Verdict, handled.Contains(r.ClaimId)))
            .ToListAsync(ct);
        var linkKind = kind == MatchKind.Story ? ClaimLinkKind.Story : ClaimLinkKind.Concern;
        var linked = await db.ClaimLinks.AsNoTracking().Where(l => l.Kind == linkKind && l.TargetId == targetId)
            .Join(visible, l => l.ClaimId, c => c.Id, (l, c) => new { c.Id, c.Text }).Distinct().OrderBy(x => x.Id).Take(10).ToListAsync(ct);
        var returnUrl = HttpContext.Request.Path + HttpContext.Request.QueryString;
        return View("/Features/Claims/_Suggestions.cshtml", new Suggestions(rows, linked.Select(x => (x.Id, x.Text)).ToList(), returnUrl));
    }
}
