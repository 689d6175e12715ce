using DuLuan.Data;
using DuLuan.Infrastructure.Bulletins;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Dialogue;

/// <summary>Published dialogue answers of the unit or a unit under it (the question and the answer, never who asked), for a loudspeaker bulletin.</summary>
public sealed class DialogueBulletinSource(AppDbContext db) : IBulletinSource
{
    public string Kind => "dialogue";

    public string LabelKey => "Bulletins.Source.dialogue";

    public async Task<IReadOnlyList<BulletinSourceItem>> RecentAsync(long unitId, DateTime sinceUtc, int max, CancellationToken ct)
    {
        var prefix = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).SingleAsync(ct);
        var rows = await db.DialogueQuestions.AsNoTracking()
            .Where(q => q.Stage == QuestionStage.Approved && q.GroupId == null)
            .Join(db.DialogueSessions.Where(s => s.Status == DialogueStatus.Published && s.PublishedAt >= sinceUtc), q => q.SessionId, s => s.Id, (q, s) => new { q, s })
            .Where(x => db.Units.Any(u => u.Id == x.s.UnitId && u.Path.StartsWith(prefix)))
            .OrderByDescending(x => x.s.PublishedAt).ThenBy(x => x.q.Position).ThenBy(x => x.q.Id).Take(max)
            .Select(x => new { x.q.Id, x.q.Text, x.q.Answer, x.q.SessionId, x.s.PublishedAt, Code = db.Units.Where(u => u.Id == x.s.UnitId).Select(u => u.Code).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Where(r => r.Code is not null)
            .Select(r => new BulletinSourceItem(Kind, r.Id, r.Text, r.Answer ?? string.Empty, $"/cong/{Uri.EscapeDataString(r.Code!)}/doi-thoai/{r.SessionId}#q-{r.Id}", r.PublishedAt!.Value))
            .ToList();
    }
}
