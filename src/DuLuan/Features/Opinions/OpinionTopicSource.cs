using DuLuan.Data;
using DuLuan.Infrastructure.Dialogue;
using DuLuan.Infrastructure.Text;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Opinions;

/// <summary>
/// Suggestions for a dialogue with residents: the opinion topics of the unit's subtree that are new or rising against
/// the period before (collaborators' reports by topic, never by person), the most reported first.
/// </summary>
public sealed class OpinionTopicSource(AppDbContext db, Briefings briefings, OfficeTime office) : IDialogueTopicSource
{
    public string Kind => "opinions";

    public string LabelKey => "Dialogue.Suggestions.opinions";

    public async Task<IReadOnlyList<TopicSuggestion>> SuggestAsync(long unitId, DateTime sinceUtc, int max, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == unitId, ct);
        var start = office.LocalDay(sinceUtc);
        var today = office.Today;
        var briefing = await briefings.BuildAsync(unit, new ReportingPeriod(start <= today ? start : today, today), ct);
        return briefing.Topics
            .Where(t => t.Trend is Trend.New or Trend.Rising)
            .OrderByDescending(t => t.Reports).ThenBy(t => t.Topic, StringComparer.Ordinal)
            .Take(max)
            .Select(t => new TopicSuggestion(
                Kind,
                t.Topic,
                new Message("Dialogue.Suggest.OpinionLabel", t.Topic, new Message("Dialogue.Trend." + t.Trend).Vietnamese, t.Reports).Vietnamese,
                new Message("Dialogue.Suggest.OpinionQuestion", t.Topic).Vietnamese,
                t.Reports))
            .ToList();
    }
}
