using DuLuan.Data;

namespace DuLuan.Infrastructure;

/// <summary>What a CLI verb or a test decides about the web host before it is built.</summary>
public sealed record WebHostSettings(DatabaseOptions Database, string[] Urls)
{
    /// <summary>Extra configuration (tests set metrics tokens, rate limits, secure cookies).</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    public string[] Args { get; init; } = [];
}
