namespace DuLuan.Features.Bulletins.Audio;

/// <summary>One speech engine: Vietnamese text in, 16-bit PCM WAV out. espeak-ng is the built-in default; an HTTP provider is the other.</summary>
public interface ISpeechEngine
{
    /// <summary>The engine's name as stored with the audio ("espeak-ng", "fpt-ai").</summary>
    string Name { get; }

    /// <summary>Why the engine cannot speak here (not installed, no key), or null when it can.</summary>
    string? Problem { get; }

    /// <summary>Speaks one piece of text (a few sentences) as WAV.</summary>
    Task<Pcm> SpeakAsync(string text, CancellationToken ct);
}
