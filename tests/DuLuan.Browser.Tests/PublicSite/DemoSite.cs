using DuLuan.Cli;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests.PublicSite;

/// <summary>
/// A second DuLuan host seeded as `duluan demo` seeds it (official tree, posts, cases, surveys, monitoring, rebuttals),
/// so the public site is walked and crawled on demo-like data. It shares the assembly's Chromium.
/// </summary>
public sealed class DemoSite : IAsyncLifetime
{
    public const string DaNangCode = "48";
    public const string HoaKhanhCode = "20200";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "duluan-demo-site-" + Guid.NewGuid().ToString("N"));
    private WebApplication? app;

    public Uri BaseUrl { get; private set; } = null!;

    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("The demo site is not started.");

    /// <summary>An editor of Đà Nẵng: the office that reads concerns and cases (no second factor needed, unlike an admin).</summary>
    public SeededMember Office { get; private set; } = null!;

    /// <summary>The liaison of the first agency under Đà Nẵng, which answers the cases routed to it.</summary>
    public SeededMember Agency { get; private set; } = null!;

    public long AgencyId { get; private set; }

    /// <summary>What the bulletin demo seed said (whether today's bulletin got its audio).</summary>
    public string BulletinSeed { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(dataDirectory);
        var database = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = dataDirectory };
        app = WebHost.Build(TestApp.SettingsFor(database));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            await MigrateCommand.MigrateAsync(services, CancellationToken.None);
            await DemoSeed.EnsureAsync(services, dataDirectory, CancellationToken.None);
            var daNangId = await DemoSeed.DaNangIdAsync(services, CancellationToken.None);
            await Features.Monitoring.MonitoringDemoSeed.EnsureAsync(services, daNangId, "https://demo.invalid/", CancellationToken.None);
            await Features.Claims.ClaimsDemoSeed.EnsureAsync(services, daNangId, CancellationToken.None);
            BulletinSeed = await Features.Bulletins.BulletinsDemoSeed.EnsureAsync(services, daNangId, CancellationToken.None);
            var db = services.GetRequiredService<AppDbContext>();
            var daNang = await db.Units.SingleAsync(u => u.Id == daNangId);
            var agency = await db.Units.Where(u => u.ParentId == daNangId && u.Kind == Features.Units.UnitKind.Agency).OrderBy(u => u.Id).FirstAsync();
            AgencyId = agency.Id;
            Office = await TestSeed.AddMemberAsync(services, "office@demo-site.test", "Demo site office", daNang, Role.Editor, CancellationToken.None);
            Agency = await TestSeed.AddMemberAsync(services, "agency@demo-site.test", "Demo site agency", agency, Role.AgencyLiaison, CancellationToken.None);
        }

        await app.StartAsync();
        BaseUrl = new Uri(app.Urls.First());
    }

    /// <summary>A phone-sized context (own cookies) on the demo site.</summary>
    public Task<IBrowserContext> NewPhoneAsync(IBrowser browser, BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseUrl.ToString();
        options.ViewportSize = new ViewportSize { Width = 390, Height = 844 };
        options.IsMobile = true;
        options.HasTouch = true;
        options.DeviceScaleFactor = 1;
        options.Locale ??= "vi-VN";
        return browser.NewContextAsync(options);
    }

    public async ValueTask DisposeAsync()
    {
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
            // A leftover temp folder is harmless.
        }
    }
}
