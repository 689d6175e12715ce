using System.Net;
using System.Text.Json;

namespace DuLuan.Features.Publish.Channels;

/// <summary>Sends one request with the configured timeout and turns the answer (or its absence) into a <see cref="ConnectorResult"/>.</summary>
public static class ConnectorHttp
{
    public const string ClientName = "publish-channels";
    private const int MaxResponseBytes = 256 * 1024;

    public static bool IsRetryable(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    public static async Task<ConnectorResult> SendAsync(IHttpClientFactory factory, PublishOptions options, HttpRequestMessage request, Func<HttpStatusCode, JsonElement, ConnectorResult> read, CancellationToken ct)
    {
        var client = factory.CreateClient(ClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var bytes = await ReadCappedAsync(response, timeout.Token);
            JsonElement body;
            try
            {
                body = bytes.Length == 0 ? default : JsonDocument.Parse(bytes).RootElement.Clone();
            }
            catch (JsonException)
            {
                body = default;
            }

            return read(response.StatusCode, body);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return ConnectorResult.Error(null, $"Timeout after {options.TimeoutSeconds} s", retryable: true);
        }
        catch (HttpRequestException e)
        {
            return ConnectorResult.Error(null, "Connection failed: " + e.Message, retryable: true);
        }
    }

    private static async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxResponseBytes)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
