using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Text;
using DuLuan.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Dialogue;

/// <summary>Dialogues of the member's units, and announcing a new one (date and time, how carried, officials, topics).</summary>
public sealed class IndexModel(AppDbContext db, UnitScope access, DialogueWorkflow workflow, OfficeTime office, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(long Id, string Title, string Unit, DateTime StartsAt, DialogueStatus Status, int Questions);

    public List<Row> Sessions { get; private set; } = [];

    public List<Unit> Units { get; private set; } = [];

    [BindProperty] public long UnitId { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? StartsAt { get; set; }
    [BindProperty] public DialogueChannel Channel { get; set; }
    [BindProperty] public string? Venue { get; set; }
    [BindProperty] public string? Officials { get; set; }
    [BindProperty] public string? Topics { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Units.Count == 0)
        {
            // Only organisers announce dialogues: anyone else's post changes nothing and finds nothing.
            return NotFound();
        }

        if (Units.All(u => u.Id != UnitId))
        {
            ModelState.AddModelError(nameof(UnitId), l["Dialogue.Error.UnitUnknown"]);
        }

        var title = TypedText.Label(Title ?? string.Empty);
        if (title.Length == 0 || title.Length > DialogueSession.MaxTitle)
        {
            ModelState.AddModelError(nameof(Title), l["Dialogue.Error.TitleRequired", DialogueSession.MaxTitle]);
        }

        DateTime startsAt = default;
        if (!DateTime.TryParseExact(StartsAt, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            ModelState.AddModelError(nameof(StartsAt), l["Dialogue.Error.StartsAt"]);
        }
        else
        {
            startsAt = office.ToUtc(local);
        }

        if (!Enum.IsDefined(Channel))
        {
            ModelState.AddModelError(nameof(Channel), l["Dialogue.Error.Channel"]);
        }

        var officials = string.Join('\n', DialogueSession.Lines(TypedText.PublicAnswer(Officials ?? string.Empty)));
        if (officials.Length == 0 || officials.Length > DialogueSession.MaxOfficials || DialogueSession.Lines(officials).Any(line => !line.Contains(':', StringComparison.Ordinal)))
        {
            ModelState.AddModelError(nameof(Officials), l["Dialogue.Error.Officials", DialogueSession.MaxOfficials]);
        }

        var topics = string.Join('\n', DialogueSession.Lines(TypedText.PublicAnswer(Topics ?? string.Empty)));
        var venue = TypedText.Label(Venue ?? string.Empty);
        if (topics.Length > DialogueSession.MaxTopics || venue.Length > DialogueSession.MaxVenue)
        {
            ModelState.AddModelError(nameof(Topics), l["Dialogue.Error.TooLong"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var id = await workflow.CreateAsync(new DialogueSession
        {
            UnitId = UnitId,
            Title = title,
            StartsAt = startsAt,
            Channel = Channel,
            Venue = venue.Length == 0 ? null : venue,
            Officials = officials,
            Topics = topics.Length == 0 ? null : topics,
            CreatedBy = access.MemberId!,
        }, ct);
        return Redirect($"/Dialogue/Details?id={id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var sessions = await access.InScope(db.DialogueSessions.AsNoTracking(), s => s.UnitId, DialogueRoles.Readers, ct);
        Sessions = await sessions.OrderByDescending(s => s.StartsAt).Take(100)
            .Select(s => new Row(s.Id, s.Title, db.Units.Where(u => u.Id == s.UnitId).Select(u => u.Name).First(), s.StartsAt, s.Status, db.DialogueQuestions.Count(q => q.SessionId == s.Id)))
            .ToListAsync(ct);
        var units = await access.UnitsAsync(DialogueRoles.Organisers, ct);
        Units = await units.Where(u => u.ActiveTo == null && (u.Kind == UnitKind.Commune || u.Kind == UnitKind.Province)).OrderBy(u => u.Path).Take(500).ToListAsync(ct);
    }
}
