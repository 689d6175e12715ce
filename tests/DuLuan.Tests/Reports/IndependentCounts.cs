using System.Data.Common;
using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Reports;

/// <summary>
/// Each figure written again as plain SQL over the tables, with the period's bounds spelt out (local midnight in
/// Asia/Ho_Chi_Minh is 17:00 UTC the day before), to check the LINQ behind the dashboard.
/// </summary>
public static class IndependentCounts
{
    private const string Sub = "JOIN units u ON u.\"Id\" = x.\"UnitId\" WHERE u.\"Path\" LIKE @p";

    public static readonly IReadOnlyDictionary<string, string> Sql = new Dictionary<string, string>
    {
        ["opinions.reports"] = $"SELECT COUNT(*) FROM opinion_reports x {Sub} AND x.\"PeriodStart\" >= @s AND x.\"PeriodStart\" <= @e",
        ["opinions.streams"] = $"SELECT COUNT(*) FROM opinion_streams st JOIN opinion_reports x ON x.\"Id\" = st.\"ReportId\" {Sub} AND x.\"PeriodStart\" >= @s AND x.\"PeriodStart\" <= @e",
        ["concerns.received"] = $"SELECT COUNT(*) FROM concerns x {Sub} AND x.\"ReceivedAt\" >= @f AND x.\"ReceivedAt\" < @t AND x.\"Status\" NOT IN ('Held', 'Dismissed')",
        ["concerns.cases"] = $"SELECT COUNT(*) FROM cases x {Sub} AND x.\"CreatedAt\" >= @f AND x.\"CreatedAt\" < @t",
        ["concerns.answered"] = $"SELECT COUNT(*) FROM cases x {Sub} AND x.\"AnsweredAt\" >= @f AND x.\"AnsweredAt\" < @t",
        ["concerns.due"] = $"SELECT COUNT(*) FROM cases x {Sub} AND x.\"Status\" <> 'Rejected' AND x.\"DueAt\" >= @f AND x.\"DueAt\" < @t AND x.\"DueAt\" <= @now",
        ["concerns.on_time"] = $"SELECT COUNT(*) FROM cases x {Sub} AND x.\"Status\" <> 'Rejected' AND x.\"DueAt\" >= @f AND x.\"DueAt\" < @t AND x.\"DueAt\" <= @now AND x.\"AnsweredAt\" <= x.\"DueAt\"",
        ["concerns.overdue"] = $"SELECT COUNT(*) FROM cases x {Sub} AND x.\"Status\" <> 'Rejected' AND x.\"DueAt\" >= @f AND x.\"DueAt\" < @t AND x.\"DueAt\" <= @now AND (x.\"AnsweredAt\" IS NULL OR x.\"AnsweredAt\" > x.\"DueAt\")",
        ["surveys.run"] = $"SELECT COUNT(*) FROM surveys x {Sub} AND EXISTS (SELECT 1 FROM survey_responses r WHERE r.\"SurveyId\" = x.\"Id\" AND r.\"ReceivedOn\" >= @s AND r.\"ReceivedOn\" <= @e)",
        ["surveys.responses"] = $"SELECT COUNT(*) FROM survey_responses x {Sub} AND x.\"ReceivedOn\" >= @s AND x.\"ReceivedOn\" <= @e",
        ["publish.posts"] = $"SELECT COUNT(*) FROM posts x {Sub} AND x.\"Status\" = 'Published' AND x.\"PublishedAt\" >= @f AND x.\"PublishedAt\" < @t",
        ["publish.reach"] = $"SELECT COALESCE(SUM(x.\"Reach\"), 0) FROM post_metrics x {Sub} AND x.\"Day\" >= @s AND x.\"Day\" <= @e",
        ["publish.interactions"] = $"SELECT COALESCE(SUM(x.\"Reactions\" + x.\"Comments\" + x.\"Shares\"), 0) FROM post_metrics x {Sub} AND x.\"Day\" >= @s AND x.\"Day\" <= @e",
        ["dialogue.sessions"] = $"SELECT COUNT(*) FROM dialogue_sessions x {Sub} AND x.\"HeldAt\" >= @f AND x.\"HeldAt\" < @t",
        ["claims.registered"] = $"SELECT COUNT(*) FROM claims x {Sub} AND x.\"CreatedAt\" >= @f AND x.\"CreatedAt\" < @t",
        ["claims.rebutted"] = $"SELECT COUNT(*) FROM claims x {Sub} AND x.\"PublishedAt\" >= @f AND x.\"PublishedAt\" < @t",
        ["monitoring.stories"] = $"SELECT COUNT(*) FROM stories x {Sub} AND x.\"FirstSeenAt\" >= @f AND x.\"FirstSeenAt\" < @t",
        ["monitoring.alerts"] = $"SELECT COUNT(*) FROM alerts x {Sub} AND x.\"CreatedAt\" >= @f AND x.\"CreatedAt\" < @t",
    };

    public static async Task<long> CountAsync(AppDbContext db, string key, string path, DuLuan.Features.Reports.ReportPeriod period, DateTime now)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Sql[key];
        Add(command, "@p", path + "%");
        Add(command, "@s", period.Start);
        Add(command, "@e", period.End);
        Add(command, "@f", period.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7));
        Add(command, "@t", period.End.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7));
        Add(command, "@now", now);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Median days from creation to answer of the cases answered in the period, computed here from raw rows.</summary>
    public static async Task<double?> MedianDaysAsync(AppDbContext db, string path, DuLuan.Features.Reports.ReportPeriod period)
    {
        var from = period.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
        var to = period.End.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
        var rows = await db.Cases.FromSqlRaw(
                "SELECT x.* FROM cases x JOIN units u ON u.\"Id\" = x.\"UnitId\" WHERE u.\"Path\" LIKE {0} AND x.\"AnsweredAt\" >= {1} AND x.\"AnsweredAt\" < {2}", path + "%", from, to)
            .AsNoTracking().Select(c => new { c.CreatedAt, c.AnsweredAt }).ToListAsync();
        if (rows.Count == 0)
        {
            return null;
        }

        // Each case's answer time is first rounded to a tenth of a day (the resolution the monthly sums keep).
        var tenths = rows.Select(r => (long)Math.Round((r.AnsweredAt!.Value - r.CreatedAt).TotalDays * 10, MidpointRounding.AwayFromZero)).Order().ToArray();
        var m = tenths.Length / 2;
        var median = tenths.Length % 2 == 1 ? tenths[m] : (tenths[m - 1] + tenths[m]) / 2.0;
        return Math.Round(median / 10.0, 1, MidpointRounding.AwayFromZero);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
