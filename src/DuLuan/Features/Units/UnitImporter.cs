using DuLuan.Analysis.Text;
using DuLuan.Data;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Units;

/// <summary>
/// Imports official units by code in one transaction: new codes are created, known codes take the
/// file's spelling (the 2026 list respells names only in tone-mark placement), nothing is duplicated.
/// </summary>
public sealed class UnitImporter(AppDbContext db, UnitTree tree)
{
    public async Task<UnitImportResult> ImportAsync(IReadOnlyList<UnitImportRow> rows, CancellationToken cancellationToken = default)
    {
        Validate(rows);
        // A caller that audits the import holds the transaction itself.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var root = await tree.EnsureRootAsync(cancellationToken);
        var codes = rows.Select(r => r.Code).ToList();
        var existing = await db.Units.Where(u => u.Code != null).ToDictionaryAsync(u => u.Code!, StringComparer.Ordinal, cancellationToken);
        foreach (var row in rows.Where(r => r.ParentCode is not null && !existing.ContainsKey(r.ParentCode!) && !codes.Contains(r.ParentCode!)))
        {
            throw new UnitImportException(new Message("Units.Import.NoParent", row.Line, row.ParentCode));
        }

        int created = 0, renamed = 0, unchanged = 0;
        var pending = new List<Unit>();
        foreach (var row in OrderParentsFirst(rows))
        {
            var name = UnitTree.CleanName(row.Name);
            if (existing.TryGetValue(row.Code, out var unit))
            {
                if (string.Equals(unit.Name, name, StringComparison.Ordinal))
                {
                    unchanged++;
                }
                else
                {
                    unit.Name = name;
                    unit.NameFolded = VietnameseFold.Fold(name);
                    renamed++;
                }

                continue;
            }

            var parent = row.ParentCode is null ? root : existing[row.ParentCode];
            unit = tree.NewUnit(row.Code, name, row.Kind, parent);
            db.Units.Add(unit);
            existing[row.Code] = unit;
            pending.Add(unit);
            created++;
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var unit in pending)
        {
            unit.Path = $"{unit.Parent!.Path}{unit.Id}/";
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return new UnitImportResult(created, renamed, unchanged);
    }

    private static void Validate(IReadOnlyList<UnitImportRow> rows)
    {
        if (rows.Count == 0)
        {
            throw new UnitImportException(new Message("Units.Import.NoUnits"));
        }

        var seen = new Dictionary<string, UnitImportRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!seen.TryAdd(row.Code, row))
            {
                throw new UnitImportException(new Message("Units.Import.DuplicateCode", row.Line, row.Code, seen[row.Code].Line));
            }
        }

        foreach (var row in rows)
        {
            var visited = new HashSet<string>(StringComparer.Ordinal) { row.Code };
            var current = row;
            while (current.ParentCode is { } parentCode && seen.TryGetValue(parentCode, out var parent))
            {
                if (!visited.Add(parent.Code))
                {
                    throw new UnitImportException(new Message("Units.Import.ParentCycle", row.Line, parent.Code));
                }

                current = parent;
            }
        }
    }

    private static IEnumerable<UnitImportRow> OrderParentsFirst(IReadOnlyList<UnitImportRow> rows)
    {
        var byCode = rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
        int DepthOf(UnitImportRow row)
        {
            var depth = 0;
            for (var r = row; r.ParentCode is { } p && byCode.TryGetValue(p, out var parent); r = parent)
            {
                depth++;
            }

            return depth;
        }

        return rows.OrderBy(DepthOf).ThenBy(r => r.Line);
    }
}
