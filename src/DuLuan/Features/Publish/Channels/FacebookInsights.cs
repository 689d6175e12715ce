using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Publish.Channels;

/// <summary>A post's figures so far on a platform (lifetime totals, as the platform reports them).</summary>
public sealed record PulledMetrics(long Views, long Reach, long Reactions, long Comments, long Shares, long LinkClicks);

/// <summary>A connector that can read a published post's figures back from its platform.</summary>
public interface IMetricsConnector
{
    ChannelKind Kind { get; }

    Task<(PulledMetrics? Metrics, ConnectorResult? Error)> FetchAsync(PublishChannel channel, string token, string externalPostId, CancellationToken ct);
}

/// <summary>
/// Facebook Page post insights through the Graph API. Meta replaced "impressions" with "views" on 15 November 2025, so
/// the metrics asked for are the current ones: <c>post_media_view</c> (views), <c>post_total_media_view_unique</c>
/// (reach; the documented alternative to <c>post_impressions_unique</c>), <c>post_reactions_by_type_total</c> and
/// <c>post_clicks_by_type</c> ("link clicks"), all with <c>period=lifetime</c>, from
/// <c>GET /{post-id}/insights</c>; comments and shares are fields of the post itself
/// (<c>GET /{post-id}?fields=shares,comments.summary(true).limit(0)</c>). Errors are Graph's error object, classified
/// as when publishing (code 190: token rejected).
/// </summary>
public sealed class FacebookInsights(IHttpClientFactory http, IOptions<PublishOptions> options) : IMetricsConnector
{
    public static readonly string[] Metrics = ["post_media_view", "post_total_media_view_unique", "post_reactions_by_type_total", "post_clicks_by_type"];

    public const string PostFields = "shares,comments.summary(true).limit(0)";

    public ChannelKind Kind => ChannelKind.Facebook;

    public async Task<(PulledMetrics? Metrics, ConnectorResult? Error)> FetchAsync(PublishChannel channel, string token, string externalPostId, CancellationToken ct)
    {
        var baseUrl = options.Value.FacebookBaseUrl.TrimEnd('/');
        var post = Uri.EscapeDataString(externalPostId);
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        using (var insights = new HttpRequestMessage(HttpMethod.Get, $"{baseUrl}/{post}/insights?metric={string.Join(',', Metrics)}&period=lifetime&access_token={Uri.EscapeDataString(token)}"))
        {
            var result = await ConnectorHttp.SendAsync(http, options.Value, insights, (status, body) => ReadInsights(status, body, values), ct);
            if (!result.Ok)
            {
                return (null, result);
            }
        }

        long comments = 0, shares = 0;
        using (var fields = new HttpRequestMessage(HttpMethod.Get, $"{baseUrl}/{post}?fields={Uri.EscapeDataString(PostFields)}&access_token={Uri.EscapeDataString(token)}"))
        {
            var result = await ConnectorHttp.SendAsync(http, options.Value, fields, (status, body) =>
            {
                if (FacebookConnector.GraphError(status, body) is { } error)
                {
                    return error;
                }

                if (status != HttpStatusCode.OK || body.ValueKind != JsonValueKind.Object)
                {
                    return ConnectorResult.Error((int)status, $"Facebook: HTTP {(int)status}", ConnectorHttp.IsRetryable(status));
                }

                shares = body.TryGetProperty("shares", out var s) && s.TryGetProperty("count", out var sc) && sc.TryGetInt64(out var sn) ? sn : 0;
                comments = body.TryGetProperty("comments", out var c) && c.TryGetProperty("summary", out var summary) && summary.TryGetProperty("total_count", out var cc) && cc.TryGetInt64(out var cn) ? cn : 0;
                return ConnectorResult.Published(externalPostId);
            }, ct);
            if (!result.Ok)
            {
                return (null, result);
            }
        }

        return (new PulledMetrics(Number(values, "post_media_view"), Number(values, "post_total_media_view_unique"), Sum(values, "post_reactions_by_type_total", null),
            comments, shares, Sum(values, "post_clicks_by_type", "link clicks")), null);
    }

    private static ConnectorResult ReadInsights(HttpStatusCode status, JsonElement body, Dictionary<string, JsonElement> values)
    {
        if (FacebookConnector.GraphError(status, body) is { } error)
        {
            return error;
        }

        if (status != HttpStatusCode.OK || body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            return ConnectorResult.Error((int)status, $"Facebook: HTTP {(int)status}, no insights", ConnectorHttp.IsRetryable(status));
        }

        foreach (var metric in data.EnumerateArray())
        {
            if (metric.TryGetProperty("name", out var name) && name.GetString() is { } key
                && metric.TryGetProperty("values", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
                && list[list.GetArrayLength() - 1].TryGetProperty("value", out var value))
            {
                values[key] = value.Clone();
            }
        }

        return ConnectorResult.Published("insights");
    }

    private static long Number(Dictionary<string, JsonElement> values, string key)
        => values.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n >= 0 ? n : 0;

    /// <summary>A by-type metric is an object of counts; the sum of all, or only one type's count.</summary>
    private static long Sum(Dictionary<string, JsonElement> values, string key, string? only)
    {
        if (!values.TryGetValue(key, out var v) || v.ValueKind != JsonValueKind.Object)
        {
            return 0;
        }

        long total = 0;
        foreach (var property in v.EnumerateObject())
        {
            if ((only is null || string.Equals(property.Name, only, StringComparison.Ordinal)) && property.Value.TryGetInt64(out var n) && n > 0)
            {
                total += n;
            }
        }

        return total;
    }
}
