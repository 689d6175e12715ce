using System.Globalization;
using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Publish;
using DuLuan.Features.Publish.Channels;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace DuLuan.Tests.Publish;

/// <summary>An app wired to the platform fakes, an editor and two leads of province A, and helpers that drive the real pages.</summary>
public sealed class PublishFixture : IAsyncDisposable
{
    public const string Editor = "bientap@48.vn";
    public const string Lead1 = "lanhdao1@48.vn";
    public const string Lead2 = "lanhdao2@48.vn";
    public const string OtherEditor = "bientap@01.vn";

    public required TestApp App { get; init; }

    public required PlatformFakes Fakes { get; init; }

    public required FakeTimeProvider Clock { get; init; }

    public static async Task<PublishFixture> StartAsync(DatabaseProvider provider)
    {
        var fakes = await PlatformFakes.StartAsync();
        var clock = TestClock.StartingNow();
        var app = await TestApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Publish:FacebookBaseUrl"] = fakes.BaseUrl + "/graph",
            ["Publish:ZaloBaseUrl"] = fakes.BaseUrl + "/zalo",
            ["Publish:PortalBaseUrl"] = "https://cong.example.vn",
            ["Publish:JobSeconds"] = "0",
            ["Publish:TimeoutSeconds"] = "1",
            ["Publish:LeaseSeconds"] = "60",
            ["Publish:MaxAttempts"] = "3",
            ["Publish:BackoffSeconds"] = "60",
        }, clock.Install());
        await app.AddMemberAsync(Editor, app.Tree.ProvinceA, Role.Editor);
        await app.AddMemberAsync(Lead1, app.Tree.ProvinceA, Role.Lead);
        await app.AddMemberAsync(Lead2, app.Tree.ProvinceA, Role.Lead);
        await app.AddMemberAsync(OtherEditor, app.Tree.ProvinceB, Role.Editor);
        return new PublishFixture { App = app, Fakes = fakes, Clock = clock };
    }

    public static string S(long id) => id.ToString(CultureInfo.InvariantCulture);

    public Task<PublishChannel> AddChannelAsync(ChannelKind kind, long unitId, string? token = null) => App.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<AppDbContext>();
        var channel = new PublishChannel
        {
            UnitId = unitId,
            Kind = kind,
            Name = kind == ChannelKind.Facebook ? "Trang Facebook Đà Nẵng" : "Zalo OA Đà Nẵng",
            ExternalId = kind == ChannelKind.Facebook ? PlatformFakes.PageId : "4321",
            TokenProtected = s.GetRequiredService<TokenVault>().Protect(token ?? (kind == ChannelKind.Facebook ? PlatformFakes.PageToken : PlatformFakes.OaToken)),
        };
        db.PublishChannels.Add(channel);
        await db.SaveChangesAsync();
        return channel;
    });

    private readonly Dictionary<string, TestClient> clients = new(StringComparer.Ordinal);

    /// <summary>A signed-in client per member, kept for the test (a lead enrols two-step verification only once).</summary>
    public async Task<TestClient> SignInAsync(string email)
    {
        if (clients.TryGetValue(email, out var existing))
        {
            return existing;
        }

        var client = App.Client();
        clients[email] = client;
        if (email.StartsWith("lanhdao", StringComparison.Ordinal))
        {
            var member = await App.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
            await client.SignInAdminAsync(member);
        }
        else
        {
            await client.SignInOkAsync(email);
        }

        return client;
    }

    /// <summary>Creates a post through the page (multipart, as the browser sends it) and returns its id.</summary>
    public static async Task<long> CreateAsync(TestClient client, long unitId, string title, string body, IEnumerable<long>? channels = null, byte[]? image = null, string imageName = "anh.jpg", string? scheduledAt = null)
    {
        using var response = await PostMultipartAsync(client, "/Publish/Posts/Create", unitId, title, body, channels, image, imageName, scheduledAt);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        return long.Parse(location[(location.IndexOf("id=", StringComparison.Ordinal) + 3)..], CultureInfo.InvariantCulture);
    }

    public static async Task<HttpResponseMessage> PostMultipartAsync(TestClient client, string page, long unitId, string title, string body, IEnumerable<long>? channels = null, byte[]? image = null, string imageName = "anh.jpg", string? scheduledAt = null, IDictionary<string, string>? extra = null)
    {
        var html = await client.GetStringAsync(page);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success, html[..Math.Min(2000, html.Length)]);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(S(unitId)), "UnitId" },
            { new StringContent(title), "Title" },
            { new StringContent(body), "Body" },
            { new StringContent("giao thông, an toàn"), "Tags" },
        };
        foreach (var id in channels ?? [])
        {
            form.Add(new StringContent(S(id)), "ChannelIds");
        }

        if (scheduledAt is not null)
        {
            form.Add(new StringContent(scheduledAt), "ScheduledAt");
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(value), key);
        }

        if (image is not null)
        {
            form.Add(new ByteArrayContent(image), "Image", imageName);
        }

        return await client.Http.PostAsync(page, form);
    }

    /// <summary>Posts a workflow step from the details page with the version the page shows.</summary>
    public static async Task<HttpResponseMessage> StepAsync(TestClient client, long postId, string handler, IDictionary<string, string>? extra = null, int? version = null)
    {
        var page = $"/Publish/Posts/Details?id={S(postId)}";
        var html = await client.GetStringAsync(page);
        var seen = version ?? int.Parse(System.Text.RegularExpressions.Regex.Match(html, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value, CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>(extra ?? new Dictionary<string, string>()) { ["id"] = S(postId), ["version"] = S(seen) };
        return await client.PostFormAsync(page, fields, $"{page}&handler={handler}");
    }

    public Task<Post> PostAsync(long id) => App.WithDbAsync(db => db.Posts.AsNoTracking().SingleAsync(p => p.Id == id));

    public Task<int> RunJobAsync(string instance = "test-instance") => App.WithScopeAsync(s => s.GetRequiredService<PublishJob>().RunOnceAsync(instance, CancellationToken.None));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
        await Fakes.DisposeAsync();
    }
}
