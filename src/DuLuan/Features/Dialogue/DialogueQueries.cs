using DuLuan.Data;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Dialogue;

/// <summary>A place with a public site (commune or province with an official code), as the dialogue pages need it.</summary>
public sealed record DialoguePlace(long Id, string Code, string Name, string Path)
{
    public string Home => "/cong/" + Uri.EscapeDataString(Code) + "/doi-thoai";

    public string SessionPath(long id) => Home + "/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string FollowUpPath => Home + "/theo-doi";
}

/// <summary>A picked question with its answer as the run sheet and the public page show it; <c>Asked</c> counts its group.</summary>
public sealed record AnsweredQuestion(long Id, int? Position, string Text, int Asked, string? Answer, string? Speaker, string? Agency, QuestionStage Stage, List<DialogueCommitment> Commitments);

public static class DialogueQueries
{
    public static async Task<DialoguePlace?> PlaceAsync(AppDbContext db, string? code, CancellationToken ct)
        => code?.Length is > 0 and <= 20
            ? await db.Units.AsNoTracking()
                .Where(u => u.Code == code && (u.Kind == UnitKind.Commune || u.Kind == UnitKind.Province))
                .Select(u => new DialoguePlace(u.Id, u.Code!, u.Name, u.Path)).FirstOrDefaultAsync(ct)
            : null;

    /// <summary>The sessions of the place and the units under it.</summary>
    public static IQueryable<DialogueSession> SessionsOf(AppDbContext db, DialoguePlace place)
        => db.DialogueSessions.AsNoTracking().Where(s => db.Units.Any(u => u.Id == s.UnitId && u.Path.StartsWith(place.Path)));

    /// <summary>
    /// The picked questions of a session in run-sheet order, each with how many asked it (its group, weighted by the
    /// reports behind a suggested question) and its commitments.
    /// </summary>
    public static async Task<List<AnsweredQuestion>> PickedAsync(AppDbContext db, long sessionId, bool approvedOnly, CancellationToken ct)
    {
        var questions = await db.DialogueQuestions.AsNoTracking().Where(q => q.SessionId == sessionId).ToListAsync(ct);
        var picked = questions.Where(q => q.GroupId is null && q.Stage != QuestionStage.Received && (!approvedOnly || q.Stage == QuestionStage.Approved))
            .OrderBy(q => q.Position ?? int.MaxValue).ThenBy(q => q.Id).ToList();
        var agencyIds = picked.Where(q => q.AgencyId is not null).Select(q => q.AgencyId!.Value).Distinct().ToList();
        var agencies = await db.Units.AsNoTracking().Where(u => agencyIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var commitments = await db.DialogueCommitments.AsNoTracking().Where(c => c.SessionId == sessionId).OrderBy(c => c.Id).ToListAsync(ct);
        return picked.Select(q => new AnsweredQuestion(
                q.Id, q.Position, q.Text,
                q.Weight + questions.Where(m => m.GroupId == q.Id).Sum(m => m.Weight),
                q.Answer, q.Speaker,
                q.AgencyId is { } a ? agencies.GetValueOrDefault(a) : null,
                q.Stage,
                commitments.Where(c => c.QuestionId == q.Id).ToList()))
            .ToList();
    }

    /// <summary>The agencies that may answer for a unit: those under its province (or under the unit when it has none).</summary>
    public static async Task<List<Unit>> AgenciesForAsync(AppDbContext db, long unitId, CancellationToken ct)
    {
        var path = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).SingleAsync(ct);
        var ids = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => long.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var province = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Kind == UnitKind.Province).Select(u => u.Path).FirstOrDefaultAsync(ct) ?? path;
        return await db.Units.AsNoTracking()
            .Where(u => u.Kind == UnitKind.Agency && u.ActiveTo == null && u.Path.StartsWith(province))
            .OrderBy(u => u.Name).ToListAsync(ct);
    }
}
