using DuLuan.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Dialogue;

/// <summary>The place's dialogues: those collecting questions now, and those held with their answers published.</summary>
[AllowAnonymous]
public sealed class PublicListModel(AppDbContext db) : PageModel
{
    public DialoguePlace Place { get; private set; } = null!;

    public List<DialogueSession> Upcoming { get; private set; } = [];

    public List<DialogueSession> Past { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string unitCode, CancellationToken ct)
    {
        var place = await DialogueQueries.PlaceAsync(db, unitCode, ct);
        if (place is null)
        {
            return NotFound();
        }

        Place = place;
        var sessions = DialogueQueries.SessionsOf(db, place);
        Upcoming = await sessions.Where(s => s.Status == DialogueStatus.Collecting).OrderBy(s => s.StartsAt).Take(20).ToListAsync(ct);
        Past = await sessions.Where(s => s.Status == DialogueStatus.Published).OrderByDescending(s => s.StartsAt).Take(50).ToListAsync(ct);
        return Page();
    }
}
