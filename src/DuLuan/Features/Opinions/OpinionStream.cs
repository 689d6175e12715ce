namespace DuLuan.Features.Opinions;

public enum Tendency
{
    Agree,
    Disagree,
    Mixed,
    Undecided,
}

/// <summary>How widely a topic is talked about, narrowest first (order matters: the briefing takes the widest).</summary>
public enum Spread
{
    FewPeople,
    Neighbourhood,
    Commune,
    Beyond,
}

[Flags]
public enum OpinionSources
{
    None = 0,
    Conversation = 1,
    Meeting = 2,
    Loudspeaker = 4,
    Press = 8,
    OfficialPage = 16,
    Other = 32,
}

/// <summary>One stream of opinion in a report: a topic, what is said (redacted), its tendency, intensity and reach.</summary>
public sealed class OpinionStream
{
    public const int MinIntensity = 1;
    public const int MaxIntensity = 5;

    public long Id { get; set; }

    public long ReportId { get; set; }

    public long TopicId { get; set; }

    public OpinionTopic? Topic { get; set; }

    public required string Summary { get; set; }

    public Tendency Tendency { get; set; }

    public int Intensity { get; set; }

    public Spread Spread { get; set; }

    public OpinionSources Sources { get; set; }

    public string? Suggestion { get; set; }

    /// <summary>The concern the suggestion became, so it flows into cases.</summary>
    public long? ConcernId { get; set; }

    /// <summary>Kinds of personal data removed before saving (e.g. "PersonName,Phone"), shown to the collaborator; never the data itself.</summary>
    public string? Redacted { get; set; }
}
