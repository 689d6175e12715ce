namespace DuLuan.Infrastructure.Cases;

/// <summary>A case to open for something the office promised in public (a commitment made at a dialogue with residents).</summary>
/// <param name="UnitId">The place the case is about.</param>
/// <param name="AgencyId">The agency that answers it, or null to route it later.</param>
/// <param name="Title">Public title (already cleaned by the caller).</param>
/// <param name="Description">Public description (already cleaned by the caller).</param>
/// <param name="DueAtUtc">The deadline promised.</param>
/// <param name="Note">The public history line of its opening ("Cam kết tại buổi đối thoại …").</param>
public sealed record CaseRequest(long UnitId, long? AgencyId, string Title, string Description, DateTime DueAtUtc, string? Note);

/// <summary>An opened case: its id for staff links and its random public reference (/vu-viec/{ref}).</summary>
public sealed record OpenedCase(long Id, string PublicRef);

/// <summary>Where an opened case stands: answered (and when), its deadline, and its status's resource key.</summary>
public sealed record CaseProgress(long Id, string PublicRef, DateTime? AnsweredAtUtc, DateTime? DueAtUtc, string StatusKey)
{
    public bool KeptOnTime => AnsweredAtUtc is { } at && (DueAtUtc is not { } due || at <= due);
}

/// <summary>
/// Opens cases and reports on them for other capabilities, so they need not depend on Concerns (which implements it).
/// <see cref="OpenAsync"/> saves through the request's one database context: inside the caller's transaction when it
/// has begun one, so a case and the record that asked for it are written together.
/// </summary>
public interface ICaseOpener
{
    Task<OpenedCase> OpenAsync(CaseRequest request, CancellationToken ct);

    Task<IReadOnlyDictionary<long, CaseProgress>> ProgressAsync(IReadOnlyCollection<long> caseIds, CancellationToken ct);

    /// <summary>
    /// Ids of the cases answered by <paramref name="nowUtc"/> and by their deadline (or with none), as a query on the
    /// request's database context, so a report can count and list what it composes with it.
    /// </summary>
    IQueryable<long> AnsweredOnTime(DateTime nowUtc);
}
