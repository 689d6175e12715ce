using System.Globalization;

namespace DuLuan.Bench.Trust;

public static partial class LoadDrill
{
    internal sealed class Recorder
    {
        private readonly Lock gate = new();
        private readonly List<double> latencies = [];
        private readonly Dictionary<int, int> statuses = [];

        public int Total { get { lock (gate) { return latencies.Count; } } }

        public void Add(int status, double milliseconds)
        {
            lock (gate)
            {
                latencies.Add(milliseconds);
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
            }
        }

        public int Count(Func<int, bool> which)
        {
            lock (gate)
            {
                return statuses.Where(s => which(s.Key)).Sum(s => s.Value);
            }
        }

        public double Percentile(double p)
        {
            lock (gate)
            {
                if (latencies.Count == 0)
                {
                    return 0;
                }

                var sorted = latencies.Order().ToList();
                return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
            }
        }

        public double P95() => Percentile(0.95);

        public string Statuses()
        {
            lock (gate)
            {
                return string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "no answer" : s.Key.ToString(CultureInfo.InvariantCulture))}: {s.Value:N0}"));
            }
        }

        public string Summary() => $"{Total:N0} requests, p50 {Percentile(0.5):F0} ms, p95 {P95():F0} ms, p99 {Percentile(0.99):F0} ms [{Statuses()}]";
    }
}
