using DuLuan.Data;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Dialogue;

/// <summary>The run sheet (kịch bản) of a dialogue, to print: the picked questions in order, each answer and who speaks it.</summary>
public sealed class RunSheetModel(AppDbContext db, UnitScope access) : PageModel
{
    public DialogueSession Session { get; private set; } = null!;

    public List<AnsweredQuestion> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var session = await (await access.InScope(db.DialogueSessions.AsNoTracking(), s => s.UnitId, DialogueRoles.Readers, ct)).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return NotFound();
        }

        Session = session;
        Rows = await DialogueQueries.PickedAsync(db, id, approvedOnly: false, ct);
        return Page();
    }
}
