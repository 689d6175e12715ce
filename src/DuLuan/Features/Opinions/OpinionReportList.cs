using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Opinions;

/// <summary>
/// What the list of opinion reports is asked for: reports whose period meets [From, To], with a stream on a topic (its
/// folded name) or of a tendency, of one commune, or only the member's own; and a page. The filters are about topics
/// and places, never about who said what.
/// </summary>
public sealed record OpinionFilter(DateOnly? From, DateOnly? To, string? Topic, Tendency? Tendency, long? CommuneId, bool Mine, int Page)
{
    public const int PageSize = 30;

    /// <summary>The query string of this filter on another page.</summary>
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

        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("topic", Topic);
        Add("tendency", Tendency?.ToString());
        Add("communeId", CommuneId?.ToString(CultureInfo.InvariantCulture));
        Add("mine", Mine ? "true" : null);
        Add("trang", page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null);
        return string.Join('&', parts);
    }
}

/// <summary>A report in the list: where, which period, when sent, and the topics and tendencies of its streams.</summary>
public sealed record OpinionListRow(long Id, string Commune, DateOnly Start, DateOnly End, DateTime SubmittedAt, bool Mine, IReadOnlyList<string> Topics, IReadOnlyList<Tendency> Tendencies);

/// <summary>The opinion reports a member may read (<see cref="OpinionRoles.ReadableReportsAsync"/>), filtered and paged, newest first.</summary>
public sealed class OpinionReportList(AppDbContext db, UnitScope access)
{
    public const int MaxTopicLength = OpinionLimits.TopicName;

    public async Task<(List<OpinionListRow> Rows, int Total)> PageAsync(OpinionFilter filter, CancellationToken ct)
    {
        var query = await FilteredAsync(filter, ct);
        var total = await query.CountAsync(ct);
        var me = access.MemberId ?? string.Empty;
        var rows = await query.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
            .Skip((filter.Page - 1) * OpinionFilter.PageSize).Take(OpinionFilter.PageSize)
            .Select(r => new
            {
                r.Id,
                Commune = db.Units.Where(u => u.Id == r.UnitId).Select(u => u.Name).First(),
                r.PeriodStart,
                r.PeriodEnd,
                r.SubmittedAt,
                Mine = r.MemberId == me,
                Topics = r.Streams.OrderBy(s => s.Id).Select(s => s.Topic!.Name).ToList(),
                Tendencies = r.Streams.OrderBy(s => s.Id).Select(s => s.Tendency).ToList(),
            })
            .ToListAsync(ct);
        return (rows.Select(r => new OpinionListRow(r.Id, r.Commune, r.PeriodStart, r.PeriodEnd, r.SubmittedAt, r.Mine,
            r.Topics.Distinct(StringComparer.Ordinal).ToList(), r.Tendencies.Distinct().Order().ToList())).ToList(), total);
    }

    /// <summary>The topics (one per folded name) and communes met in the reports the member may read, for the filters.</summary>
    public async Task<(List<(string Folded, string Name)> Topics, List<(long Id, string Name)> Communes)> ChoicesAsync(CancellationToken ct)
    {
        var readable = await OpinionRoles.ReadableReportsAsync(db, access, ct);
        var topics = await readable.SelectMany(r => r.Streams).Select(s => new { s.Topic!.NameFolded, s.Topic.Name }).Distinct().Take(1000).ToListAsync(ct);
        var communes = await db.Units.AsNoTracking().Where(u => readable.Any(r => r.UnitId == u.Id)).OrderBy(u => u.NameFolded).Take(1000)
            .Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        return (topics.GroupBy(t => t.NameFolded).Select(g => (g.Key, g.First().Name)).OrderBy(t => t.Key, StringComparer.Ordinal).ToList(),
            communes.Select(c => (c.Id, c.Name)).ToList());
    }

    private async Task<IQueryable<OpinionReport>> FilteredAsync(OpinionFilter filter, CancellationToken ct)
    {
        var query = (await OpinionRoles.ReadableReportsAsync(db, access, ct)).AsNoTracking();
        if (filter.Mine)
        {
            var me = access.MemberId ?? string.Empty;
            query = query.Where(r => r.MemberId == me);
        }

        if (filter.From is { } from)
        {
            query = query.Where(r => r.PeriodEnd >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(r => r.PeriodStart <= to);
        }

        if (filter.CommuneId is { } commune)
        {
            query = query.Where(r => r.UnitId == commune);
        }

        if (!string.IsNullOrEmpty(filter.Topic))
        {
            var folded = OpinionText.Fold(filter.Topic);
            query = query.Where(r => r.Streams.Any(s => s.Topic!.NameFolded == folded));
        }

        if (filter.Tendency is { } tendency)
        {
            query = query.Where(r => r.Streams.Any(s => s.Tendency == tendency));
        }

        return query;
    }
}
