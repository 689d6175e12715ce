using System.Text;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Reports.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Reports.Drafts;

/// <summary>Staff edit the generated paragraphs (one blank line between paragraphs), then download DOCX or PDF.</summary>
[RequestFormLimits(ValueLengthLimit = 400_000, ValueCountLimit = 200)]
public sealed class EditModel(AppDbContext db, ReportDraftAccess access, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public ReportDraft Draft { get; private set; } = null!;

    public ReportText Text { get; private set; } = null!;

    public string UnitName { get; private set; } = string.Empty;

    public ReportPeriod Period { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, bool saved, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, int version, string? subtitle, string? opening, List<string>? sections, string? closing, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        sections ??= [];
        var problems = new List<string>();
        var newSubtitle = Clean(subtitle);
        if (newSubtitle.Length is 0 or > 300)
        {
            problems.Add(l["Reports.Drafts.SubtitleInvalid"]);
        }

        if (sections.Count != Text.Sections.Count)
        {
            problems.Add(l["Reports.Drafts.SectionsInvalid"]);
        }

        var edited = new ReportText(
            newSubtitle,
            Paragraphs(opening, problems),
            Text.Sections.Select((s, i) => s with { Paragraphs = Paragraphs(i < sections.Count ? sections[i] : null, problems) }).ToList(),
            Paragraphs(closing, problems));
        if (version != Draft.Version)
        {
            problems.Add(l["Reports.Drafts.Stale"]);
        }

        if (problems.Count > 0)
        {
            foreach (var p in problems.Distinct(StringComparer.Ordinal))
            {
                ModelState.AddModelError(string.Empty, p);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Draft.TextJson = ReportJson.Write(edited);
        Draft.EditorId = access.MemberId;
        Draft.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        Draft.Version++;
        audit.Add(ReportAudit.DraftEdited, Draft.UnitId, $"draft {Draft.Id}", Period.Code);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Reports.Drafts.Stale"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return Redirect($"/Reports/Drafts/Edit?id={Draft.Id}&saved=true");
    }

    public static string Join(IReadOnlyList<string> paragraphs) => string.Join("\n\n", paragraphs);

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var draft = await access.DraftAsync(id, ct);
        if (draft is null)
        {
            return false;
        }

        Draft = draft;
        Text = ReportJson.Text(draft.TextJson);
        Period = ReportPeriod.Parse(draft.PeriodCode);
        UnitName = await db.Units.AsNoTracking().Where(u => u.Id == draft.UnitId).Select(u => u.Name).FirstAsync(ct);
        return true;
    }

    /// <summary>NFC, no control characters but line breaks, trimmed.</summary>
    private static string Clean(string? text) =>
        new string((text ?? string.Empty).Normalize(NormalizationForm.FormC).Where(c => c is '\n' || !char.IsControl(c)).ToArray()).Trim();

    private List<string> Paragraphs(string? text, List<string> problems)
    {
        var paragraphs = Clean(text?.Replace("\r\n", "\n", StringComparison.Ordinal))
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Replace('\n', ' '))
            .ToList();
        if (paragraphs.Count > ReportText.MaxParagraphs || paragraphs.Any(p => p.Length > ReportText.MaxParagraphLength))
        {
            problems.Add(l["Reports.Drafts.TooLong"]);
        }

        return paragraphs;
    }
}
