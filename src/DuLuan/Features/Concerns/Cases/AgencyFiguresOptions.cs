namespace DuLuan.Features.Concerns.Cases;

/// <summary>Setting <c>Cases:AgencyFigures:Minutes</c>: how often the public agency figures of every place are computed again (0 turns the job off).</summary>
public sealed class AgencyFiguresOptions
{
    public const string Section = "Cases:AgencyFigures";

    public int Minutes { get; set; } = 10;

    public TimeSpan Interval => TimeSpan.FromMinutes(Minutes);
}
