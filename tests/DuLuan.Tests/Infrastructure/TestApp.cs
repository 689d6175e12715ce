using DuLuan.Cli;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DuLuan.Tests.Infrastructure;

/// <summary>
/// The real app on a real database, served by Kestrel on a loopback port. Seeds a small tree:
/// root > two provinces > two communes each, with an agency under the first commune.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string Password = "mot cau rat dai de nho 42";
    public const string MetricsToken = "test-metrics-token";
    private const int TestPasswordIterations = 1_000;

    private readonly TestDatabase database;

    private TestApp(TestDatabase database, WebApplication app)
    {
        this.database = database;
        App = app;
    }

    public WebApplication App { get; }

    public Uri BaseAddress => new(App.Urls.First());

    public DatabaseOptions DatabaseOptions => database.Options;

    public SeededTree Tree { get; private set; } = null!;

    public static async Task<TestApp> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? overrides = null, Action<WebApplicationBuilder>? configure = null)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider);
        var settings = new Dictionary<string, string?>
        {
            ["Metrics:Token"] = MetricsToken,
            ["RateLimits:SignInPerMinute"] = "1000",
            ["RateLimits:RequestsPerMinute"] = "100000",
            // Tests that send many writes at once must not meet the public-write wait bound on a loaded machine.
            ["RateLimits:PublicWritesWaitMilliseconds"] = "120000",
            // Fixed turns: a loaded test machine must not shrink them (AdaptiveLimitTests drive the adaptive limit).
            ["RateLimits:PublicWritesTargetMilliseconds"] = "0",
            // Nor the group commit's queue bound (tests hold the writer while writes queue up behind it).
            ["PublicWrites:GroupCommitMaxWaitMilliseconds"] = "120000",
            ["Logging:LogLevel:Default"] = "Warning",
            // Tests drive feed polling and alert sweeps themselves.
            ["Monitoring:SchedulerSeconds"] = "0",
            ["Monitoring:AlertMinutes"] = "0",
            ["Reports:JobSeconds"] = "0",
            // Tests render bulletins' audio themselves (BulletinRenderJob.RunOnceAsync).
            ["Bulletins:JobSeconds"] = "0",
            // Tests run the public agency figures' pass themselves (AgencyFiguresPass.RunOnceAsync).
            ["Cases:AgencyFigures:Minutes"] = "0",
            // Jobs that tests leave on start their passes as soon as the server listens (the fake clocks some
            // tests register would otherwise hold them back for good).
            ["Jobs:StartDelaySeconds"] = "0",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = WebHost.Build(new WebHostSettings(database.Options, ["http://127.0.0.1:0"]) { Overrides = settings }, b =>
        {
            // Only the test's own output: the console logger would start a thread per host, hundreds of times a run.
            b.Logging.ClearProviders();
            b.Logging.AddProvider(new TestOutputLoggerProvider());
            // Production's 100,000 PBKDF2 rounds cost tens of milliseconds of CPU per hash and sign-in, hundreds of
            // times a run; a hash records its own count, so verifying works the same with fewer.
            b.Services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordIterations);
            configure?.Invoke(b);
        });
        var testApp = new TestApp(database, app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await MigrateCommand.MigrateAsync(scope.ServiceProvider, CancellationToken.None);
            testApp.Tree = await SeededTree.CreateAsync(scope.ServiceProvider);
        }

        await app.StartAsync();
        return testApp;
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action) => WithScopeAsync(s => action(s.GetRequiredService<AppDbContext>()));

    /// <summary>A member with a password and one role, ready to sign in.</summary>
    public Task<Member> AddMemberAsync(string email, Unit unit, Role role) => WithScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<Member>>();
        var member = new Member { UserName = email, Email = email, DisplayName = email.Split('@')[0], EmailConfirmed = true };
        var created = await users.CreateAsync(member, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var db = services.GetRequiredService<AppDbContext>();
        db.Memberships.Add(new Membership { MemberId = member.Id, UnitId = unit.Id, Role = role });
        await db.SaveChangesAsync();
        return member;
    });

    public TestClient Client() => new(BaseAddress);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await database.DisposeAsync();
    }
}

public sealed record SeededTree(Unit Root, Unit ProvinceA, Unit CommuneA1, Unit CommuneA2, Unit AgencyA1, Unit ProvinceB, Unit CommuneB1)
{
    public static async Task<SeededTree> CreateAsync(IServiceProvider services)
    {
        var tree = services.GetRequiredService<UnitTree>();
        var root = await tree.EnsureRootAsync();
        var provinceA = await tree.AddChildAsync(root, "Thành phố Đà Nẵng", UnitKind.Province, "48");
        var communeA1 = await tree.AddChildAsync(provinceA, "Phường Hoà Khánh", UnitKind.Commune, "20200");
        var communeA2 = await tree.AddChildAsync(provinceA, "Phường Hải Vân", UnitKind.Commune, "20194");
        var agency = await tree.AddChildAsync(communeA1, "Tổ dân vận", UnitKind.Team, null);
        var provinceB = await tree.AddChildAsync(root, "Thành phố Hà Nội", UnitKind.Province, "01");
        var communeB1 = await tree.AddChildAsync(provinceB, "Phường Ba Đình", UnitKind.Commune, "00004");
        return new SeededTree(root, provinceA, communeA1, communeA2, agency, provinceB, communeB1);
    }
}
