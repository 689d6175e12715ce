namespace DuLuan.Features.Opinions;

public static class OpinionLimits
{
    public const int TopicName = 120;
    public const int Summary = 2000;
    public const int Suggestion = 1000;
    public const int IdempotencyKey = 64;
    public const int MaxStreams = 10;

    /// <summary>Longest period a report or a briefing may cover.</summary>
    public const int MaxPeriodDays = 366;
}
