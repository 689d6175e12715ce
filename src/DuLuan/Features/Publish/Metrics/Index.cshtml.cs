using System.Globalization;
using System.Text;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Publish.Channels;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Text;
using DuLuan.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Publish.Metrics;

/// <summary>Reach and interactions rolled up over a subtree and a period, with a chart; writers import platform CSV exports.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + 64 * 1024)]
public sealed class IndexModel(AppDbContext db, UnitScope access, MetricsImport import, OfficeTime office, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxFileBytes = 5 * 1024 * 1024;

    [BindProperty(SupportsGet = true)]
    public long? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public RollupBy By { get; set; }

    public DateOnly FromDay { get; private set; }

    public DateOnly ToDay { get; private set; }

    public List<Unit> Units { get; private set; } = [];

    public List<PublishChannel> Channels { get; private set; } = [];

    public List<MetricsRollup.Line> Lines { get; private set; } = [];

    [TempData]
    public string? Imported { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostImportAsync(string? channel, IFormFile? file, CancellationToken ct)
    {
        var writable = await (await access.UnitsAsync(PostRoles.Writers, ct)).Select(u => u.Id).ToListAsync(ct);
        if (writable.Count == 0 || !await LoadAsync(ct))
        {
            return NotFound();
        }

        PublishChannel? target = null;
        if (channel != MetricsImport.Portal)
        {
            target = long.TryParse(channel, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? Channels.FirstOrDefault(c => c.Id == id && writable.Contains(c.UnitId)) : null;
            if (target is null)
            {
                ModelState.AddModelError("channel", l["Publish.Error.Channel"]);
                return Page();
            }
        }

        if (file is null || file.Length is 0 or > MaxFileBytes)
        {
            ModelState.AddModelError("file", l["Publish.Csv.File", MaxFileBytes / 1024 / 1024]);
            return Page();
        }

        string text;
        try
        {
            using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            text = await reader.ReadToEndAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            ModelState.AddModelError("file", l["Publish.Csv.Encoding"]);
            return Page();
        }

        var (stored, error) = await import.ImportAsync(target?.Kind.ToString() ?? MetricsImport.Portal, target, writable, text, ct);
        if (error is not null)
        {
            ModelState.AddModelError("file", new Message(error.Key, error.Args).In(l));
            return Page();
        }

        Imported = stored.ToString(CultureInfo.InvariantCulture);
        return Redirect("/Publish/Metrics");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var units = await access.UnitsAsync(PostRoles.Readers, ct);
        Units = await units.Where(u => u.ActiveTo == null).OrderBy(u => u.Path).Take(500).ToListAsync(ct);
        if (Units.Count == 0 || (UnitId is { } chosen && Units.All(u => u.Id != chosen)))
        {
            return false;
        }

        var ids = Units.Select(u => u.Id).ToList();
        Channels = await db.PublishChannels.AsNoTracking().Where(c => ids.Contains(c.UnitId)).OrderBy(c => c.Name).ToListAsync(ct);
        var today = office.Today;
        // By default the last full quarter.
        var quarterStart = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        FromDay = DateOnly.TryParseExact(From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f) ? f : quarterStart.AddMonths(-3);
        ToDay = DateOnly.TryParseExact(To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : quarterStart.AddDays(-1);
        if (ToDay < FromDay || ToDay.DayNumber - FromDay.DayNumber > 3 * 366)
        {
            ModelState.AddModelError("To", l["Publish.Error.Period"]);
            ToDay = FromDay;
        }

        if (!Enum.IsDefined(By))
        {
            By = RollupBy.Channel;
        }

        var root = UnitId is { } u ? Units.First(x => x.Id == u) : Units[0];
        // A member with several subtrees sees the first unless they choose; each roll-up is one subtree.
        Lines = await MetricsRollup.RunAsync(db, root.Path, FromDay, ToDay, By, ct);
        UnitId = root.Id;
        Labels = await LabelsAsync(ct);
        return true;
    }

    /// <summary>What each line's key is in words: the portal by its name, a unit by its name, a month as MM/yyyy.</summary>
    public Dictionary<string, string> Labels { get; private set; } = new(StringComparer.Ordinal);

    public string Label(MetricsRollup.Line line) => Labels.GetValueOrDefault(line.Key) ?? line.Key;

    private async Task<Dictionary<string, string>> LabelsAsync(CancellationToken ct)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (By)
        {
            case RollupBy.Channel:
                labels[MetricsImport.Portal] = l["Publish.Portal"];
                break;
            case RollupBy.Unit:
                var ids = Lines.Select(x => long.TryParse(x.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList();
                foreach (var unit in await db.Units.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct))
                {
                    labels[unit.Id.ToString(CultureInfo.InvariantCulture)] = unit.Name;
                }

                break;
            case RollupBy.Month:
                foreach (var line in Lines)
                {
                    if (DateOnly.TryParseExact(line.Key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
                    {
                        labels[line.Key] = month.ToString("MM/yyyy", CultureInfo.InvariantCulture);
                    }
                }

                break;
        }

        return labels;
    }
}
