using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// The ids of one page of the case list in <see cref="CaseList.Ordered"/> order without sorting every case in scope.
/// That order is: open cases first, then by deadline (cases without one last), then newest id first; overdue open cases
/// come first because their deadlines are the earliest. Each status is asked on its own, so the (Status, DueAt) index
/// hands its rows over in order and the query stops after the page; the lists are merged here. Deep pages (beyond
/// <see cref="MaxRows"/> rows) keep the single sorted query.
/// </summary>
public static class CaseListPage
{
    public const int MaxRows = 1_000;

    private static readonly CaseStatus[] OpenStatuses = [CaseStatus.New, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Reopened];

    private sealed record Key(long Id, CaseStatus Status, DateTime? DueAt);

    /// <summary>The statuses a <see cref="CaseFilter.Status"/> shows (see <see cref="CaseList.WithStatus"/>).</summary>
    public static CaseStatus[] Statuses(string? status)
    {
        if (status == "all")
        {
            return Enum.GetValues<CaseStatus>();
        }

        if (Enum.TryParse<CaseStatus>(status, ignoreCase: false, out var one) && Enum.IsDefined(one) && !char.IsDigit(status![0]))
        {
            return [one];
        }

        return Enum.GetValues<CaseStatus>().Where(Case.IsOpen).ToArray();
    }

    /// <summary>Ids of rows <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/>, or null when the page lies too deep for this path.</summary>
    public static async Task<List<long>?> IdsAsync(IQueryable<Case> filtered, IReadOnlyCollection<CaseStatus> statuses, int skip, int take, CancellationToken ct)
    {
        var wanted = skip + take;
        if (wanted > MaxRows)
        {
            return null;
        }

        var found = new List<Key>();
        foreach (var status in statuses)
        {
            found.AddRange(await filtered.Where(c => c.Status == status && c.DueAt != null)
                .OrderBy(c => c.DueAt).ThenByDescending(c => c.Id).Take(wanted)
                .Select(c => new Key(c.Id, c.Status, c.DueAt)).ToListAsync(ct));
            found.AddRange(await filtered.Where(c => c.Status == status && c.DueAt == null)
                .OrderByDescending(c => c.Id).Take(wanted)
                .Select(c => new Key(c.Id, c.Status, c.DueAt)).ToListAsync(ct));
        }

        return found
            .OrderByDescending(k => OpenStatuses.Contains(k.Status))
            .ThenBy(k => k.DueAt is null)
            .ThenBy(k => k.DueAt)
            .ThenByDescending(k => k.Id)
            .Skip(skip).Take(take)
            .Select(k => k.Id)
            .ToList();
    }
}
