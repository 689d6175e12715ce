using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Bulletins.Audio;

/// <summary>What a render made: the MP3, its length, the loudness reached, the engine, and how long it took.</summary>
public sealed record RenderedAudio(byte[] Mp3, TimeSpan Duration, double Lufs, double PeakDbfs, string Engine, TimeSpan Took);

/// <summary>
/// Spoken text → MP3 for loudspeakers: the text is cut at sentence ends into pieces, each piece spoken by the configured
/// engine (progress reported after each), the pieces joined with a short pause, brought to the target loudness and
/// encoded with lame; the result's loudness is measured on the decoded MP3, i.e. on what listeners hear.
/// </summary>
public sealed class AudioRenderer(IEnumerable<ISpeechEngine> engines, AudioTools tools, IOptions<BulletinAudioOptions> options)
{
    public const int PieceCharacters = 600;

    public ISpeechEngine Engine => engines.FirstOrDefault(e => e.Name == options.Value.Engine) ?? engines.First(e => e.Name == EspeakEngine.EngineName);

    /// <summary>Why audio cannot be made here, or null.</summary>
    public string? Problem => Engine.Problem ?? (AudioTools.Find(options.Value.Lame) is null ? "lame is not installed (apt-get install lame)" : null);

    public async Task<RenderedAudio> RenderAsync(string spokenText, Func<int, Task> progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var pieces = Pieces(spokenText);
        var spoken = new List<Pcm>();
        for (var i = 0; i < pieces.Count; i++)
        {
            spoken.Add(await Engine.SpeakAsync(pieces[i], ct));
            await progress((i + 1) * 90 / pieces.Count);
        }

        var o = options.Value;
        var joined = Loudness.Normalise(Pcm.Join(spoken, TimeSpan.FromMilliseconds(400)), o.TargetLufs, o.PeakDbfs);
        var mp3 = await tools.EncodeMp3Async(joined, ct);
        var heard = await tools.DecodeMp3Async(mp3, ct);
        await progress(100);
        return new RenderedAudio(mp3, joined.Duration, Loudness.Integrated(heard), Loudness.PeakDbfs(heard), Engine.Name, watch.Elapsed);
    }

    /// <summary>The text cut at sentence ends (or line ends) into pieces of at most about <see cref="PieceCharacters"/>.</summary>
    public static List<string> Pieces(string text)
    {
        var pieces = new List<string>();
        var current = new StringBuilder();
        foreach (var sentence in Sentences(text))
        {
            if (current.Length > 0 && current.Length + sentence.Length > PieceCharacters)
            {
                pieces.Add(current.ToString().Trim());
                current.Clear();
            }

            current.Append(sentence).Append(' ');
        }

        if (current.ToString().Trim() is { Length: > 0 } last)
        {
            pieces.Add(last);
        }

        return pieces;
    }

    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] is '\n' || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (end || i - start >= PieceCharacters)
            {
                var sentence = text[start..(i + 1)].Trim();
                if (sentence.Length > 0)
                {
                    yield return sentence;
                }

                start = i + 1;
            }
        }

        if (text[start..].Trim() is { Length: > 0 } rest)
        {
            yield return rest;
        }
    }
}
