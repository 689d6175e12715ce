using System.Diagnostics;
using System.Globalization;
using DuLuan.Features.Bulletins.Audio;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DuLuan.Tests.Bulletins;

/// <summary>
/// The speech engines and the audio chain: espeak-ng for real (scripts/test.sh installs it), the FPT.AI provider against a
/// loopback fake that checks its contract, and the loudness reached on the decoded MP3 (ITU-R BS.1770).
/// </summary>
public sealed class SpeechEngineTests(ITestOutputHelper output)
{
    public const string Sample = "Ủy ban nhân dân phường Hòa Khánh thông báo: từ bảy giờ ba mươi phút ngày tám tháng mười hai, cắt điện khu vực tổ năm để bảo trì. Bà con chú ý sắp xếp công việc. Xin cảm ơn bà con đã lắng nghe.";

    private static BulletinAudioOptions Settings(Action<BulletinAudioOptions>? change = null)
    {
        var o = new BulletinAudioOptions();
        change?.Invoke(o);
        return o;
    }

    [Fact]
    public async Task Espeak_ng_speaks_vietnamese_as_pcm()
    {
        var engine = new EspeakEngine(Options.Create(Settings()));
        Assert.Null(engine.Problem);

        var pcm = await engine.SpeakAsync(Sample, TestContext.Current.CancellationToken);

        Assert.InRange(pcm.Duration.TotalSeconds, 5, 60);
        Assert.True(Loudness.Integrated(pcm) > -40, "silence");
    }

    [Fact]
    public async Task A_missing_program_is_named_not_crashed()
    {
        var engine = new EspeakEngine(Options.Create(Settings(o => o.Espeak = "/nonexistent/espeak-ng")));
        Assert.Contains("espeak-ng", engine.Problem, StringComparison.Ordinal);
        var tools = new AudioTools(Options.Create(Settings(o => o.Lame = "/nonexistent/lame")));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => tools.EncodeMp3Async(FptFake.Tone(1), TestContext.Current.CancellationToken));
        Assert.Contains("not installed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rendered_mp3_reaches_the_target_loudness_and_reports_its_length()
    {
        var options = Options.Create(Settings());
        var tools = new AudioTools(options);
        var renderer = new AudioRenderer([new EspeakEngine(options)], tools, options);
        var text = string.Join(' ', Enumerable.Repeat(Sample, 6));
        var steps = new List<int>();
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var watch = Stopwatch.StartNew();

        var audio = await renderer.RenderAsync(text, p => { steps.Add(p); return Task.CompletedTask; }, TestContext.Current.CancellationToken);

        watch.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"espeak-ng: {audio.Duration.TotalSeconds:0.0} s of speech in {watch.Elapsed.TotalSeconds:0.00} s ({watch.Elapsed.TotalSeconds / audio.Duration.TotalMinutes:0.00} s per minute of speech), {audio.Mp3.Length} bytes, {audio.Lufs:0.0} LUFS, peak {audio.PeakDbfs:0.0} dBFS, load {load}"));
        Assert.Equal("espeak-ng", audio.Engine);
        Assert.True(audio.Mp3.Length > 1000 && (audio.Mp3[0] == 0xFF || audio.Mp3.AsSpan(0, 3).SequenceEqual("ID3"u8)), "not an MP3");
        Assert.InRange(audio.Duration.TotalSeconds, 30, 600);
        Assert.InRange(audio.Lufs, -17.5, -14.5);
        Assert.True(audio.PeakDbfs <= -0.5, $"peak {audio.PeakDbfs}");
        Assert.True(steps.Count >= 2 && steps[^1] == 100 && steps.SequenceEqual(steps.Order()), string.Join(',', steps));
    }

    [Fact]
    public void Loudness_of_a_full_scale_1_khz_tone_is_about_minus_3_lufs()
    {
        // BS.1770's reference: a 0 dBFS 997 Hz sine in one channel reads -3.01 LKFS.
        const int rate = 48000;
        var samples = Enumerable.Range(0, rate * 3).Select(i => (short)(32767 * Math.Sin(2 * Math.PI * 997 * i / rate))).ToArray();
        Assert.InRange(Loudness.Integrated(new Pcm(rate, samples)), -3.2, -2.8);
        Assert.True(double.IsNegativeInfinity(Loudness.Integrated(new Pcm(rate, new short[rate]))));
    }

    [Fact]
    public void Broken_wave_files_are_refused()
    {
        Assert.Throws<InvalidDataException>(() => Pcm.FromWav("RIFF0000WAVE"u8));
        Assert.Throws<InvalidDataException>(() => Pcm.FromWav([]));
        Assert.Throws<InvalidDataException>(() => Pcm.FromWav("<html>not audio</html>"u8));
        var wav = FptFake.Tone(0.5).ToWav();
        Assert.Equal(FptFake.Tone(0.5).Samples, Pcm.FromWav(wav).Samples);
        Assert.Throws<InvalidDataException>(() => Pcm.FromWav(wav.AsSpan(0, 30)));
    }

    [Fact]
    public async Task The_fpt_ai_provider_keeps_the_contract_and_waits_for_the_file()
    {
        await using var fake = await FptFake.StartAsync();
        var options = Options.Create(Settings(o =>
        {
            o.Engine = FptTtsEngine.EngineName;
            o.FptUrl = fake.Url;
            o.FptApiKey = FptFake.Key;
            o.FptPollMilliseconds = 50;
        }));
        using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var engine = new FptTtsEngine(services.GetRequiredService<IHttpClientFactory>(), new AudioTools(options), options, TimeProvider.System);
        Assert.Null(engine.Problem);

        var pcm = await engine.SpeakAsync(Sample, TestContext.Current.CancellationToken);

        Assert.Empty(fake.Violations);
        Assert.Equal(Sample, Assert.Single(fake.Texts));
        Assert.InRange(pcm.Duration.TotalSeconds, Sample.Length / 15.0 - 1, Sample.Length / 15.0 + 1);
    }

    [Fact]
    public async Task A_refusal_by_fpt_ai_is_an_error_with_its_message()
    {
        await using var fake = await FptFake.StartAsync();
        var options = Options.Create(Settings(o =>
        {
            o.FptUrl = fake.Url;
            o.FptApiKey = "wrong-key";
        }));
        using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var engine = new FptTtsEngine(services.GetRequiredService<IHttpClientFactory>(), new AudioTools(options), options, TimeProvider.System);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.SpeakAsync(Sample, TestContext.Current.CancellationToken));

        Assert.Contains("api-key", error.Message, StringComparison.Ordinal);
        Assert.Equal("api-key", Assert.Single(fake.Violations));
    }
}
