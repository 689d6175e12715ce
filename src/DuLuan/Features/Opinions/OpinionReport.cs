namespace DuLuan.Features.Opinions;

/// <summary>
/// A collaborator's periodic field report (báo cáo dư luận xã hội) for one commune: what residents talk
/// about, as streams by topic. The member id says who filed it, for the cadence; the streams say nothing about anyone.
/// </summary>
public sealed class OpinionReport
{
    public long Id { get; set; }

    public required string MemberId { get; set; }

    public long UnitId { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public DateTime SubmittedAt { get; set; }

    /// <summary>Chosen by the form (or the offline queue) once per report: a replayed post finds the stored report instead of adding one.</summary>
    public required string IdempotencyKey { get; set; }

    public List<OpinionStream> Streams { get; set; } = [];
}
