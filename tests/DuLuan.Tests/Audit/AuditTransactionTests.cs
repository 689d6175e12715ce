using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Units;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DuLuan.Tests.Audit;

/// <summary>An audit entry commits with the change it records, or neither is stored.</summary>
public sealed class AuditTransactionTests
{
    private const string Action = "units.created";

    [Theory, Providers]
    public async Task A_change_refused_by_the_database_takes_its_added_entry_with_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        var refused = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            db.Units.Add(DuplicateOf(app.Tree.CommuneA1));
            s.GetRequiredService<AuditLog>().Add(Action, app.Tree.ProvinceA.Id, "unit", "kind=Commune");
            return await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });

        Assert.True(UniqueViolation.Is(refused));
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Theory, Providers]
    public async Task A_new_row_refused_by_the_database_leaves_no_entry(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var unit = DuplicateOf(app.Tree.CommuneA1);
            db.Units.Add(unit);
            await Assert.ThrowsAsync<DbUpdateException>(() => s.GetRequiredService<AuditLog>().SaveCreatedAsync(Action, app.Tree.ProvinceA.Id, () => $"unit:{unit.Id}", null, CancellationToken.None));
            return 0;
        });

        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Theory, Providers]
    public async Task A_failure_after_the_change_is_saved_but_before_its_entry_undoes_the_change(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            db.Units.Add(new Unit { Name = "Phường mới", NameFolded = "phuong moi", Kind = UnitKind.Commune, Code = "99991", ParentId = app.Tree.ProvinceA.Id, Path = app.Tree.ProvinceA.Path + "new/" });
            await Assert.ThrowsAsync<InvalidOperationException>(() => s.GetRequiredService<AuditLog>().SaveCreatedAsync(Action, app.Tree.ProvinceA.Id, () => throw new InvalidOperationException("between the saves"), null, CancellationToken.None));
            return 0;
        });

        Assert.False(await app.WithDbAsync(db => db.Units.AnyAsync(u => u.Code == "99991")));
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Theory, Providers]
    public async Task A_new_row_and_its_entry_naming_the_new_id_commit_together(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var unit = new Unit { Name = "Phường mới", NameFolded = "phuong moi", Kind = UnitKind.Commune, Code = "99992", ParentId = app.Tree.ProvinceA.Id, Path = app.Tree.ProvinceA.Path + "new/" };
            db.Units.Add(unit);
            await s.GetRequiredService<AuditLog>().SaveCreatedAsync(Action, app.Tree.ProvinceA.Id, () => $"unit:{unit.Id}", null, CancellationToken.None);
            return unit.Id;
        });

        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == Action && a.Target == $"unit:{id}")));
    }

    private static Unit DuplicateOf(Unit existing) => new()
    {
        Name = "Trùng mã",
        NameFolded = "trung ma",
        Kind = existing.Kind,
        Code = existing.Code,
        ParentId = existing.ParentId,
        Path = existing.Path + "dup/",
    };
}
