using DuLuan.Data;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// After a start, reads the public list of answered cases once for the first province with stored figures, through the
/// page's own queries: EF compiles them (and opens the pool's first connections) here rather than in a resident's first
/// request. Reads only; the output cache is not touched. Before the first figures pass has stored anything it does
/// nothing (counting a province's figures from its records is not a cheap warm-up).
/// </summary>
public sealed class AnsweredWarmup : IStartupWarmup
{
    public async Task WarmAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var code = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Province && db.AgencyFiguresPlaces.Any(p => p.PlaceId == u.Id))
            .OrderBy(u => u.Id).Select(u => u.Code).FirstOrDefaultAsync(ct);
        if (code is null || await AnsweredModel.FindPlaceAsync(db, code, ct) is not { } place)
        {
            return;
        }

        var model = new AnsweredModel(db, services.GetRequiredService<AgencyFiguresCache>());
        await model.LoadAsync(place, ct);
    }
}
