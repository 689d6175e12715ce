using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Claims;
using DuLuan.Features.Members;
using DuLuan.Features.Monitoring;
using DuLuan.Features.Monitoring.Ingest;
using DuLuan.Features.Units;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Claims;

/// <summary>Shared set-up of the claims tests: a signed-in editor, feeds and ingested stories, claims driven through the pages.</summary>
public static partial class ClaimsFixture
{
    /// <summary>The false story of the tests, as written on the claim (composed tones, "hoà" in the old placement).</summary>
    public const string Rumour = "Phường Hoà Khánh sẽ cắt điện toàn bộ trong năm ngày liên tiếp từ thứ Hai tới";

    public static string S(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static async Task<TestClient> EditorAsync(TestApp app, Unit unit, string email = "bientap@claims.vn", Role role = Role.Editor)
    {
        await app.AddMemberAsync(email, unit, role);
        var client = app.Client();
        await client.SignInOkAsync(email);
        return client;
    }

    public static async Task<long> CreateAsync(TestClient client, long unitId, string text)
    {
        using var response = await client.PostFormAsync("/Claims/Create", new Dictionary<string, string> { ["unitId"] = S(unitId), ["text"] = text });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return long.Parse(IdPattern().Match(response.Headers.Location!.ToString()).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public static Task<HttpResponseMessage> PostAsync(TestClient client, long claimId, string handler, Dictionary<string, string> fields)
        => client.PostFormAsync($"/Claims/Details?id={S(claimId)}", new Dictionary<string, string>(fields) { ["id"] = S(claimId) }, $"/Claims/Details?id={S(claimId)}&handler={handler}");

    public static Task<int> VersionAsync(TestApp app, long claimId) => app.WithDbAsync(db => db.Claims.Where(c => c.Id == claimId).Select(c => c.Version).SingleAsync());

    public static async Task<HttpResponseMessage> EditAsync(TestApp app, TestClient client, long claimId, string verdict, string reasoning, string? answer = null, string status = "Investigating", int? version = null, string? text = null)
    {
        var current = await app.WithDbAsync(db => db.Claims.SingleAsync(c => c.Id == claimId));
        return await PostAsync(client, claimId, "Edit", new Dictionary<string, string>
        {
            ["text"] = text ?? current.Text,
            ["verdict"] = verdict,
            ["reasoning"] = reasoning,
            ["answer"] = answer ?? string.Empty,
            ["ownerId"] = string.Empty,
            ["status"] = status,
            ["version"] = S(version ?? current.Version),
        });
    }

    /// <summary>The editor asks for publication and a lead of the province approves it (one tier unless the test sets more).</summary>
    public static async Task PublishAsync(TestApp app, TestClient client, long claimId)
    {
        using (var asked = await PostAsync(client, claimId, "Publish", new Dictionary<string, string> { ["publish"] = "true", ["version"] = S(await VersionAsync(app, claimId)) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }

        var approver = await ApproverAsync(app);
        using var approved = await PostAsync(approver, claimId, "Approve", new Dictionary<string, string> { ["version"] = S(await VersionAsync(app, claimId)) });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
    }

    public const string Approver = "duyet@claims.vn";

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TestApp, TestClient> Approvers = new();

    /// <summary>A lead of the tree's root, signed in with two-step verification once per app (the client lives as long as the app).</summary>
    public static async Task<TestClient> ApproverAsync(TestApp app)
    {
        if (Approvers.TryGetValue(app, out var existing))
        {
            return existing;
        }

        var member = await app.AddMemberAsync(Approver, app.Tree.Root, Role.Lead);
        var client = app.Client();
        await client.SignInAdminAsync(member);
        Approvers.AddOrUpdate(app, client);
        return client;
    }

    /// <summary>A claim with a verdict and reasoning, published on the portal.</summary>
    public static async Task<long> PublishedClaimAsync(TestApp app, TestClient client, long unitId, string text = Rumour, string reasoning = "Công ty điện lực chỉ tạm ngừng cấp điện 4 giờ tại một tổ dân phố để bảo trì.", string? answer = "Không có kế hoạch cắt điện toàn phường.")
    {
        var id = await CreateAsync(client, unitId, text);
        using (var edited = await EditAsync(app, client, id, "False", reasoning, answer))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        await PublishAsync(app, client, id);
        return id;
    }

    public static Task<Feed> AddFeedAsync(TestApp app, long unitId, string outlet) => app.WithDbAsync(async db =>
    {
        var feed = new Feed { UnitId = unitId, Url = "https://feeds.example.vn/" + Guid.NewGuid().ToString("N"), Name = outlet, Outlet = outlet, CreatedAt = DateTime.UtcNow, NextPollAt = DateTime.UtcNow.AddDays(1) };
        db.Feeds.Add(feed);
        await db.SaveChangesAsync();
        return feed;
    });

    /// <summary>Ingests one article through the real ingest (and so the observers); returns its story id.</summary>
    public static Task<long> IngestAsync(TestApp app, Feed feed, string id, string title, string text, DateTimeOffset? at = null) => app.WithScopeAsync(async s =>
    {
        var entry = new ParsedEntry { Id = id, Title = title, Link = "https://tin.example.vn/" + id, ContentText = text, Published = at ?? DateTimeOffset.UtcNow.AddHours(-1) };
        await s.GetRequiredService<ArticleIngest>().IngestAsync(feed, [entry]);
        return await s.GetRequiredService<AppDbContext>().Articles.Where(a => a.Key != null && a.Url == entry.Link).Select(a => a.StoryId).SingleAsync();
    });

    /// <summary>The JSON-LD object of a page (there must be exactly one such script).</summary>
    public static JsonElement JsonLd(string html)
    {
        var scripts = JsonLdPattern().Matches(html);
        Assert.True(scripts.Count == 1, html[..Math.Min(html.Length, 3000)]);
        using var document = JsonDocument.Parse(scripts[0].Groups[1].Value);
        return document.RootElement.Clone();
    }

    [GeneratedRegex(@"id=(\d+)")]
    private static partial Regex IdPattern();

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdPattern();
}
