using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Monitoring.Ingest;

public enum FetchStatus
{
    Ok,
    NotModified,
    Failed,
}

public enum FetchErrorKind
{
    InvalidUrl,
    BlockedAddress,
    HostNotFound,
    ConnectionFailed,
    TooManyRedirects,
    BadRedirect,
    HttpError,
    Timeout,
    TooSlow,
    TooLarge,
    CorruptData,
}

/// <summary>An error in plain words, for an office worker (Vietnamese) and for an operator (English).</summary>
public sealed record FetchError(FetchErrorKind Kind, Message Text)
{
    public string Vietnamese => Text.Vietnamese;

    public string English => Text.English;

    public override string ToString() => Text.Both();
}

public sealed record FetchResult
{
    public required FetchStatus Status { get; init; }
    public required Uri RequestedUrl { get; init; }
    /// <summary>Where the last redirect led; store it to avoid redirects next time on 301/308.</summary>
    public Uri? FinalUrl { get; init; }
    public int? HttpStatus { get; init; }
    /// <summary>Decompressed body; null unless Status is Ok.</summary>
    public byte[]? Body { get; init; }
    public string? ContentType { get; init; }
    /// <summary>charset parameter of Content-Type, for FeedParser.Parse.</summary>
    public string? Charset { get; init; }
    public string? ETag { get; init; }
    public DateTimeOffset? LastModified { get; init; }
    public FetchError? Error { get; init; }
    public TimeSpan Elapsed { get; init; }
}
