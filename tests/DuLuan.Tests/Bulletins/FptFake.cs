using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using DuLuan.Features.Bulletins.Audio;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DuLuan.Tests.Bulletins;

/// <summary>
/// A loopback stand-in for FPT.AI text-to-speech v5 that checks every request against the contract DuLuan implements
/// (docs/bulletins.md): POST /hmi/tts/v5, headers api-key (the configured key), voice (one of FPT.AI's voices), speed
/// (-3..3), format mp3, a UTF-8 text/plain body of 3 to 5,000 characters. It answers FPT.AI's JSON with an async link;
/// the file is 404 on the first request (not ready), then an MP3 one second per 15 characters of text.
/// </summary>
public sealed class FptFake : IAsyncDisposable
{
    public const string Key = "fpt-test-key";
    private static readonly HashSet<string> Voices = ["banmai", "thuminh", "myan", "giahuy", "lannhi", "leminh", "linhsan", "minhquang"];

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, string> texts = new();
    private readonly ConcurrentDictionary<string, int> polls = new();

    public ConcurrentQueue<string> Violations { get; } = new();

    public ConcurrentQueue<string> Texts { get; } = new();

    public string Url => app.Urls.First() + "/hmi/tts/v5";

    private FptFake(WebApplication app) => this.app = app;

    public static async Task<FptFake> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FptFake(app);
        app.MapPost("/hmi/tts/v5", (Delegate)fake.SpeakAsync);
        app.MapGet("/file/{id}.mp3", (Delegate)fake.FileAsync);
        await app.StartAsync();
        return fake;
    }

    private async Task<IResult> SpeakAsync(HttpContext http)
    {
        var request = http.Request;
        var text = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync();
        var problems = new List<string>();
        if (request.Headers["api-key"] != Key)
        {
            problems.Add("api-key");
        }

        if (!Voices.Contains(request.Headers["voice"].ToString()))
        {
            problems.Add("voice");
        }

        if (!int.TryParse(request.Headers["speed"], out var speed) || speed is < -3 or > 3)
        {
            problems.Add("speed");
        }

        if (request.Headers["format"] != "mp3")
        {
            problems.Add("format");
        }

        if (request.ContentType is not { } type || !type.StartsWith("text/plain", StringComparison.Ordinal) || !type.Contains("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("content-type");
        }

        if (text.Length is < 3 or > FptTtsEngine.MaxCharacters)
        {
            problems.Add("length");
        }

        if (problems.Count > 0)
        {
            Violations.Enqueue(string.Join(',', problems));
            return Results.Json(new { error = 1, message = "invalid request: " + string.Join(',', problems) });
        }

        var id = Guid.NewGuid().ToString("N");
        texts[id] = text;
        Texts.Enqueue(text);
        var link = $"{app.Urls.First()}/file/{id}.mp3";
        return Results.Text(JsonSerializer.Serialize(new Dictionary<string, object> { ["async"] = link, ["error"] = 0, ["message"] = "The content will be returned after a few seconds under the async link.", ["request_id"] = id }), "application/json");
    }

    private async Task<IResult> FileAsync(string id)
    {
        if (!texts.TryGetValue(id, out var text))
        {
            return Results.NotFound();
        }

        // Not ready at the first look, as FPT.AI's files are not.
        if (polls.AddOrUpdate(id, 1, (_, n) => n + 1) == 1)
        {
            return Results.NotFound();
        }

        var tools = new AudioTools(Options.Create(new BulletinAudioOptions()));
        return Results.Bytes(await tools.EncodeMp3Async(Tone(Math.Max(1, text.Length / 15.0)), CancellationToken.None), "audio/mpeg");
    }

    /// <summary>A voice-like test signal: a 180 Hz tone with syllable-rate amplitude changes, quieter than the target.</summary>
    public static Pcm Tone(double seconds, int rate = 22050, double amplitude = 0.1)
    {
        var samples = new short[(int)(seconds * rate)];
        for (var i = 0; i < samples.Length; i++)
        {
            var t = (double)i / rate;
            var envelope = 0.5 + (0.5 * Math.Sin(2 * Math.PI * 4 * t));
            samples[i] = (short)(amplitude * envelope * 32767 * Math.Sin(2 * Math.PI * 180 * t));
        }

        return new Pcm(rate, samples);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
