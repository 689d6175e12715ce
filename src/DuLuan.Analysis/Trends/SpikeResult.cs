namespace DuLuan.Analysis.Trends;

/// <param name="Observed">Items in the window.</param>
/// <param name="Expected">Baseline expected count for the window (see <see cref="SpikeDetector"/>).</param>
/// <param name="TypicalDailyLow">10th percentile of daily totals over the history, rounded down ("usually 2–4 a day").</param>
/// <param name="TypicalDailyHigh">90th percentile of daily totals over the history, rounded up.</param>
/// <param name="PValue">P(X &gt;= Observed) for X ~ Poisson(Expected).</param>
/// <param name="HistoryDays">Whole days of history before the window.</param>
public sealed record SpikeResult(
    int Observed,
    double Expected,
    int TypicalDailyLow,
    int TypicalDailyHigh,
    double PValue,
    bool IsSpike,
    int HistoryDays);
