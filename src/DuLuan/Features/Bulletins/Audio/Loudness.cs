namespace DuLuan.Features.Bulletins.Audio;

/// <summary>
/// Integrated loudness after ITU-R BS.1770-4 (K-weighting, 400 ms blocks overlapping by 75 %, absolute gate -70 LUFS,
/// relative gate -10 LU), and the gain that brings speech to a target with its peaks kept under a ceiling.
/// </summary>
public static class Loudness
{
    /// <summary>The integrated loudness in LUFS, or negative infinity for silence.</summary>
    public static double Integrated(Pcm pcm)
    {
        var filtered = KWeighted(pcm);
        var block = (int)(0.4 * pcm.SampleRate);
        var step = block / 4;
        var powers = new List<double>();
        for (var start = 0; start + block <= filtered.Length; start += step)
        {
            var sum = 0.0;
            for (var i = start; i < start + block; i++)
            {
                sum += filtered[i] * filtered[i];
            }

            powers.Add(sum / block);
        }

        var loud = powers.Where(p => Lufs(p) > -70).ToList();
        if (loud.Count == 0)
        {
            return double.NegativeInfinity;
        }

        var relative = Lufs(loud.Average()) - 10;
        var gated = loud.Where(p => Lufs(p) > relative).ToList();
        return Lufs(gated.Average());
    }

    /// <summary>The highest sample peak in dBFS.</summary>
    public static double PeakDbfs(Pcm pcm)
    {
        var peak = pcm.Samples.Length == 0 ? 0 : pcm.Samples.Max(s => Math.Abs((int)s));
        return peak == 0 ? double.NegativeInfinity : 20 * Math.Log10(peak / 32768.0);
    }

    /// <summary>
    /// Brings <paramref name="pcm"/> to <paramref name="targetLufs"/>; samples that would pass <paramref name="ceilingDbfs"/>
    /// are bent softly under it (a tanh knee above 80 % of the ceiling), which touches only speech's rare peaks.
    /// </summary>
    public static Pcm Normalise(Pcm pcm, double targetLufs, double ceilingDbfs)
    {
        var measured = Integrated(pcm);
        if (double.IsNegativeInfinity(measured))
        {
            return pcm;
        }

        var gain = Math.Pow(10, (targetLufs - measured) / 20);
        var ceiling = Math.Pow(10, ceilingDbfs / 20);
        var knee = 0.8 * ceiling;
        var output = new short[pcm.Samples.Length];
        for (var i = 0; i < output.Length; i++)
        {
            var x = pcm.Samples[i] / 32768.0 * gain;
            var magnitude = Math.Abs(x);
            if (magnitude > knee)
            {
                magnitude = knee + ((ceiling - knee) * Math.Tanh((magnitude - knee) / (ceiling - knee)));
                x = Math.CopySign(magnitude, x);
            }

            output[i] = (short)Math.Clamp(Math.Round(x * 32768.0), short.MinValue, short.MaxValue);
        }

        return new Pcm(pcm.SampleRate, output);
    }

    private static double Lufs(double meanSquare) => -0.691 + (10 * Math.Log10(meanSquare));

    private static double[] KWeighted(Pcm pcm)
    {
        var x = pcm.Samples.Select(s => s / 32768.0).ToArray();
        // Stage 1: the head's high shelf (+4 dB above ~1.5 kHz); stage 2: the RLB high-pass (~38 Hz), as BS.1770 for any rate.
        var shelf = HighShelf(pcm.SampleRate, 1500, 4.0, 1 / Math.Sqrt(2));
        var highPass = HighPass(pcm.SampleRate, 38, 0.5);
        return Filter(Filter(x, shelf), highPass);
    }

    private static (double B0, double B1, double B2, double A1, double A2) HighShelf(int rate, double frequency, double gainDb, double q)
    {
        var a = Math.Pow(10, gainDb / 40);
        var w0 = 2 * Math.PI * frequency / rate;
        var alpha = Math.Sin(w0) / (2 * q);
        var cos = Math.Cos(w0);
        var root = 2 * Math.Sqrt(a) * alpha;
        var a0 = (a + 1) - ((a - 1) * cos) + root;
        return (
            a * ((a + 1) + ((a - 1) * cos) + root) / a0,
            -2 * a * ((a - 1) + ((a + 1) * cos)) / a0,
            a * ((a + 1) + ((a - 1) * cos) - root) / a0,
            2 * ((a - 1) - ((a + 1) * cos)) / a0,
            ((a + 1) - ((a - 1) * cos) - root) / a0);
    }

    private static (double B0, double B1, double B2, double A1, double A2) HighPass(int rate, double frequency, double q)
    {
        var w0 = 2 * Math.PI * frequency / rate;
        var alpha = Math.Sin(w0) / (2 * q);
        var cos = Math.Cos(w0);
        var a0 = 1 + alpha;
        return ((1 + cos) / 2 / a0, -(1 + cos) / a0, (1 + cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0);
    }

    private static double[] Filter(double[] x, (double B0, double B1, double B2, double A1, double A2) f)
    {
        var y = new double[x.Length];
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var value = (f.B0 * x[i]) + (f.B1 * x1) + (f.B2 * x2) - (f.A1 * y1) - (f.A2 * y2);
            x2 = x1;
            x1 = x[i];
            y2 = y1;
            y1 = value;
            y[i] = value;
        }

        return y;
    }
}
