namespace DuLuan.Features.Opinions;

public enum Cadence
{
    Weekly,
    Monthly,
    Quarterly,
}

/// <summary>How often a collaborator reports, per membership; a collaborator without a row reports monthly.</summary>
public sealed class OpinionCadence
{
    public long Id { get; set; }

    public long MembershipId { get; set; }

    public Cadence Cadence { get; set; }
}
