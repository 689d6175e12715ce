using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Publish.Channels;

/// <summary>
/// Zalo Official Account articles: POST /v2.0/article/create with the OA access token in the access_token header and
/// a JSON body {type:"normal", title ≤ 150, author ≤ 50, cover {cover_type:"photo", photo_url, status}, description ≤ 300,
/// body [{type:"text", content}], status}. Zalo answers HTTP 200 with {"error":0,"data":{"token"}} or {"error":-216,"message"}.
/// </summary>
public sealed class ZaloConnector(IHttpClientFactory http, IOptions<PublishOptions> options) : IChannelConnector
{
    public const int MaxTitle = 150;
    public const int MaxAuthor = 50;
    public const int MaxDescription = 300;

    public ChannelKind Kind => ChannelKind.Zalo;

    public async Task<ConnectorResult> PublishAsync(PublishChannel channel, string token, PostPayload payload, CancellationToken ct)
    {
        var body = new
        {
            type = "normal",
            title = payload.Title,
            author = payload.Author,
            cover = new { cover_type = "photo", photo_url = payload.ImageUrl, status = "show" },
            description = Description(payload.Text),
            body = payload.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => new { type = "text", content = p })
                .Concat(payload.LinkUrl is null ? [] : [new { type = "text", content = payload.LinkUrl }])
                .ToArray(),
            status = "show",
            comment = "show",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.ZaloBaseUrl.TrimEnd('/') + "/v2.0/article/create")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Add("access_token", token);
        return await ConnectorHttp.SendAsync(http, options.Value, request, Read, ct);
    }

    /// <summary>Zalo's summary: the first characters of the text, cut at a word and marked with an ellipsis.</summary>
    public static string Description(string text)
    {
        var flat = string.Join(' ', text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= MaxDescription)
        {
            return flat;
        }

        var cut = flat[..(MaxDescription - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > 200 ? cut[..space] : cut) + "\u2026";
    }

    private static ConnectorResult Read(HttpStatusCode status, JsonElement body)
    {
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var e) && e.TryGetInt32(out var code))
        {
            if (code == 0 && body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("token", out var t) && t.GetString() is { Length: > 0 } id)
            {
                return ConnectorResult.Published(id);
            }

            var message = body.TryGetProperty("message", out var m) ? m.GetString() ?? "Zalo error" : "Zalo error";
            // -216 invalid token, -124 expired token, -220 token of another app: the token is rejected. -32: rate limit.
            var tokenRejected = code is -216 or -124 or -220;
            var retryable = !tokenRejected && (code == -32 || ConnectorHttp.IsRetryable(status));
            return ConnectorResult.Error((int)status, $"Zalo ({code.ToString(System.Globalization.CultureInfo.InvariantCulture)}): {message}", retryable, tokenRejected);
        }

        return ConnectorResult.Error((int)status, $"Zalo: HTTP {(int)status}", ConnectorHttp.IsRetryable(status));
    }
}
