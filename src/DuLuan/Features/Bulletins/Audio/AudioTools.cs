using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Bulletins.Audio;

/// <summary>
/// Runs the helper programs (espeak-ng, lame) with an argument list (never a shell) in a private temporary folder,
/// which is removed afterwards; a program that fails or outlives its time is reported with what it wrote to stderr.
/// </summary>
public sealed class AudioTools(IOptions<BulletinAudioOptions> options)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public BulletinAudioOptions Options => options.Value;

    /// <summary>The full path of a program (as configured, or found on PATH), or null when it is not installed.</summary>
    public static string? Find(string program)
    {
        if (program.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(program) ? program : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);
    }

    /// <summary>Encodes PCM as a mono MP3 at the configured bit rate.</summary>
    public Task<byte[]> EncodeMp3Async(Pcm pcm, CancellationToken ct)
        => InFolderAsync(async folder =>
        {
            var wav = Path.Combine(folder, "in.wav");
            var mp3 = Path.Combine(folder, "out.mp3");
            await File.WriteAllBytesAsync(wav, pcm.ToWav(), ct);
            await RunAsync(Options.Lame, ["--quiet", "--noreplaygain", "-m", "m", "-b", Options.BitRate.ToString(System.Globalization.CultureInfo.InvariantCulture), wav, mp3], folder, ct);
            return await File.ReadAllBytesAsync(mp3, ct);
        });

    /// <summary>Decodes an MP3 (from an HTTP provider, or to measure what was encoded) to PCM.</summary>
    public Task<Pcm> DecodeMp3Async(byte[] mp3Bytes, CancellationToken ct)
        => InFolderAsync(async folder =>
        {
            var mp3 = Path.Combine(folder, "in.mp3");
            var wav = Path.Combine(folder, "out.wav");
            await File.WriteAllBytesAsync(mp3, mp3Bytes, ct);
            await RunAsync(Options.Lame, ["--quiet", "--decode", mp3, wav], folder, ct);
            return Pcm.FromWav(await File.ReadAllBytesAsync(wav, ct));
        });

    /// <summary>Runs a program to its end; throws with its stderr when it fails.</summary>
    public static async Task RunAsync(string program, IEnumerable<string> arguments, string folder, CancellationToken ct)
    {
        var path = Find(program) ?? throw new InvalidOperationException($"{program} is not installed");
        var start = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = folder };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Limit);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {(await error).Trim()}");
        }
    }

    private static async Task<T> InFolderAsync<T>(Func<string, Task<T>> work)
    {
        var folder = Directory.CreateTempSubdirectory("duluan-audio-").FullName;
        try
        {
            return await work(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A private temporary folder for one piece of work, removed afterwards.</summary>
    public static Task<T> InTemporaryFolderAsync<T>(Func<string, Task<T>> work) => InFolderAsync(work);
}
