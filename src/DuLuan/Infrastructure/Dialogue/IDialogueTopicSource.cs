namespace DuLuan.Infrastructure.Dialogue;

/// <summary>
/// A question staff may put to a dialogue with residents, drawn from what residents raise: the most reported open
/// concerns by category and place, the opinion topics that are rising. Never names a resident.
/// </summary>
/// <param name="Kind">The source's short name ("concerns", "opinions").</param>
/// <param name="Key">Stable key of the suggestion within its source (to add it once).</param>
/// <param name="Label">What it is drawn from, in Vietnamese ("Giao thông · Phường Hoà Khánh").</param>
/// <param name="Question">The question as staff would put it, in Vietnamese (editable once added).</param>
/// <param name="Count">How many reports, concerns or cases stand behind it.</param>
public sealed record TopicSuggestion(string Kind, string Key, string Label, string Question, int Count);

/// <summary>Implemented by the capabilities that hold what residents raise (Concerns, Opinions); read by Dialogue.</summary>
public interface IDialogueTopicSource
{
    string Kind { get; }

    /// <summary>The resource key of this source's name, shown to staff.</summary>
    string LabelKey { get; }

    /// <summary>The strongest suggestions for the unit's subtree since <paramref name="sinceUtc"/>, strongest first.</summary>
    Task<IReadOnlyList<TopicSuggestion>> SuggestAsync(long unitId, DateTime sinceUtc, int max, CancellationToken ct);
}
