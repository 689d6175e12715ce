namespace DuLuan.Infrastructure.Concerns;

/// <summary>
/// Files a concern on residents' behalf for another capability, so it need not depend on Concerns (which implements it):
/// the same intake as every concern (text cleaned and redacted, same-day duplicates collapsed, routing, observers), with
/// no contact and no follow-up code. Saves through the request's one database context: inside the caller's transaction
/// when it has begun one, so the concern and the record that filed it are written together.
/// </summary>
public interface IConcernFiling
{
    /// <summary>
    /// A suggestion from a collaborator's opinion report, filed as a concern of <paramref name="unitId"/> with the source
    /// "opinion report"; returns the concern's id (the one already stored when the same text arrived that day).
    /// </summary>
    Task<long> FileFromOpinionReportAsync(long unitId, string title, string description, CancellationToken ct);
}
