using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Units;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Surveys;

/// <summary>A survey's status, versions, public link and QR code, publishing, and per-unit quotas and population.</summary>
public sealed class DetailsModel(AppDbContext db, SurveyAccess access, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Target(long UnitId, string Unit, int Responses, int? Quota, long? Population);

    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public Survey Survey { get; private set; } = null!;

    public bool CanBuild { get; private set; }

    public List<SurveyVersion> Versions { get; private set; } = [];

    public List<Target> Targets { get; private set; } = [];

    public List<string> Errors { get; private set; } = [];

    public bool DraftChanged { get; private set; }

    /// <summary>The survey's address on its place's public site; null when its unit has no public place.</summary>
    public string? PublicUrl { get; private set; }

    public string QrDataUri { get; private set; } = string.Empty;

    /// <summary>Questions of the published version that can be marked for cross-tabs (they have options), and whether they are.</summary>
    public List<(string Key, string Label, bool Marked)> CrossChoices { get; private set; } = [];

    /// <summary>The rebuild of kept totals the job is running, if any (the bar is shown to editors).</summary>
    public RebuildView Rebuild { get; private set; } = null!;

    private SurveyDefinition? published;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
        => await LoadAsync(edit: false, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!await LoadAsync(edit: true, ct))
        {
            return NotFound();
        }

        var definition = SurveyDefinition.Read(Survey.DraftJson, out var error);
        Errors = definition is null ? [error!.In(l)] : [.. DefinitionRules.Validate(definition).Select(m => m.In(l))];
        if (definition is not null && !definition.Questions.Any())
        {
            Errors.Add(l["Surveys.Details.NoQuestions"]);
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var tracked = await db.Surveys.SingleAsync(s => s.Id == Id, ct);
        if (DraftChanged)
        {
            tracked.CurrentVersion++;
            db.SurveyVersions.Add(new SurveyVersion { SurveyId = Id, Number = tracked.CurrentVersion, DefinitionJson = tracked.DraftJson, PublishedAt = clock.GetUtcNow().UtcDateTime });
        }

        tracked.Status = SurveyStatus.Published;
        audit.Add(SurveyAudit.Published, tracked.UnitId, $"survey:{Id}", $"v{tracked.CurrentVersion}");
        await db.SaveChangesAsync(ct);
        return Redirect($"/Surveys/Details?id={Id}");
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        if (!await LoadAsync(edit: true, ct))
        {
            return NotFound();
        }

        var tracked = await db.Surveys.SingleAsync(s => s.Id == Id, ct);
        if (tracked.Status == SurveyStatus.Published)
        {
            tracked.Status = SurveyStatus.Closed;
            audit.Add(SurveyAudit.Closed, tracked.UnitId, $"survey:{Id}");
            await db.SaveChangesAsync(ct);
        }

        return Redirect($"/Surveys/Details?id={Id}");
    }

    /// <summary>Quotas and population per unit: fields Quota_{unitId} and Population_{unitId}; empty clears.</summary>
    public async Task<IActionResult> OnPostTargetsAsync(CancellationToken ct)
    {
        if (!await LoadAsync(edit: true, ct))
        {
            return NotFound();
        }

        var changes = new List<(long Unit, int? Quota, long? Population)>();
        foreach (var target in Targets)
        {
            var quota = Request.Form[$"Quota_{target.UnitId}"].ToString().Trim();
            var population = Request.Form[$"Population_{target.UnitId}"].ToString().Trim();
            int? q = null;
            long? p = null;
            if (quota.Length > 0)
            {
                if (!int.TryParse(quota, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 10_000_000)
                {
                    Errors.Add(l["Surveys.Details.BadQuota", target.Unit]);
                }

                q = value;
            }

            if (population.Length > 0)
            {
                if (!long.TryParse(population, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 1_000_000_000)
                {
                    Errors.Add(l["Surveys.Details.BadPopulation", target.Unit]);
                }

                p = value;
            }

            changes.Add((target.UnitId, q, p));
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!db.Database.IsSqlite())
        {
            await SurveyShuffle.ShareLockAsync(db, Id, ct); // the rows are not rewritten under this edit
        }

        var existing = await db.SurveyUnits.Where(u => u.SurveyId == Id).ToListAsync(ct);
        var counts = await db.SurveyResponses.Where(r => r.SurveyId == Id).GroupBy(r => r.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        foreach (var (unit, quota, population) in changes)
        {
            var row = existing.FirstOrDefault(e => e.UnitId == unit);
            if (quota is null && population is null)
            {
                if (row is not null)
                {
                    db.SurveyUnits.Remove(row);
                }

                continue;
            }

            if (row is null)
            {
                row = new SurveyUnit { SurveyId = Id, UnitId = unit };
                db.SurveyUnits.Add(row);
            }

            row.Quota = quota;
            row.Population = population;
            row.Received = counts.GetValueOrDefault(unit);
        }

        audit.Add(SurveyAudit.TargetsSet, Survey.UnitId, $"survey:{Id}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Redirect($"/Surveys/Details?id={Id}");
    }

    /// <summary>
    /// Marks questions for cross-tabs (field cross, at most <see cref="SurveyCrossTallies.MaxMarks"/>): their totals
    /// by every question are rebuilt from the stored responses by the job after this returns (the page shows its
    /// progress), and kept by the intake from then on.
    /// </summary>
    public async Task<IActionResult> OnPostCrossAsync([FromForm] string[]? cross, CancellationToken ct)
    {
        if (!await LoadAsync(edit: true, ct))
        {
            return NotFound();
        }

        var keys = (cross ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (published is null || keys.Any(k => !CrossChoices.Any(c => c.Key == k)))
        {
            Errors.Add(l["Surveys.Cross.NotAQuestion"]);
        }
        else if (keys.Count > SurveyCrossTallies.MaxMarks)
        {
            Errors.Add(l["Surveys.Cross.TooMany", SurveyCrossTallies.MaxMarks]);
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await SurveyCrossTallies.SetMarksAsync(db, Id, keys, clock.GetUtcNow().UtcDateTime, ct);
        audit.Add(SurveyAudit.CrossMarked, Survey.UnitId, $"survey:{Id}", string.Join(",", keys.Order(StringComparer.Ordinal)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Redirect($"/Surveys/Details?id={Id}");
    }

    private async Task<bool> LoadAsync(bool edit, CancellationToken ct)
    {
        var survey = await access.FindAsync(Id, edit, ct);
        if (survey is null)
        {
            return false;
        }

        Survey = survey;
        CanBuild = edit || await access.FindAsync(Id, edit: true, ct) is not null;
        Rebuild = new RebuildView(Id, await SurveyRebuilds.StatusAsync(db, Id, ct), CanBuild);
        Versions = await db.SurveyVersions.AsNoTracking().Where(v => v.SurveyId == Id).OrderByDescending(v => v.Number).ToListAsync(ct);
        DraftChanged = Versions.Count == 0 || Versions[0].DefinitionJson != survey.DraftJson;
        var units = await ResponseIntake.AnswerUnitsAsync(db, survey.UnitId, ct);
        var targets = await db.SurveyUnits.AsNoTracking().Where(u => u.SurveyId == Id).ToListAsync(ct);
        var counts = await db.SurveyResponses.Where(r => r.SurveyId == Id).GroupBy(r => r.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Targets = units.Select(u => new Target(u.Id, u.Name, counts.GetValueOrDefault(u.Id), targets.FirstOrDefault(t => t.UnitId == u.Id)?.Quota, targets.FirstOrDefault(t => t.UnitId == u.Id)?.Population)).ToList();
        PublicUrl = await SurveyPlace.PathForSurveyAsync(db, survey, ct) is { } path ? $"{Request.Scheme}://{Request.Host}{path}" : null;
        QrDataUri = PublicUrl is null ? string.Empty : QrImage.SvgDataUri(PublicUrl, 6);
        published = Versions.Count == 0 ? null : SurveyDefinition.Parse(Versions[0].DefinitionJson, out _);
        var marks = await SurveyCrossTallies.MarksAsync(db, Id, ct);
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var answerUnits = units.Select(u => (u.Id, u.Name)).ToList();
        CrossChoices = published is null ? [] : [.. published.Questions.Where(q => SurveyResults.OptionsOf(q, answerUnits, language).Count > 0)
            .Select(q => (q.Key, q.Label.In(language), marks.Contains(q.Key)))];
        return true;
    }
}
