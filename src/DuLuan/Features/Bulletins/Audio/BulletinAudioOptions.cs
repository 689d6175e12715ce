namespace DuLuan.Features.Bulletins.Audio;

/// <summary>Settings of the `Bulletins` section.</summary>
public sealed class BulletinAudioOptions
{
    public const string Section = "Bulletins";

    /// <summary>"espeak-ng" (built in) or "fpt-ai" (HTTP).</summary>
    public string Engine { get; set; } = "espeak-ng";

    /// <summary>The espeak-ng program (a path, or looked up on PATH).</summary>
    public string Espeak { get; set; } = "espeak-ng";

    /// <summary>espeak-ng's voice and words per minute.</summary>
    public string EspeakVoice { get; set; } = "vi";

    public int EspeakWordsPerMinute { get; set; } = 140;

    /// <summary>The lame MP3 encoder (a path, or looked up on PATH).</summary>
    public string Lame { get; set; } = "lame";

    /// <summary>MP3 bit rate in kbit/s (mono speech for loudspeakers).</summary>
    public int BitRate { get; set; } = 64;

    /// <summary>Integrated loudness aimed at (ITU-R BS.1770, LUFS): -16 is the common level for spoken programmes on small speakers.</summary>
    public double TargetLufs { get; set; } = -16;

    /// <summary>The highest sample peak allowed after the gain (dBFS); louder peaks are softly limited.</summary>
    public double PeakDbfs { get; set; } = -1;

    /// <summary>FPT.AI text-to-speech v5 (docs/bulletins.md): address, key, voice, speed (-3..3).</summary>
    public string FptUrl { get; set; } = "https://api.fpt.ai/hmi/tts/v5";

    public string? FptApiKey { get; set; }

    public string FptVoice { get; set; } = "banmai";

    public int FptSpeed { get; set; }

    /// <summary>How long to wait for FPT.AI's asynchronous file before giving up, and between polls.</summary>
    public int FptWaitSeconds { get; set; } = 120;

    public int FptPollMilliseconds { get; set; } = 1000;

    /// <summary>Seconds between passes of the render job (0 = off), and the lease a render holds.</summary>
    public int JobSeconds { get; set; } = 5;

    public int LeaseSeconds { get; set; } = 600;
}
