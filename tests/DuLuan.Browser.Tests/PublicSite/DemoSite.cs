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
/// so the public site is walked and crawled on demo-like data. It shares the assembly's Chromium. The seed (about 15 s of
/// CPU) runs once per test run into a template folder; each test class that uses the site gets its own copy of it, so
/// what one class changes never shows in another.
/// </summary>
public sealed class DemoSite : IAsyncLifetime
{
    public const string DaNangCode = "48";
    public const string HoaKhanhCode = "20200";

    private static readonly Lazy<Task<SeededTemplate>> Template = new(SeedTemplateAsync);

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
        var template = await Template.Value;
        CopyFolder(template.Folder, dataDirectory);
        (Office, Agency, AgencyId, BulletinSeed) = (template.Office, template.Agency, template.AgencyId, template.BulletinSeed);
        app = WebHost.Build(TestApp.SettingsFor(Database(dataDirectory)));
        await app.StartAsync();
        BaseUrl = new Uri(app.Urls.First());
    }

    private sealed record SeededTemplate(string Folder, SeededMember Office, SeededMember Agency, long AgencyId, string BulletinSeed);

    private static DatabaseOptions Database(string folder) => new() { Provider = DatabaseProvider.Sqlite, DataDirectory = folder };

    private static async Task<SeededTemplate> SeedTemplateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "duluan-demo-template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteFolder(folder);
        var database = Database(folder);
        SeededTemplate seeded;
        await using (var host = WebHost.Build(TestApp.SettingsFor(database)))
        {
            await using var scope = host.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            await MigrateCommand.MigrateAsync(services, CancellationToken.None);
            await DemoSeed.EnsureAsync(services, folder, CancellationToken.None);
            var daNangId = await DemoSeed.DaNangIdAsync(services, CancellationToken.None);
            await Features.Monitoring.MonitoringDemoSeed.EnsureAsync(services, daNangId, "https://demo.invalid/", CancellationToken.None);
            await Features.Claims.ClaimsDemoSeed.EnsureAsync(services, daNangId, CancellationToken.None);
            var bulletinSeed = await Features.Bulletins.BulletinsDemoSeed.EnsureAsync(services, daNangId, CancellationToken.None);
            var db = services.GetRequiredService<AppDbContext>();
            var daNang = await db.Units.SingleAsync(u => u.Id == daNangId);
            var agency = await db.Units.Where(u => u.ParentId == daNangId && u.Kind == Features.Units.UnitKind.Agency).OrderBy(u => u.Id).FirstAsync();
            var office = await TestSeed.AddMemberAsync(services, "office@demo-site.test", "Demo site office", daNang, Role.Editor, CancellationToken.None);
            var liaison = await TestSeed.AddMemberAsync(services, "agency@demo-site.test", "Demo site agency", agency, Role.AgencyLiaison, CancellationToken.None);
            seeded = new SeededTemplate(folder, office, liaison, agency.Id, bulletinSeed);
        }

        // Closing the template's last connection checkpoints its write-ahead log into the database file before the copies.
        Microsoft.Data.Sqlite.SqliteConnection.ClearPool(new Microsoft.Data.Sqlite.SqliteConnection(database.ResolveConnectionString()));
        return seeded;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
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

        Microsoft.Data.Sqlite.SqliteConnection.ClearPool(new Microsoft.Data.Sqlite.SqliteConnection(Database(dataDirectory).ResolveConnectionString()));
        DeleteFolder(dataDirectory);
    }
}
