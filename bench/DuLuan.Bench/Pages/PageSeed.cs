using System.Data.Common;
using System.Globalization;
using DuLuan.Cli;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DuLuan.Bench.Pages;

/// <summary>
/// The page bench's data: 34 provinces with 3,321 communes and 10 agencies each, a province lead and a commune editor
/// at the first province (Đà Nẵng, code 48), and the cases loaded by bulk SQL: half of them in that province (a busy
/// province), the rest spread over the other 33. A third of the cases are open (created in the last 30 days, due 15
/// days later, so about half of those are overdue), the rest answered, closed or rejected over the past year.
/// </summary>
internal static class PageSeed
{
    public const string Password = "mot cau rat dai de do trang 42";
    public const string LeadEmail = "lanh-dao@trang.test";
    public const string EditorEmail = "bien-tap@trang.test";
    public const int Provinces = 34;
    public const int Communes = 3_321;
    public const int AgenciesPerProvince = 10;

    public sealed record Seeded(long ProvinceId, long CommuneId, long AgencyId, long OpenCaseId, long CaseCount);

    public static async Task<Seeded> CreateAsync(IServiceProvider services, int cases, DateTime now)
    {
        await MigrateCommand.MigrateAsync(services, CancellationToken.None);
        var tree = services.GetRequiredService<UnitTree>();
        var db = services.GetRequiredService<AppDbContext>();
        var root = await tree.EnsureRootAsync();
        var provinces = new List<Unit>();
        for (var p = 0; p < Provinces; p++)
        {
            provinces.Add(await tree.AddChildAsync(root, p == 0 ? "Thành phố Đà Nẵng" : $"Tỉnh thử {p}", UnitKind.Province, p == 0 ? "48" : (60 + p).ToString(CultureInfo.InvariantCulture)));
        }

        var children = new List<Unit>();
        for (var c = 0; c < Communes; c++)
        {
            children.Add(tree.NewUnit((20000 + c).ToString(CultureInfo.InvariantCulture), $"Phường thử {c}", UnitKind.Commune, provinces[c % Provinces]));
        }

        foreach (var province in provinces)
        {
            for (var a = 0; a < AgenciesPerProvince; a++)
            {
                children.Add(tree.NewUnit(null, $"Sở thử {a} {province.Code}", UnitKind.Agency, province));
            }
        }

        db.Units.AddRange(children);
        await db.SaveChangesAsync();
        foreach (var unit in children)
        {
            unit.Path = $"{unit.Parent!.Path}{unit.Id}/";
        }

        await db.SaveChangesAsync();
        var bench = provinces[0];
        var commune = children.First(u => u.Kind == UnitKind.Commune && u.ParentId == bench.Id);
        var agency = children.First(u => u.Kind == UnitKind.Agency && u.ParentId == bench.Id);
        await AddMemberAsync(services, db, LeadEmail, bench.Id, Role.Lead);
        await AddMemberAsync(services, db, EditorEmail, commune.Id, Role.Editor);
        db.ChangeTracker.Clear();

        await LoadCasesAsync(db, bench.Id, cases, now);
        var openCase = await db.Cases.Where(c => c.UnitId == commune.Id && c.Status == Features.Concerns.Cases.CaseStatus.Assigned).Select(c => c.Id).FirstOrDefaultAsync();
        return new Seeded(bench.Id, commune.Id, agency.Id, openCase, await db.Cases.LongCountAsync());
    }

    /// <summary>The seed already in a kept database (migrated to this binary's schema), or null when it holds none.</summary>
    public static async Task<Seeded?> ReadAsync(IServiceProvider services)
    {
        await MigrateCommand.MigrateAsync(services, CancellationToken.None);
        var db = services.GetRequiredService<AppDbContext>();
        var bench = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == "48" && u.Kind == UnitKind.Province);
        var editor = await db.Users.AsNoTracking().Where(m => m.Email == EditorEmail).Select(m => m.Id).FirstOrDefaultAsync();
        if (bench is null || editor is null || !await db.Cases.AnyAsync())
        {
            return null;
        }

