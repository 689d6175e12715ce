namespace DuLuan.Features.Surveys;

public sealed record OptionResult(string Key, string Label, int? Count, double? Percent, double? Margin, double? DesignEffect, string? Summary);

public sealed record MeanResult(double Estimate, double Margin, double? DesignEffect, string Summary);

/// <summary>One cell of a cross-tab: unweighted count, weighted percent and its 95% margin (points); all null when hidden.</summary>
public sealed record UnitCell(int? Count, double? Percent, double? Margin);

public sealed record UnitRow(long UnitId, string Unit, int? Answered, List<UnitCell> Cells);

/// <summary>A row of a cross-tab by another question: the respondents who picked <see cref="Key"/> there.</summary>
public sealed record CrossRow(string Key, string Label, int? Answered, List<UnitCell> Cells);

public sealed record QuestionResult(string Key, string Type, string Label, int? Answered, List<OptionResult> Options, MeanResult? Mean, List<UnitRow> ByUnit, List<CrossRow>? CrossTab)
{
    /// <summary>Free-text answers grouped by similarity (groups under 5 left out), for text questions.</summary>
    public TextGroups? TextGroups { get; init; }
}

/// <summary>One group of similar free-text answers: how many, and a few of them (already redacted at intake).</summary>
public sealed record TextGroup(int Count, List<string> Examples);

/// <summary>Groups of similar answers, largest first; <see cref="Hidden"/> answers sit in groups under 5; <see cref="Read"/> answers were grouped.</summary>
public sealed record TextGroups(int Read, int Hidden, List<TextGroup> Groups);

public sealed record UnitProgress(long UnitId, string Unit, int Responses, int? Quota, long? Population);

public sealed record ResultsReport(long SurveyId, string Title, string Language, int Responses, bool Weighted, string WeightNote, List<string> UnitsWithoutPopulation, List<QuestionResult> Questions, List<UnitProgress> Units, string? Filter, string? CrossBy, CalibrationInfo? Calibration);

/// <summary>
/// How the weights were made: "raking" (unit, sex, age band; with the rounds, the largest margin gap
/// left in people, the weights at the trimming cap) or "post-stratification" (by unit), with the
/// reason raking was not used when the office asked for it.
/// </summary>
public sealed record CalibrationInfo(string Method, int? Iterations, bool? Converged, double? MaxMarginError, int? Trimmed, double? Cap, string? Problem);

/// <summary>
/// What to show: only respondents of one unit and/or who picked <see cref="Option"/> at
/// <see cref="Question"/>; <see cref="By"/> is "unit" (default) or a question to cross every other by.
/// </summary>
public sealed record ResultsQuery(long? Unit = null, string? Question = null, string? Option = null, string? By = null)
{
    public bool Filtered => Unit is not null || Question is not null;

    public string? CrossQuestion => By is null or "unit" ? null : By;
}
