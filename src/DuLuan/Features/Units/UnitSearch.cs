using DuLuan.Analysis.Text;

namespace DuLuan.Features.Units;

/// <summary>The one unit search, shared by the picker page and its JSON API: folded key, shallow units first.</summary>
public static class UnitSearch
{
    public const int MaxQueryLength = 100;

    /// <summary>The folded search key, or empty when the query is blank or too long.</summary>
    public static string Key(string? query)
    {
        var key = VietnameseFold.Fold(UnitTree.CleanName(query ?? string.Empty));
        return key.Length <= MaxQueryLength ? key : string.Empty;
    }

    public static IQueryable<UnitSummary> Find(IQueryable<Unit> units, string key, int take)
        => (key.Length > 0 ? units.Where(u => u.NameFolded.Contains(key)) : units)
            .OrderBy(u => u.Depth).ThenBy(u => u.NameFolded).Take(take)
            .Select(u => new UnitSummary(u.Id, u.Code, u.Name, u.Kind.ToString(), u.ParentId, u.Depth));
}
