using System.CommandLine;
using System.Text.RegularExpressions;
using DuLuan.Cli;
using DuLuan.Data;
using DuLuan.Infrastructure;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Foundation;

/// <summary>
/// Upgrades without surprises (issue 23): a database made by an earlier schema is upgraded by this binary and keeps its
/// data; `migrate --check` lists what would be applied and changes nothing; a database newer than the binary is refused.
/// </summary>
public sealed partial class UpgradeTests
{
    /// <summary>The earlier schema the fixture is made with: everything up to the account-security release.</summary>
    private const string EarlierSchema = "0016_public_refs_follow_up_rebuttal_approval";

    [Theory, Providers]
    public async Task A_database_of_the_earlier_schema_is_upgraded_and_keeps_its_data(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await MakeEarlierDatabaseAsync(database.Options);

        var status = await WithServicesAsync(database.Options, s => s.GetRequiredService<Migrator>().StatusAsync());
        var later = Migrator.Scripts(provider).Select(s => s.Version).Where(v => string.CompareOrdinal(v, EarlierSchema) > 0).ToList();
        Assert.NotEmpty(later);
        Assert.Equal(later, status.Pending);
        Assert.False(status.DatabaseIsNewer);
        // `serve` checks with one plain query instead of EF's migrator: the same answer.
        var quick = await MigrationCheck.StatusAsync(database.Options, CancellationToken.None);
        Assert.Equal(status.Pending, quick.Pending);
        Assert.Empty(quick.Unknown);

        var applied = await WithServicesAsync(database.Options, s => MigrateCommand.MigrateAsync(s, CancellationToken.None));

        Assert.Equal(later, applied);
        await WithServicesAsync(database.Options, async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var unit = await db.Units.SingleAsync(u => u.Code == "77");
            Assert.Equal("Tỉnh Trước Nâng Cấp", unit.Name);
            // 0019 renamed the stored audit actions: the entry written by the earlier release is renamed, not lost.
            var entry = await db.AuditEntries.SingleAsync(e => e.Target == "truoc-nang-cap.db");
            Assert.Equal("data.backup-made", entry.Action);
            Assert.True(await s.GetRequiredService<Migrator>().IsUpToDateAsync());
            // Every table of the current model answers a query on the upgraded database.
            Assert.Equal(0, await db.Users.CountAsync());
            return 0;
        });
    }

    [Fact]
    public async Task Migrate_check_lists_the_pending_migrations_and_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var dir = database.Options.DataDirectory;
        await MakeEarlierDatabaseAsync(database.Options);
        var later = Migrator.Scripts(DatabaseProvider.Sqlite).Select(s => s.Version).Where(v => string.CompareOrdinal(v, EarlierSchema) > 0).ToList();

        var (code, output, _) = await RunAsync("migrate", "--check", "--data", dir);

        Assert.Equal(MigrateCommand.PendingExitCode, code);
        Assert.Contains($"{later.Count} bản cập nhật lược đồ", output, StringComparison.Ordinal);
        Assert.Contains($"would apply {later.Count} migration(s)", output, StringComparison.Ordinal);
        var listed = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(l => VersionLine().IsMatch(l)).ToList();
        Assert.Equal(later, listed);
        var stillPending = await WithServicesAsync(database.Options, async s => (await s.GetRequiredService<Migrator>().StatusAsync()).Pending);
        Assert.Equal(later, stillPending);

        Assert.Equal(0, (await RunAsync("migrate", "--data", dir)).Code);
        var (after, upToDate, _) = await RunAsync("migrate", "--check", "--data", dir);
        Assert.Equal(0, after);
        Assert.Contains("The database is up to date", upToDate, StringComparison.Ordinal);
        Assert.Contains("Cơ sở dữ liệu đã mới nhất", upToDate, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_database_newer_than_the_binary_is_refused_with_a_clear_message(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        const string future = "9999_from_a_newer_release";
        await WithServicesAsync(database.Options, async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlAsync($"INSERT INTO schema_migrations (version, applied_at) VALUES ({future}, '2030-01-01T00:00:00Z')");
            return 0;
        });

        var status = await WithServicesAsync(database.Options, s => s.GetRequiredService<Migrator>().StatusAsync());
        Assert.True(status.DatabaseIsNewer);
        Assert.Equal(new[] { future }, status.Unknown);
        var quick = await MigrationCheck.StatusAsync(database.Options, CancellationToken.None);
        Assert.Equal(new[] { future }, quick.Unknown);
        Assert.Empty(quick.Pending);
        var refused = await Assert.ThrowsAsync<DatabaseNewerException>(() => WithServicesAsync(database.Options, s => s.GetRequiredService<Migrator>().MigrateAsync()));
        AssertRefusal(refused.Message, future);
        Assert.False(await WithServicesAsync(database.Options, s => s.GetRequiredService<Migrator>().IsUpToDateAsync()));

        if (provider == DatabaseProvider.Sqlite)
        {
            var dir = database.Options.DataDirectory;
            foreach (var verb in new[] { new[] { "migrate" }, ["migrate", "--check"], ["serve", "--urls", "http://127.0.0.1:0"] })
            {
                var (code, output, error) = await RunAsync([.. verb, "--data", dir]);
                Assert.True(code == 1, $"{string.Join(' ', verb)} exited {code}: {output}");
                AssertRefusal(error, future);
            }
        }
    }

    [Fact]
    public async Task The_version_comes_from_one_place_and_shows_in_the_cli_health_and_footer()
    {
        var props = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "Directory.Build.props"));
        Assert.Equal(VersionProperty().Match(props).Groups[1].Value, AppVersion.Current);

        var (code, output, _) = await RunAsync("--version");
        Assert.Equal(0, code);
        Assert.Equal($"duluan {AppVersion.Current}", output.Trim());

        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = app.Client();
        Assert.Equal($"ok {AppVersion.Current}", await client.GetStringAsync("/health"));
        await app.AddMemberAsync("editor@a.vn", app.Tree.ProvinceA, DuLuan.Features.Members.Role.Editor);
        await client.SignInOkAsync("editor@a.vn");
        var page = await client.GetStringAsync("/Home");
        Assert.Contains($"DuLuan phiên bản {AppVersion.Current}", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    private static void AssertRefusal(string message, string future)
    {
        Assert.Contains(future, message, StringComparison.Ordinal);
        Assert.Contains(AppVersion.Current, message, StringComparison.Ordinal);
        Assert.Contains("không thể hạ cấp", message, StringComparison.Ordinal);
        Assert.Contains("a downgrade is refused", message, StringComparison.Ordinal);
    }

    /// <summary>The earlier release's database: its schema, and rows written by it (a unit, an audit entry under the old action name).</summary>
    private static async Task MakeEarlierDatabaseAsync(DatabaseOptions options)
    {
        await WithServicesAsync(options, async s =>
        {
            await s.GetRequiredService<Migrator>().MigrateAsync(EarlierSchema, CancellationToken.None);
            var db = s.GetRequiredService<AppDbContext>();
            var day = new DateOnly(2026, 1, 1);
            var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            await db.Database.ExecuteSqlAsync($"""INSERT INTO units ("Code", "Name", "NameFolded", "Kind", "Path", "Depth", "ActiveFrom") VALUES ('77', 'Tỉnh Trước Nâng Cấp', 'tinh truoc nang cap', 'Province', '/1/', 0, {day})""");
            await db.Database.ExecuteSqlAsync($"""INSERT INTO audit_entries ("At", "Action", "Target") VALUES ({at}, 'backup', 'truoc-nang-cap.db')""");
            return 0;
        });
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.Root().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<T> WithServicesAsync<T>(DatabaseOptions options, Func<IServiceProvider, Task<T>> action)
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddDuLuanCore(configuration, options);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    [GeneratedRegex(@"^\d{4}_[a-z0-9_]+$")]
    private static partial Regex VersionLine();

    [GeneratedRegex("<Version>([^<]+)</Version>")]
    private static partial Regex VersionProperty();
}
