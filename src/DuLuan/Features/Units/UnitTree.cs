using System.Text;
using DuLuan.Analysis.Text;
using DuLuan.Data;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Units;

/// <summary>Creates units and keeps the materialised path right.</summary>
public sealed class UnitTree(AppDbContext db, OfficeTime office)
{
    public const string RootName = "Việt Nam";

    public async Task<Unit> EnsureRootAsync(CancellationToken cancellationToken = default)
    {
        var root = await db.Units.FirstOrDefaultAsync(u => u.ParentId == null && u.Kind == UnitKind.Other, cancellationToken);
        if (root is not null)
        {
            return root;
        }

        root = NewUnit(null, RootName, UnitKind.Other, null);
        root.Depth = 0;
        db.Units.Add(root);
        await db.SaveChangesAsync(cancellationToken);
        root.Path = $"/{root.Id}/";
        await db.SaveChangesAsync(cancellationToken);
        return root;
    }

    public async Task<Unit> AddChildAsync(Unit parent, string name, UnitKind kind, string? code, CancellationToken cancellationToken = default)
    {
        var unit = NewUnit(code, name, kind, parent);
        db.Units.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        unit.Path = $"{parent.Path}{unit.Id}/";
        await db.SaveChangesAsync(cancellationToken);
        return unit;
    }

    public Unit NewUnit(string? code, string name, UnitKind kind, Unit? parent)
    {
        var clean = CleanName(name);
        return new Unit
        {
            Code = code,
            Name = clean,
            NameFolded = VietnameseFold.Fold(clean),
            Kind = kind,
            ParentId = parent?.Id,
            Parent = parent,
            Depth = parent is null ? 0 : parent.Depth + 1,
            ActiveFrom = office.Today,
        };
    }

    public static string CleanName(string name) => string.Join(' ', Nfc.Of(name)
        .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
