using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace DuLuan.Infrastructure.Metrics;

/// <summary>
/// Collects counters and histograms (count and sum) from our meter and ASP.NET Core's, and renders
/// them in the Prometheus text format. OpenTelemetry packages are not available here.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    private static readonly string[] Meters = [DuLuanMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting"];
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<(string Name, string Labels), Series> series = new();

    public PrometheusExporter(IMeterFactory meterFactory)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            // A listener hears every meter of that name in the process; only this host's (made by its factory) count,
            // so two hosts in one process (the tests) do not add up each other's figures.
            if (Meters.Contains(instrument.Meter.Name, StringComparer.Ordinal)
                && (instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, meterFactory)))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        listener.Start();
    }

    public string Render()
    {
        var text = new StringBuilder();
        foreach (var group in series.OrderBy(s => s.Key.Name, StringComparer.Ordinal).GroupBy(s => s.Key.Name))
        {
            var name = Sanitize(group.Key);
            var histogram = group.First().Value.IsHistogram;
            text.Append(CultureInfo.InvariantCulture, $"# TYPE {name} {(histogram ? "summary" : "counter")}\n");
            foreach (var (key, value) in group)
            {
                var labels = key.Labels.Length == 0 ? string.Empty : "{" + key.Labels + "}";
                if (histogram)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{name}_count{labels} {value.Count}\n");
                    text.Append(CultureInfo.InvariantCulture, $"{name}_sum{labels} {value.Sum}\n");
                }
                else
                {
                    text.Append(CultureInfo.InvariantCulture, $"{name}_total{labels} {value.Sum}\n");
                }
            }
        }

        return text.ToString();
    }

    public void Dispose() => listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new StringBuilder();
        foreach (var tag in tags)
        {
            if (labels.Length > 0)
            {
                labels.Append(',');
            }

            var tagValue = Convert.ToString(tag.Value, CultureInfo.InvariantCulture)?.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
            labels.Append(CultureInfo.InvariantCulture, $"{Sanitize(tag.Key)}=\"{tagValue}\"");
        }

        var entry = series.GetOrAdd((instrument.Name, labels.ToString()), _ => new Series(instrument is Histogram<double> or Histogram<long> or Histogram<int>));
        entry.Add(value);
    }

    private static string Sanitize(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(chars[i]) && chars[i] != '_')
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }

    private sealed class Series(bool isHistogram)
    {
        private readonly Lock gate = new();

        public bool IsHistogram { get; } = isHistogram;

        public long Count { get; private set; }

        public double Sum { get; private set; }

        public void Add(double value)
        {
            lock (gate)
            {
                Count++;
                Sum += value;
            }
        }
    }
}
