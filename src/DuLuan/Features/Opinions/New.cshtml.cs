using System.Globalization;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Opinions;

/// <summary>
/// A collaborator files an opinion report for one of their communes: one or more streams by topic.
/// Free text is redacted before saving; the form carries an idempotency key so a replayed post (the
/// offline queue, a double tap) stores nothing twice.
/// </summary>
[RequestSizeLimit(192 * 1024)]
[RequestFormLimits(ValueLengthLimit = 16 * 1024, ValueCountLimit = 200)]
public sealed partial class NewModel(AppDbContext db, UnitScope access, OpinionFiling filing, Cadences cadences, UnitActivity activity, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public List<StreamInput> Streams { get; set; } = [];

    [BindProperty]
    public string? PeriodStart { get; set; }

    [BindProperty]
    public string? PeriodEnd { get; set; }

    [BindProperty]
    public string? IdempotencyKey { get; set; }

    public Unit Place { get; private set; } = null!;

    public List<OpinionTopic> Topics { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(long unitId, CancellationToken ct)
    {
        if (!await LoadAsync(unitId, ct))
        {
            return NotFound();
        }

        if (await activity.RefusalAsync(Place, ct) is { } retired)
        {
            Errors.Add(retired);
        }

        var period = ReportingPeriod.Current(await cadences.OfMemberAsync(access.MemberId!, unitId, ct), cadences.Today());
        PeriodStart = Iso(period.Start);
        PeriodEnd = Iso(period.End);
        IdempotencyKey = Guid.NewGuid().ToString("N");
        Streams = [new StreamInput()];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long unitId, CancellationToken ct)
    {
        if (!await LoadAsync(unitId, ct))
        {
            return NotFound();
        }

        if (IdempotencyKey is null || !KeyPattern().IsMatch(IdempotencyKey))
        {
            Errors.Add(l["Opinions.Error.Key"]);
            IdempotencyKey = Guid.NewGuid().ToString("N");
            return Page();
        }

        // A replay of a report already stored answers with that report before anything else is checked.
        if (await filing.ExistingAsync(access.MemberId!, IdempotencyKey, ct) is { } stored)
        {
            return Redirect($"/Opinions/Report?id={stored.ToString(CultureInfo.InvariantCulture)}");
        }

        // A commune merged or split away takes no new reports; the message names where to file instead.
        if (await activity.RefusalAsync(Place, ct) is { } retired)
        {
            Errors.Add(retired);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var period = ParsePeriod();
        if (period is null)
        {
            Errors.Add(l["Opinions.Error.Period", OpinionLimits.MaxPeriodDays]);
        }

        var drafts = new List<StreamDraft>();
        var fieldErrors = new List<(string Field, string Message)>();
        if (Streams.Count is 0 or > OpinionLimits.MaxStreams)
        {
            Errors.Add(l["Opinions.Error.Streams", OpinionLimits.MaxStreams]);
        }
        else
        {
            for (var i = 0; i < Streams.Count; i++)
            {
                if (StreamValidator.Check(Streams[i], i + 1, Topics, l, fieldErrors) is { } draft)
                {
                    drafts.Add(draft);
                }
            }
        }

        Errors.AddRange(fieldErrors.Select(e => e.Message));
        if (Errors.Count > 0 || period is null)
        {
            Streams = Streams.Take(OpinionLimits.MaxStreams).ToList();
            if (Streams.Count == 0)
            {
                Streams.Add(new StreamInput());
            }

            return Page();
        }

        var result = await filing.FileAsync(access.MemberId!, Place, new ReportDraft(Place.Id, period.Value, IdempotencyKey, drafts), ct);
        var id = result.ReportId.ToString(CultureInfo.InvariantCulture);
        return Redirect(result.Duplicate ? $"/Opinions/Report?id={id}" : $"/Opinions/Report?id={id}&saved=1");
    }

    private ReportingPeriod? ParsePeriod()
    {
        if (!DateOnly.TryParseExact(PeriodStart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !DateOnly.TryParseExact(PeriodEnd, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            return null;
        }

        var period = new ReportingPeriod(start, end);
        return end < start || period.Days > OpinionLimits.MaxPeriodDays || start > cadences.Today() ? null : period;
    }

    private async Task<bool> LoadAsync(long unitId, CancellationToken ct)
    {
        var units = await OpinionRoles.FilingUnitsAsync(access, ct);
        var place = await units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (place is null)
        {
            return false;
        }

        Place = place;
        Topics = await OpinionFiling.VisibleTopics(db, place).AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        return true;
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9-]{16,64}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex KeyPattern();
}
