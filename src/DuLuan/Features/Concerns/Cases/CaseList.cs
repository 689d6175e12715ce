using DuLuan.Analysis.Text;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// What the case list is asked for: a status ("" = still open, "all", or one <see cref="CaseStatus"/>), a category key,
/// an agency, a deadline ("overdue", "week" = due this office week), a text searched without diacritics (or "#id"),
/// and a page. Values that mean nothing are ignored, never an error.
/// </summary>
public sealed record CaseFilter(string? Status, string? Category, long? AgencyId, string? Due, string? Q, int Page)
{
    public const int PageSize = 50;

    /// <summary>The query string of this filter on another page (or without a page, for the CSV export).</summary>
    public string Query(int? page = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("status", Status);
        Add("category", Category);
        Add("agencyId", AgencyId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("due", Due);
        Add("q", Q);
        if (page is > 1)
        {
            Add("trang", page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return string.Join('&', parts);
    }
}

/// <summary>A row of the case list.</summary>
public sealed record CaseListRow(long Id, long UnitId, string Title, CaseStatus Status, Severity Severity, string? Category, string? Agency, string Unit,
    DateTime CreatedAt, DateTime? DueAt, DateTime? AnsweredAt, bool Overdue);

/// <summary>The member's cases (UnitScope with <see cref="CaseRoles.Readers"/>) filtered, counted per status and ordered overdue first.</summary>
public sealed class CaseList(AppDbContext db, UnitScope access, OfficeTime office, TimeProvider clock)
{
    public const int MaxQueryLength = 200;
    public const int MaxExportRows = 20_000;

    private static readonly CaseStatus[] OpenStatuses = [CaseStatus.New, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Reopened];

    /// <summary>
    /// The member's cases with every filter but the status (the status counts are taken from this). With
    /// <paramref name="scopePerRow"/> the scope is checked on each row rather than searched along a (UnitId, …) index
    /// ("UnitId + 0" hides the column from the planner), so a query can walk (Status, DueAt) in order instead.
    /// </summary>
    public async Task<IQueryable<Case>> WithoutStatusAsync(CaseFilter filter, CancellationToken ct, bool scopePerRow = false)
    {
        var query = scopePerRow
            ? await access.InScope(db.Cases.AsNoTracking(), c => c.UnitId + 0, CaseRoles.Readers, ct)
            : await access.InScope(db.Cases.AsNoTracking(), c => c.UnitId, CaseRoles.Readers, ct);
        if (!string.IsNullOrEmpty(filter.Category))
        {
            query = query.Where(c => c.Category == filter.Category);
        }

        if (filter.AgencyId is { } agencyId)
        {
            query = query.Where(c => c.AgencyId == agencyId);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (filter.Due == "overdue")
        {
            query = query.Where(c => OpenStatuses.Contains(c.Status) && c.DueAt != null && c.DueAt < now);
        }
        else if (filter.Due == "week")
        {
            var today = office.Today;
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var (from, to) = office.RangeUtc(monday, monday.AddDays(6));
            query = query.Where(c => OpenStatuses.Contains(c.Status) && c.DueAt >= from && c.DueAt < to);
        }

        var text = filter.Q?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            if (text.StartsWith('#') && long.TryParse(text.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                query = query.Where(c => c.Id == id);
            }
            else
            {
                await BackfillSearchTextAsync(ct);
                var folded = VietnameseFold.Fold(text);
                query = query.Where(c => c.SearchText!.Contains(folded));
            }
        }

        return query;
    }

    public static IQueryable<Case> WithStatus(IQueryable<Case> query, string? status)
    {
        if (status == "all")
        {
            return query;
        }

        if (Enum.TryParse<CaseStatus>(status, ignoreCase: false, out var one) && Enum.IsDefined(one) && !char.IsDigit(status![0]))
        {
            return query.Where(c => c.Status == one);
        }

        return query.Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Rejected);
    }

    /// <summary>Overdue open cases first, then open cases by deadline, then the rest newest first.</summary>
    public IQueryable<Case> Ordered(IQueryable<Case> query)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return query
            .OrderByDescending(c => OpenStatuses.Contains(c.Status) && c.DueAt != null && c.DueAt < now)
            .ThenByDescending(c => OpenStatuses.Contains(c.Status))
            .ThenBy(c => c.DueAt == null)
            .ThenBy(c => c.DueAt)
            .ThenByDescending(c => c.Id);
    }

    public IQueryable<CaseListRow> Rows(IQueryable<Case> query)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return query.Select(c => new CaseListRow(c.Id, c.UnitId, c.Title, c.Status, c.Severity, c.Category,
            db.Units.Where(u => u.Id == c.AgencyId).Select(u => u.Name).FirstOrDefault(),
            db.Units.Where(u => u.Id == c.UnitId).Select(u => u.Name).First(),
            c.CreatedAt, c.DueAt, c.AnsweredAt,
            OpenStatuses.Contains(c.Status) && c.DueAt != null && c.DueAt < now));
    }

    /// <summary>Cases stored before 0022 have no folded text yet: fold them once, in batches, the first time anyone searches.</summary>
    private async Task BackfillSearchTextAsync(CancellationToken ct)
    {
        while (true)
        {
            var batch = await db.Cases.Where(c => c.SearchText == null).OrderBy(c => c.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var item in batch)
            {
                item.SearchText = Case.Fold(item.Title, item.Description);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A case changed meanwhile: the next search folds it.
                return;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
