namespace DuLuan.Analysis.Trends;

public sealed record SpikeOptions
{
    public int WindowHours { get; init; } = 3;

    /// <summary>Previous days whose same hours form the daily part of the baseline.</summary>
    public int BaselineDays { get; init; } = 14;

    /// <summary>Previous weeks whose same weekday and hours form the weekly part of the baseline.</summary>
    public int BaselineWeeks { get; init; } = 4;

    /// <summary>Below this many days of history there is no baseline to rise against: never a spike.</summary>
    public int MinimumHistoryDays { get; init; } = 3;

    /// <summary>Floor of the expected count, so an empty history does not make every item a spike of probability zero.</summary>
    public double MinimumExpected { get; init; } = 0.5;

    public double PValueThreshold { get; init; } = 0.001;

    public int MinimumCount { get; init; } = 5;

    /// <summary>Observed must be at least this many times the expected count.</summary>
    public double MinimumRatio { get; init; } = 2.0;
}
