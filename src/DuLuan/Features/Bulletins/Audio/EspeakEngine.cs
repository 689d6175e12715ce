using System.Globalization;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Bulletins.Audio;

/// <summary>espeak-ng (Debian package `espeak-ng`) with its Vietnamese voice: built in, offline, robotic but clear.</summary>
public sealed class EspeakEngine(IOptions<BulletinAudioOptions> options) : ISpeechEngine
{
    public const string EngineName = "espeak-ng";

    public string Name => EngineName;

    public string? Problem => AudioTools.Find(options.Value.Espeak) is null ? "espeak-ng is not installed (apt-get install espeak-ng)" : null;

    public Task<Pcm> SpeakAsync(string text, CancellationToken ct)
        => AudioTools.InTemporaryFolderAsync(async folder =>
        {
            var input = Path.Combine(folder, "text.txt");
            var wav = Path.Combine(folder, "speech.wav");
            await File.WriteAllTextAsync(input, text, ct);
            var o = options.Value;
            await AudioTools.RunAsync(o.Espeak, ["-v", o.EspeakVoice, "-s", o.EspeakWordsPerMinute.ToString(CultureInfo.InvariantCulture), "-b", "1", "-f", input, "-w", wav], folder, ct);
            return Pcm.FromWav(await File.ReadAllBytesAsync(wav, ct));
        });
}
