using System.Net;
using System.Text.Json;
using DuLuan.Data;
using DuLuan.Features.Concerns.Open311;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Tests.Open311.GeoReportSchema;

namespace DuLuan.Tests.Open311;

/// <summary>A POST's token is random: knowing (or guessing) a concern's text, place and day tells nothing.</summary>
public sealed class GeoReportTokenTests
{
    private const string Base = "/open311/v2";

    [Theory, Providers]
    public async Task The_token_is_not_derived_from_the_text_and_the_text_hash_finds_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var key = await app.WithScopeAsync(s => s.GetRequiredService<ApiKeys>().CreateAsync("Ứng dụng thử"));
        using var client = app.Client();
        async Task<string> PostAsync(string description)
        {
            using var response = await client.Http.PostAsync($"{Base}/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["api_key"] = key.Key,
                ["jurisdiction_id"] = "20200",
                ["service_code"] = GeoReportRequests.ServiceCode,
                ["description"] = description,
            }));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return Assert.Single(AssertArrayOf(await response.Content.ReadAsStringAsync(), PostResponse)).GetProperty("token").GetString()!;
        }

        var token = await PostAsync("Cống thoát nước đường Âu Cơ bị tắc, nước tràn lên mặt đường mỗi khi mưa.");
        var other = await PostAsync("Cây đổ chắn ngang đường Tôn Đức Thắng sau cơn bão đêm qua.");
        var dedupKeys = await app.WithDbAsync(db => db.Concerns.Select(c => c.DedupKey).ToListAsync());
        Assert.Equal(2, dedupKeys.Count);
        Assert.DoesNotContain(token, dedupKeys);
        Assert.DoesNotContain(other, dedupKeys);
        Assert.NotEqual(token, other);

        // What anyone can compute from a guessed text is not a token.
        foreach (var guess in dedupKeys)
        {
            using var response = await client.GetAsync($"{Base}/tokens/{guess}.json?jurisdiction_id=20200");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var found = await client.GetAsync($"{Base}/tokens/{token}.json?jurisdiction_id=20200");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal(token, Assert.Single(AssertArrayOf(await found.Content.ReadAsStringAsync(), TokenResponse)).GetProperty("token").GetString());
    }

    [Theory, Providers]
    public async Task Hostile_tokens_are_404_not_errors(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();
        foreach (var token in new[] { "x", new string('z', 5000), "%27%20OR%201%3D1--", "..%2F..%2Fetc", "%00", new string('0', 32) })
        {
            using var response = await client.GetAsync($"{Base}/tokens/{token}.json?jurisdiction_id=20200");
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{token}: {response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.NotFound && body.Length > 0)
            {
                using var document = JsonDocument.Parse(body);
                Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
            }
        }
    }
}
