using DuLuan.Infrastructure.Concerns;

namespace DuLuan.Features.Concerns.Intake;

/// <summary>The kernel's <see cref="IConcernFiling"/>: a concern filed by another capability goes through <see cref="ConcernIntake"/>.</summary>
public sealed class ConcernFiling(ConcernIntake intake) : IConcernFiling
{
    public async Task<long> FileFromOpinionReportAsync(long unitId, string title, string description, CancellationToken ct)
    {
        var result = await intake.SubmitAsync(new ConcernDraft(unitId, title, description, new Contact(null, null), ConcernSource.OpinionReport), ct);
        return result.ConcernId;
    }
}
