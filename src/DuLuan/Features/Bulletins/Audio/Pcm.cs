using System.Buffers.Binary;

namespace DuLuan.Features.Bulletins.Audio;

/// <summary>Mono 16-bit PCM samples at a rate: what the engines give, the loudness is measured on and lame encodes.</summary>
public sealed class Pcm(int sampleRate, short[] samples)
{
    public int SampleRate { get; } = sampleRate;

    public short[] Samples { get; } = samples;

    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);

    /// <summary>Reads a RIFF/WAVE file of 16-bit PCM (stereo is mixed down to mono); refuses anything else.</summary>
    public static Pcm FromWav(ReadOnlySpan<byte> wav)
    {
        if (wav.Length < 12 || !wav[..4].SequenceEqual("RIFF"u8) || !wav[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException("not a WAVE file");
        }

        int channels = 0, rate = 0, bits = 0;
        var position = 12;
        while (position + 8 <= wav.Length)
        {
            var id = wav.Slice(position, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(wav.Slice(position + 4, 4));
            var body = position + 8;
            // espeak-ng writes 0x7FFFFFFF as the data size when it streams; the data then runs to the end.
            var length = size < 0 || body + size > wav.Length ? wav.Length - body : size;
            if (id.SequenceEqual("fmt "u8) && length >= 16)
            {
                var format = BinaryPrimitives.ReadInt16LittleEndian(wav.Slice(body, 2));
                channels = BinaryPrimitives.ReadInt16LittleEndian(wav.Slice(body + 2, 2));
                rate = BinaryPrimitives.ReadInt32LittleEndian(wav.Slice(body + 4, 4));
                bits = BinaryPrimitives.ReadInt16LittleEndian(wav.Slice(body + 14, 2));
                if (format is not (1 or -2) || bits != 16 || channels is < 1 or > 2 || rate is < 8000 or > 96000)
                {
                    throw new InvalidDataException("only 16-bit PCM mono or stereo is read");
                }
            }
            else if (id.SequenceEqual("data"u8) && channels > 0)
            {
                var frames = length / (2 * channels);
                var samples = new short[frames];
                for (var i = 0; i < frames; i++)
                {
                    var sum = 0;
                    for (var c = 0; c < channels; c++)
                    {
                        sum += BinaryPrimitives.ReadInt16LittleEndian(wav.Slice(body + (((i * channels) + c) * 2), 2));
                    }

                    samples[i] = (short)(sum / channels);
                }

                return new Pcm(rate, samples);
            }

            position = body + length + (length & 1);
        }

        throw new InvalidDataException("no PCM data");
    }

    /// <summary>The samples as a mono 16-bit WAVE file.</summary>
    public byte[] ToWav()
    {
        var data = Samples.Length * 2;
        var wav = new byte[44 + data];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), 36 + data);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), data);
        for (var i = 0; i < Samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(44 + (i * 2)), Samples[i]);
        }

        return wav;
    }

    /// <summary>Pieces one after the other with a short pause between them; all must share one rate.</summary>
    public static Pcm Join(IReadOnlyList<Pcm> pieces, TimeSpan pause)
    {
        if (pieces.Count == 0)
        {
            return new Pcm(22050, []);
        }

        var rate = pieces[0].SampleRate;
        if (pieces.Any(p => p.SampleRate != rate))
        {
            throw new InvalidDataException("pieces differ in sample rate");
        }

        var gap = (int)(rate * pause.TotalSeconds);
        var all = new short[pieces.Sum(p => p.Samples.Length) + (gap * (pieces.Count - 1))];
        var at = 0;
        foreach (var piece in pieces)
        {
            piece.Samples.CopyTo(all, at);
            at += piece.Samples.Length + gap;
        }

        return new Pcm(rate, all);
    }
}
