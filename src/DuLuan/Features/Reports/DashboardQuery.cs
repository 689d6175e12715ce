using System.Globalization;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Reporting;
using DuLuan.Infrastructure.Text;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports;

/// <summary>
/// The unit and period of /Reports and /Reports/Drill, read from the query string with a reason per field, and
/// the unit checked against the member's staff subtrees (outside them: not found).
/// </summary>
public sealed class DashboardQuery(UnitScope scope, OfficeTime office)
{
    /// <summary>Staff: everyone but collaborators, who file opinion reports and read nothing else.</summary>
    public static readonly Role[] Staff = RoleTable.Staff;

    public sealed record Outcome(Unit? Unit, ReportPeriod Period, string? Field, Message? Error)
    {
        public bool NotFound => Error is null && Unit is null;
    }

    public DateOnly Today() => office.Today;

    public Task<IQueryable<Unit>> UnitsAsync(CancellationToken ct) => scope.UnitsAsync(Staff, ct);

    public async Task<Outcome> ReadAsync(IQueryCollection query, CancellationToken ct)
    {
        var period = ReportPeriod.QuarterOf(Today());
        if (query.TryGetValue("period", out var periods))
        {
            if (periods.Count != 1)
            {
                return new(null, period, "period", new Message("Reports.Query.OnePeriod"));
            }

            if (!ReportPeriod.TryRead(periods[0], out period, out var error))
            {
                return new(null, default, "period", error);
            }
        }

        var units = await UnitsAsync(ct);
        if (query.TryGetValue("unit", out var ids))
        {
            var text = ids.Count == 1 ? ids[0] : null;
            if (text is null || text.Length is 0 or > 18 || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return new(null, period, "unit", new Message("Reports.Query.UnitId"));
            }

            return new(await units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct), period, null, null);
        }

        // No unit chosen: the member's widest subtree.
        return new(await units.AsNoTracking().OrderBy(u => u.Depth).ThenBy(u => u.Id).FirstOrDefaultAsync(ct), period, null, null);
    }

    /// <summary>Quarters, halves and years from three years back to this year, newest first.</summary>
    public IReadOnlyList<ReportPeriod> Choices()
    {
        var year = Today().Year;
        var list = new List<ReportPeriod>();
        for (var y = year; y >= Math.Max(ReportPeriod.MinYear, year - 3); y--)
        {
            list.AddRange([ReportPeriod.Quarter(y, 4), ReportPeriod.Quarter(y, 3), ReportPeriod.Quarter(y, 2), ReportPeriod.Quarter(y, 1), ReportPeriod.Half(y, 2), ReportPeriod.Half(y, 1), ReportPeriod.OfYear(y)]);
        }

        return list;
    }

    public static string Range(ReportPeriod period)
        => VietnameseFormat.ShortDate(period.Start) + " \u2013 " + VietnameseFormat.ShortDate(period.End);

    public static string Format(double? value, FigureKind kind) => value switch
    {
        null => "\u2013",
        { } v when kind == FigureKind.Count => VietnameseFormat.Number(v, 0),
        { } v when kind == FigureKind.Percent => VietnameseFormat.Percent(v),
        { } v => VietnameseFormat.Number(v),
    };

    /// <summary>"+12", "−3,5 điểm", "0": the change against the previous period; null when either side is missing.</summary>
    public static string? Difference(Figure figure)
    {
        if (figure.Value is not { } now || figure.Previous is not { } before)
        {
            return null;
        }

        var diff = Math.Round(now - before, 1);
        var text = Format(Math.Abs(diff), figure.Kind == FigureKind.Percent ? FigureKind.Days : figure.Kind);
        var sign = diff > 0 ? "+" : diff < 0 ? "\u2212" : string.Empty;
        return figure.Kind == FigureKind.Percent ? sign + ReportWords.Of("Reports.Text.Points", text) : sign + text;
    }

    /// <summary>"up", "down" or "same", for the arrow.</summary>
    public static string Trend(Figure figure)
        => figure.Value is { } now && figure.Previous is { } before ? (now > before ? "up" : now < before ? "down" : "same") : "same";
}
