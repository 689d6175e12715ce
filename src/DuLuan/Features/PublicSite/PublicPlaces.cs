using DuLuan.Data;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.PublicSite;

/// <summary>A place residents can reach: a commune or province with an official code, at /cong/{code}.</summary>
public sealed record PublicPlace(long Id, string Code, string Name, UnitKind Kind)
{
    public string Home => "/cong/" + Uri.EscapeDataString(Code);
}

/// <summary>Finds public places by official code, by id (for the old id-based addresses) and by typed name (folded).</summary>
public sealed class PublicPlaces(AppDbContext db)
{
    public const int MaxCodeLength = 20;
    public const int SearchSize = 20;

    private IQueryable<Unit> Places => db.Units.AsNoTracking()
        .Where(u => u.Code != null && (u.Kind == UnitKind.Commune || u.Kind == UnitKind.Province));

    public Task<PublicPlace?> ByCodeAsync(string? code, CancellationToken ct)
        => code?.Length is > 0 and <= MaxCodeLength
            ? Places.Where(u => u.Code == code).Select(u => new PublicPlace(u.Id, u.Code!, u.Name, u.Kind)).FirstOrDefaultAsync(ct)
            : Task.FromResult<PublicPlace?>(null);

    public Task<PublicPlace?> ByIdAsync(long id, CancellationToken ct)
        => Places.Where(u => u.Id == id).Select(u => new PublicPlace(u.Id, u.Code!, u.Name, u.Kind)).FirstOrDefaultAsync(ct);

    /// <summary>Places whose name contains what was typed, diacritics and case ignored ("hoa khanh" finds "Hoà Khánh"); provinces first.</summary>
    public async Task<List<PublicPlace>> SearchAsync(string? typed, CancellationToken ct)
    {
        var key = UnitSearch.Key(typed);
        if (key.Length == 0)
        {
            return [];
        }

        var rows = await UnitSearch.Find(Places, key, SearchSize).ToListAsync(ct);
        return rows.Select(r => new PublicPlace(r.Id, r.Code!, r.Name, Enum.Parse<UnitKind>(r.Kind))).ToList();
    }
}
