using DuLuan.Cli;
using DuLuan.Data;
using DuLuan.Features.Claims;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Members;
using DuLuan.Features.Monitoring;
using DuLuan.Features.Opinions;
using DuLuan.Features.Publish;
using DuLuan.Features.Surveys;
using DuLuan.Features.Units;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Desk;

/// <summary>
/// Issue #20, "Done when": each role of the demo signs in and follows every link it can reach from the staff home.
/// No link may answer 404 or 5xx, and no Vietnamese page may show UTC or ISO times, English framework messages, raw
/// action or enum codes, or decimal points.
/// </summary>
public sealed class StaffCrawlTests(StaffCrawlTests.DemoDataSites sites) : IClassFixture<StaffCrawlTests.DemoDataSites>
{
    public static TheoryData<DatabaseProvider, Role> RolesOnProviders()
    {
        var data = new TheoryData<DatabaseProvider, Role>();
        foreach (var provider in ProvidersAttribute.Selected())
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                data.Add(provider, role);
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(RolesOnProviders))]
    public async Task Every_page_a_role_reaches_from_the_navigation_opens_and_reads_in_Vietnamese(DatabaseProvider provider, Role role)
    {
        var app = await sites.ForAsync(provider);
        var member = await MemberAsync(app, role);
        using var client = app.Client();
        if (Roles.RequiresTwoFactor(role))
        {
            await client.SignInAdminAsync(member);
        }
        else
        {
            await client.SignInOkAsync(member.Email!);
        }

        var crawler = new PageCrawler(client, role.ToString());
        await crawler.CrawlAsync("/Home");

        Assert.True(crawler.Visited.Count > 5, string.Join(", ", crawler.Visited));
        Assert.True(crawler.Problems.Count == 0, $"{crawler.Problems.Count} problems on {crawler.Visited.Count} pages:\n" + string.Join("\n", crawler.Problems.Take(60)));
    }

    [Fact]
    public void The_checks_find_what_they_look_for_and_pass_clean_Vietnamese()
    {
        Assert.Empty(PageCrawler.Findings("Hạn trả lời 06/12/2026 19:08 · 1.234 lượt · 12,5% · ± 1,9 · địa chỉ 127.0.0.1"));
        Assert.Contains(PageCrawler.Findings("Đã đặt lịch: 2026-12-06T12:08:00.0000000Z"), f => f.StartsWith("ISO", StringComparison.Ordinal));
        Assert.Contains(PageCrawler.Findings("12:08 UTC"), f => f.StartsWith("time in UTC", StringComparison.Ordinal));
        Assert.Contains(PageCrawler.Findings("The View field is required."), f => f.StartsWith("English", StringComparison.Ordinal));
        Assert.Contains(PageCrawler.Findings("± 1.9"), f => f.StartsWith("decimal", StringComparison.Ordinal));
        Assert.Contains(PageCrawler.Findings("kỳ vọng 0.5, p < 0.0001"), f => f.Contains("0.0001", StringComparison.Ordinal));
        Assert.Contains(PageCrawler.Findings("publish.post-created (InReview)"), f => f.Contains("publish.post-created", StringComparison.Ordinal));
        Assert.Contains(PageCrawler.Findings("publish.post-created (InReview)"), f => f.Contains("\"InReview\"", StringComparison.Ordinal));
        Assert.Contains(PageCrawler.Findings("Kênh: Portal · trạng thái Scheduled"), f => f.Contains("\"Portal\"", StringComparison.Ordinal));
        Assert.Contains(PageCrawler.Findings("Kênh: Portal · trạng thái Scheduled"), f => f.Contains("\"Scheduled\"", StringComparison.Ordinal));
        Assert.Empty(PageCrawler.Findings("Đăng lên Facebook và Zalo; nguồn RSS hoặc Atom; API Open311"));
        Assert.Contains(PageCrawler.Findings("Ngày 2026-12-06"), f => f.StartsWith("ISO date", StringComparison.Ordinal));
        Assert.Contains(PageCrawler.Findings("lúc 12:08 GMT"), f => f.StartsWith("time in UTC", StringComparison.Ordinal));
        Assert.Contains(PageCrawler.Findings("tỉ lệ 0.125"), f => f.StartsWith("decimal", StringComparison.Ordinal));
        Assert.Contains(PageCrawler.Findings("Name is required."), f => f.StartsWith("English", StringComparison.Ordinal));
        Assert.Contains(PageCrawler.Findings("An error occurred while processing your request."), f => f.StartsWith("English", StringComparison.Ordinal));
    }

    /// <summary>One member in the role, where the demo gives it.</summary>
    private static async Task<Member> MemberAsync(TestApp app, Role role)
    {
        var unit = role switch
        {
            Role.Collaborator => app.Tree.CommuneA1,
            Role.AgencyLiaison => await app.WithDbAsync(db => db.Units.Where(u => u.ParentId == app.Tree.ProvinceA.Id && u.Kind == UnitKind.Agency).OrderBy(u => u.Name).FirstAsync()),
            _ => app.Tree.ProvinceA,
        };
        return await app.AddMemberAsync($"{role.ToString().ToLowerInvariant()}@crawl.vn", unit, role);
    }

    /// <summary>
    /// The demo's data on the test tree (province "48"), seeded once per provider for the class: the seeds take seconds
    /// of CPU, the crawl only follows links (GET), and each role signs in as its own member.
    /// </summary>
    public sealed class DemoDataSites : IAsyncDisposable
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<DatabaseProvider, Lazy<Task<TestApp>>> sites = new();

        public Task<TestApp> ForAsync(DatabaseProvider provider) => sites.GetOrAdd(provider, p => new Lazy<Task<TestApp>>(() => StartAsync(p))).Value;

        private static async Task<TestApp> StartAsync(DatabaseProvider provider)
        {
            var app = await TestApp.StartAsync(provider);
            await app.AddMemberAsync(DemoSeed.EditorEmail, app.Tree.ProvinceA, Role.Editor);
            await app.AddMemberAsync(DemoSeed.AdminEmail, app.Tree.ProvinceA, Role.Admin);
            await app.WithScopeAsync(async s =>
            {
                await OpinionsDemoSeed.EnsureAsync(s, CancellationToken.None);
                await CasesDemoSeed.EnsureAsync(s, CancellationToken.None);
                await SurveyDemoSeed.EnsureAsync(s, CancellationToken.None);
                await PublishDemoSeed.EnsureAsync(s, CancellationToken.None);
                await MonitoringDemoSeed.EnsureAsync(s, app.Tree.ProvinceA.Id, "http://127.0.0.1:9/", CancellationToken.None);
                await ClaimsDemoSeed.EnsureAsync(s, app.Tree.ProvinceA.Id, CancellationToken.None);
                return 0;
            });
            return app;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var site in sites.Values.Where(s => s.IsValueCreated))
            {
                if (site.Value.IsCompletedSuccessfully)
                {
                    await (await site.Value).DisposeAsync();
                }
            }
        }
    }
}
