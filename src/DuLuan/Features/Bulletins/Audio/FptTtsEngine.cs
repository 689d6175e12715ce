using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Bulletins.Audio;

/// <summary>
/// FPT.AI text-to-speech v5, the HTTP provider many Vietnamese offices use (contract in docs/bulletins.md): the text is
/// POSTed as the UTF-8 body with the headers `api-key`, `voice`, `speed` and `format: mp3`; the answer is JSON
/// <c>{"async": url, "error": 0, "message": ..., "request_id": ...}</c>, and the MP3 appears at the async URL a few
/// seconds later (404 until then), so it is polled. The MP3 is decoded to PCM so loudness is set as for espeak-ng.
/// </summary>
public sealed class FptTtsEngine(IHttpClientFactory http, AudioTools tools, IOptions<BulletinAudioOptions> options, TimeProvider clock) : ISpeechEngine
{
    public const string EngineName = "fpt-ai";
    public const string ClientName = "bulletins-tts";

    /// <summary>FPT.AI refuses bodies shorter than 3 or longer than 5,000 characters.</summary>
    public const int MaxCharacters = 5000;

    public string Name => EngineName;

    public string? Problem => string.IsNullOrWhiteSpace(options.Value.FptApiKey) ? "Bulletins:FptApiKey is not set" : AudioTools.Find(options.Value.Lame) is null ? "lame is not installed" : null;

    public async Task<Pcm> SpeakAsync(string text, CancellationToken ct)
    {
        var o = options.Value;
        var client = http.CreateClient(ClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, o.FptUrl) { Content = new StringContent(text.Length < 3 ? text.PadRight(3, '.') : text, Encoding.UTF8, "text/plain") };
        request.Headers.Add("api-key", o.FptApiKey);
        request.Headers.Add("voice", o.FptVoice);
        request.Headers.Add("speed", o.FptSpeed.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("format", "mp3");
        using var response = await client.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"FPT.AI answered {(int)response.StatusCode}: {Cut(body)}");
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : -1;
        if (error != 0 || !root.TryGetProperty("async", out var link) || link.GetString() is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var audio) || audio.Scheme is not ("https" or "http"))
        {
            var message = root.TryGetProperty("message", out var m) ? m.ToString() : body;
            throw new InvalidOperationException($"FPT.AI refused the text (error {error}): {Cut(message)}");
        }

        return await tools.DecodeMp3Async(await WaitForFileAsync(client, audio, o, ct), ct);
    }

    private async Task<byte[]> WaitForFileAsync(HttpClient client, Uri audio, BulletinAudioOptions o, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow().AddSeconds(o.FptWaitSeconds);
        while (true)
        {
            using var file = await client.GetAsync(audio, ct);
            if (file.IsSuccessStatusCode)
            {
                return await file.Content.ReadAsByteArrayAsync(ct);
            }

            if (file.StatusCode != HttpStatusCode.NotFound || clock.GetUtcNow() > deadline)
            {
                throw new InvalidOperationException($"FPT.AI's audio file is not there ({(int)file.StatusCode})");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(o.FptPollMilliseconds), ct);
        }
    }

    private static string Cut(string s) => s.Length > 300 ? s[..300] : s;
}
