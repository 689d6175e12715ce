namespace DuLuan.Analysis.Statistics;

public enum DesignProblem
{
    /// <summary>A weight is negative, infinite or not a number.</summary>
    InvalidWeight,

    /// <summary>A finite population correction is missing, not positive, or differs inside one stratum.</summary>
    InvalidFpc,

    /// <summary>A stratum's population size is smaller than its sample size.</summary>
    FpcBelowSampleSize,

    /// <summary>A stratum has a single PSU, so its variance cannot be estimated (R: survey.lonely.psu = "fail").</summary>
    LonelyPsu,

    /// <summary>Arrays of different lengths, or an empty sample.</summary>
    Shape,
}

/// <summary>The sample cannot be analysed as given; <see cref="Row"/> (0-based) or <see cref="Stratum"/> says where.</summary>
public sealed class SurveyDesignException(DesignProblem problem, string message, int? row = null, string? stratum = null) : Exception(message)
{
    public DesignProblem Problem { get; } = problem;

    public int? Row { get; } = row;

    public string? Stratum { get; } = stratum;
}
