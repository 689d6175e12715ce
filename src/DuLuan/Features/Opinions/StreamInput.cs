namespace DuLuan.Features.Opinions;

/// <summary>One stream as posted: strings, so that anything typed or forged gets our own message naming the field.</summary>
public sealed class StreamInput
{
    public string? TopicId { get; set; }

    public string? NewTopic { get; set; }

    public string? Summary { get; set; }

    public string? Tendency { get; set; }

    public string? Intensity { get; set; }

    public string? Spread { get; set; }

    public List<string> Sources { get; set; } = [];

    public string? Suggestion { get; set; }
}

public sealed record StreamView(string Index, StreamInput Input, IReadOnlyList<OpinionTopic> Topics);
