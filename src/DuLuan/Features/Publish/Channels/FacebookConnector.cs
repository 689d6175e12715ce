using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Publish.Channels;

/// <summary>
/// Facebook Page via the Graph API: POST /{page-id}/feed (message, link) for text, POST /{page-id}/photos
/// (source, caption) with an image, the page access token as access_token. Errors come as
/// {"error":{"message","type","code"}}; code 190 (or type OAuthException with 401/403) means the token is rejected.
/// </summary>
public sealed class FacebookConnector(IHttpClientFactory http, IOptions<PublishOptions> options) : IChannelConnector
{
    public const int MaxMessage = 63_206;
    public const int MaxImageBytes = 4 * 1024 * 1024;

    public ChannelKind Kind => ChannelKind.Facebook;

    public async Task<ConnectorResult> PublishAsync(PublishChannel channel, string token, PostPayload payload, CancellationToken ct)
    {
        var message = FacebookMessage(payload);
        var baseUrl = options.Value.FacebookBaseUrl.TrimEnd('/');
        var page = Uri.EscapeDataString(channel.ExternalId);
        using var request = new HttpRequestMessage(HttpMethod.Post, payload.Image is null ? $"{baseUrl}/{page}/feed" : $"{baseUrl}/{page}/photos");
        if (payload.Image is null)
        {
            var fields = new Dictionary<string, string> { ["message"] = message, ["access_token"] = token };
            if (payload.LinkUrl is not null)
            {
                fields["link"] = payload.LinkUrl;
            }

            request.Content = new FormUrlEncodedContent(fields);
        }
        else
        {
            var form = new MultipartFormDataContent();
            var image = new ByteArrayContent(payload.Image);
            image.Headers.ContentType = new MediaTypeHeaderValue(payload.ImageContentType ?? "image/jpeg");
            form.Add(image, "source", payload.ImageContentType == "image/png" ? "image.png" : "image.jpg");
            form.Add(new StringContent(payload.LinkUrl is null ? message : message + "\n\n" + payload.LinkUrl), "caption");
            form.Add(new StringContent(token), "access_token");
            request.Content = form;
        }

        return await ConnectorHttp.SendAsync(http, options.Value, request, ReadAsync, ct);
    }

    public static string FacebookMessage(PostPayload payload) => payload.Title + "\n\n" + payload.Text;

    /// <summary>Graph's error object, classified: null when the body is not an error.</summary>
    internal static ConnectorResult? GraphError(HttpStatusCode status, JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var message = error.TryGetProperty("message", out var m) ? m.GetString() ?? "Graph API error" : "Graph API error";
        var code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : 0;
        var type = error.TryGetProperty("type", out var t) ? t.GetString() : null;
        var tokenRejected = code is 190 or 102 || (type == "OAuthException" && status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
        // 4, 17, 32, 613: Graph's rate limits; 1, 2: transient.
        var retryable = !tokenRejected && (code is 1 or 2 or 4 or 17 or 32 or 613 || ConnectorHttp.IsRetryable(status));
        return ConnectorResult.Error((int)status, $"Facebook ({code}): {message}", retryable, tokenRejected);
    }

    private static ConnectorResult ReadAsync(HttpStatusCode status, JsonElement body)
    {
        if (GraphError(status, body) is { } error)
        {
            return error;
        }

        if (status == HttpStatusCode.OK && body.ValueKind == JsonValueKind.Object)
        {
            var id = body.TryGetProperty("post_id", out var p) ? p.GetString() : body.TryGetProperty("id", out var i) ? i.GetString() : null;
            if (!string.IsNullOrEmpty(id))
            {
                return ConnectorResult.Published(id);
            }
        }

        return ConnectorResult.Error((int)status, $"Facebook: HTTP {(int)status}", ConnectorHttp.IsRetryable(status));
    }
}
