using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(DuLuan.Browser.Tests.TestApp))]

namespace DuLuan.Browser.Tests;

/// <summary>
/// One DuLuan web host on a temporary SQLite database (migrated and seeded with the official tree
/// and three members) plus one headless Debian Chromium, shared by every test of the assembly.
/// Each test opens its own browser context, so cookies never leak between tests.
/// </summary>
public sealed class TestApp : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "duluan-browser-" + Guid.NewGuid().ToString("N"));
    private WebApplication? app;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri BaseUrl { get; private set; } = null!;

    public SeededData Seed { get; private set; } = null!;

    /// <summary>The app's services, for tests that seed or check rows directly.</summary>
    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("The app is not started.");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser is not started.");

    /// <summary>The app's clock: real time, moved forward only by tests that run alone (see <see cref="ShiftableClock"/>).</summary>
    public ShiftableClock Clock { get; } = new();

    /// <summary>The settings of every browser-test host, on a loopback port the OS picks.</summary>
    internal static WebHostSettings SettingsFor(DatabaseOptions database) => new(database, ["http://127.0.0.1:0"])
    {
        Overrides = new Dictionary<string, string?>
        {
            // Every test signs in from 127.0.0.1; the production limit of 10 a minute would throttle the suite.
            ["RateLimits:SignInPerMinute"] = "1000",
            ["RateLimits:RequestsPerMinute"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
            // The seeded feeds point nowhere; the pages are tested on the seeded history.
            ["Monitoring:SchedulerSeconds"] = "0",
            ["Monitoring:AlertMinutes"] = "0",
            // Jobs start their passes as soon as the server listens (the fake clock would otherwise hold them back).
            ["Jobs:StartDelaySeconds"] = "0",
        },
    };

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(dataDirectory);
        var database = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = dataDirectory };
        app = WebHost.Build(SettingsFor(database), builder => builder.Services.AddSingleton<TimeProvider>(Clock));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Seed = await TestSeed.RunAsync(scope.ServiceProvider, CancellationToken.None);
        }

        await app.StartAsync();
        BaseUrl = new Uri(app.Urls.First());
        // The machine running CI is shared and busy; five seconds is too tight for a page under load.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(Chromium.LaunchOptions());
    }

    /// <summary>A fresh context (own cookies) whose pages resolve relative URLs against the app.</summary>
    /// <summary>A new member of the province with <paramref name="role"/> and a password, as an admin's invitation makes one.</summary>
    public async Task<SeededMember> InviteAsync(string email, Role role)
    {
        await using var scope = Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var province = await services.GetRequiredService<AppDbContext>().Units.SingleAsync(u => u.Id == Seed.ProvinceId);
        var (invitation, error) = await services.GetRequiredService<MemberAdmin>().InviteAsync(email, "Browser " + role, province, role, CancellationToken.None);
        Assert.True(invitation is not null, error);
        var password = "Bt-" + Guid.NewGuid().ToString("N")[..16];
        var added = await services.GetRequiredService<UserManager<Member>>().AddPasswordAsync(invitation!.Member, password);
        Assert.True(added.Succeeded);
        return new SeededMember(email, password);
    }

    public Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 800)
        => Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
        });

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail the run over it.
        }
    }
}
