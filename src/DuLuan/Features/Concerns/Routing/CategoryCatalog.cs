using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Routing;

/// <summary>
/// The categories of a province: the province (or, for a unit with no province above it, the tree's root) owns one
/// list, which starts as the default list (<see cref="ConcernCategories.All"/>, names from the resources in both
/// languages) the first time it is needed, and which its admins then edit.
/// </summary>
public sealed class CategoryCatalog(AppDbContext db)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    // Remembered for the scope (one request): a public post asks for its category three times (the check of the post,
    // the intake, the router), and the owner (two reads) and the list's existence (one) do not change within a request.
    private readonly Dictionary<long, long> owners = [];
    private readonly HashSet<long> ensured = [];

    /// <summary>The unit whose list applies to <paramref name="unitId"/>: its nearest province at or above it, else its root.</summary>
    public async Task<long> OwnerOfAsync(long unitId, CancellationToken ct = default)
    {
        if (owners.TryGetValue(unitId, out var known))
        {
            return known;
        }

        var owner = await FindOwnerAsync(unitId, ct);
        owners[unitId] = owner;
        return owner;
    }

    private async Task<long> FindOwnerAsync(long unitId, CancellationToken ct)
    {
        var path = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"Unit {unitId} does not exist.");
        var ids = PathIds(path);
        var provinces = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Kind == UnitKind.Province).Select(u => new { u.Id, u.Depth }).ToListAsync(ct);
        return provinces.Count > 0 ? provinces.MaxBy(p => p.Depth)!.Id : ids[0];
    }

    public static List<long> PathIds(string path)
        => path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToList();

    /// <summary>The list of the owner of <paramref name="unitId"/>, in its order; retired ones only when asked.</summary>
    public async Task<List<Category>> ForUnitAsync(long unitId, bool includeRetired = false, CancellationToken ct = default)
        => await ListAsync(await OwnerOfAsync(unitId, ct), includeRetired, ct);

    public async Task<List<Category>> ListAsync(long ownerId, bool includeRetired = false, CancellationToken ct = default)
    {
        await EnsureDefaultsAsync(ownerId, ct);
        return await db.Categories.AsNoTracking()
            .Where(c => c.ProvinceId == ownerId && (includeRetired || !c.Retired))
            .OrderBy(c => c.Position).ThenBy(c => c.Id)
            .ToListAsync(ct);
    }

    /// <summary>The category <paramref name="key"/> of the list that applies to <paramref name="unitId"/> (retired ones too, so old records keep their name).</summary>
    public async Task<Category?> FindAsync(long unitId, string? key, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(key) || key.Length > Category.MaxKeyLength)
        {
            return null;
        }

        var owner = await OwnerOfAsync(unitId, ct);
        await EnsureDefaultsAsync(owner, ct);
        return await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.ProvinceId == owner && c.Key == key, ct);
    }

    /// <summary>
    /// The categories a member can filter by: the lists of the owners above their units and of every province inside
    /// them, one entry per key (the first list's name), in list order.
    /// </summary>
    public async Task<List<Category>> ChoicesAsync(IEnumerable<long> grantUnitIds, IQueryable<Unit> scopedUnits, CancellationToken ct = default)
    {
        var owners = new HashSet<long>();
        foreach (var unitId in grantUnitIds.Distinct())
        {
            owners.Add(await OwnerOfAsync(unitId, ct));
        }

        foreach (var owner in owners)
        {
            await EnsureDefaultsAsync(owner, ct);
        }

        var rows = await db.Categories.AsNoTracking()
            .Where(c => owners.Contains(c.ProvinceId) || scopedUnits.Any(u => u.Id == c.ProvinceId))
            .OrderBy(c => c.Position).ThenBy(c => c.Id)
            .ToListAsync(ct);
        return rows.DistinctBy(c => c.Key).ToList();
    }

    /// <summary>Names records by their unit and category key, each in the list of the unit's province (retired ones too).</summary>
    public async Task<Func<long, string?, string?>> NamerAsync(IEnumerable<long> unitIds, CancellationToken ct = default)
    {
        var ownerOf = new Dictionary<long, long>();
        foreach (var unitId in unitIds.Distinct())
        {
            ownerOf[unitId] = await OwnerOfAsync(unitId, ct);
        }

        var owners = ownerOf.Values.Distinct().ToList();
        foreach (var owner in owners)
        {
            await EnsureDefaultsAsync(owner, ct);
        }

        var names = (await db.Categories.AsNoTracking().Where(c => owners.Contains(c.ProvinceId)).ToListAsync(ct))
            .ToDictionary(c => (c.ProvinceId, c.Key), c => c.Shown);
        return (unitId, key) => key is not null && ownerOf.TryGetValue(unitId, out var owner) && names.TryGetValue((owner, key), out var name) ? name : key;
    }

    /// <summary>Inserts the default list for an owner that has none yet; a concurrent insert of the same list is harmless.</summary>
    public async Task EnsureDefaultsAsync(long ownerId, CancellationToken ct = default)
    {
        // A list is never deleted: once seen, it is there for the rest of the request.
        if (ensured.Contains(ownerId) || await db.Categories.AnyAsync(c => c.ProvinceId == ownerId, ct))
        {
            ensured.Add(ownerId);
            return;
        }

        var position = 0;
        var added = ConcernCategories.All.Select(key => new Category
        {
            ProvinceId = ownerId,
            Key = key,
            NameVi = new Message("Concerns.Category." + key).In(Vi),
            NameEn = new Message("Concerns.Category." + key).In(En),
            Position = ++position * 10,
        }).ToList();
        db.Categories.AddRange(added);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            foreach (var row in added)
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }
}