        var commune = await db.Memberships.Where(m => m.MemberId == editor).Select(m => m.UnitId).FirstAsync();
        var agency = await db.Units.Where(u => u.Kind == UnitKind.Agency && u.ParentId == bench.Id).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        var openCase = await db.Cases.Where(c => c.UnitId == commune && c.Status == Features.Concerns.Cases.CaseStatus.Assigned).Select(c => c.Id).FirstOrDefaultAsync();
        return new Seeded(bench.Id, commune, agency, openCase, await db.Cases.LongCountAsync());
    }

    private static async Task AddMemberAsync(IServiceProvider services, AppDbContext db, string email, long unitId, Role role)
    {
        var users = services.GetRequiredService<UserManager<Member>>();
        var member = new Member { UserName = email, Email = email, DisplayName = email, EmailConfirmed = true };
        var created = await users.CreateAsync(member, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        db.Memberships.Add(new Membership { MemberId = member.Id, UnitId = unitId, Role = role });
        await db.SaveChangesAsync();
    }

    /// <summary>Places and agencies numbered in helper tables, then one INSERT ... SELECT over a number series.</summary>
    private static async Task LoadCasesAsync(AppDbContext db, long benchProvinceId, int cases, DateTime now)
    {
        var postgres = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        async Task Exec(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 3600;
            await command.ExecuteNonQueryAsync();
        }

        await Exec($"CREATE TEMP TABLE bench_places (k INTEGER PRIMARY KEY, id BIGINT NOT NULL, province BIGINT NOT NULL)");
        await Exec($"CREATE TEMP TABLE bench_agencies (province BIGINT NOT NULL, j INTEGER NOT NULL, id BIGINT NOT NULL, PRIMARY KEY (province, j))");
        // The bench province's communes take the first numbers, so "k < bench" picks them.
        await Exec($"INSERT INTO bench_places SELECT (row_number() OVER (ORDER BY CASE WHEN \"ParentId\" = {benchProvinceId} THEN 0 ELSE 1 END, \"Id\")) - 1, \"Id\", \"ParentId\" FROM units WHERE \"Kind\" = 'Commune'");
        await Exec("INSERT INTO bench_agencies SELECT \"ParentId\", (row_number() OVER (PARTITION BY \"ParentId\" ORDER BY \"Id\")) - 1, \"Id\" FROM units WHERE \"Kind\" = 'Agency'");
        var inBench = await ScalarAsync(connection, $"SELECT COUNT(*) FROM bench_places WHERE province = {benchProvinceId}");
        var all = await ScalarAsync(connection, "SELECT COUNT(*) FROM bench_places");
        var place = $"CASE WHEN i % 2 = 0 THEN (i / 2) % {inBench} ELSE {inBench} + (i / 2) % {all - inBench} END";
        // Status by i % 100: 32 open (New, Assigned, InProgress, Reopened), 40 answered, 25 closed, 3 rejected.
        const string Status = "CASE WHEN i % 100 < 10 THEN 'New' WHEN i % 100 < 20 THEN 'Assigned' WHEN i % 100 < 30 THEN 'InProgress' WHEN i % 100 < 32 THEN 'Reopened' WHEN i % 100 < 72 THEN 'Answered' WHEN i % 100 < 97 THEN 'Closed' ELSE 'Rejected' END";
        // Minutes before now: open cases within 30 days, the others within a year.
        const string Age = "CASE WHEN i % 100 < 32 THEN (i * 7919) % 43200 ELSE (i * 7919) % 525600 END";
        var nowText = now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        string Created, Due, Answered, Overdue, Series;
        if (postgres)
        {
            Series = $"FROM generate_series(1::bigint, {cases}) AS s(i)";
            Created = $"(TIMESTAMPTZ '{nowText}+00' - make_interval(mins => ({Age})::int))";
            Due = $"({Created} + INTERVAL '15 days')";
            Answered = $"CASE WHEN i % 100 >= 32 AND i % 100 < 97 THEN {Created} + make_interval(hours => (i % 300)::int) END";
            Overdue = $"CASE WHEN i % 100 < 32 AND {Due} < TIMESTAMPTZ '{nowText}+00' THEN {Due} END";
        }
        else
        {
            Series = $"FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {cases}) SELECT i FROM n) AS s";
            Created = $"datetime('{nowText}', '-' || ({Age}) || ' minutes')";
            Due = $"datetime({Created}, '+15 days')";
            Answered = $"CASE WHEN i % 100 >= 32 AND i % 100 < 97 THEN datetime({Created}, '+' || (i % 300) || ' hours') END";
            Overdue = $"CASE WHEN i % 100 < 32 AND {Due} < '{nowText}' THEN {Due} END";
        }

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await Exec("INSERT INTO cases (\"UnitId\", \"PublicRef\", \"Title\", \"Description\", \"SearchText\", \"Severity\", \"Status\", \"AgencyId\", \"CreatedAt\", \"DueAt\", \"AnsweredAt\", \"ClosedAt\", \"OverdueSince\", \"Answer\", \"Version\") " +
                $"SELECT p.id, 'b' || i, 'Vụ việc thử số ' || i, 'Người dân phản ánh về vụ việc số ' || i, 'vu viec thu so ' || i, " +
                "CASE i % 3 WHEN 0 THEN 'Normal' WHEN 1 THEN 'Urgent' ELSE 'Complex' END, " +
                $"{Status}, (SELECT a.id FROM bench_agencies a WHERE a.province = p.province AND a.j = i % {AgenciesPerProvince}), " +
                $"{Created}, {Due}, {Answered}, CASE WHEN i % 100 >= 72 AND i % 100 < 97 THEN {Created} END, {Overdue}, " +
                "CASE WHEN i % 100 >= 32 AND i % 100 < 97 THEN 'Cơ quan đã trả lời.' END, 0 " +
                $"{Series} CROSS JOIN bench_places p WHERE p.k = {place}");
            await transaction.CommitAsync();
        }

        await Exec("ANALYZE");
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
