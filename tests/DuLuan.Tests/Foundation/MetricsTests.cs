using System.Net;
using System.Net.Http.Headers;
using DuLuan.Data;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Foundation;

/// <summary>
/// OpenTelemetry's meter provider hears a meter of a given name in every host of the process, and the tests run many
/// hosts at once; production runs one. These tests run alone so the counts they read are their own host's.
/// </summary>
[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsAlone;

[Collection(nameof(MetricsTests))]
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_are_closed_without_the_token()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = app.Client();
        await client.SignInAsync("nobody@x.vn", "wrong password!");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/metrics")).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestApp.MetricsToken + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.SendAsync(wrong)).StatusCode);
        var text = await ScrapeAsync(client);
        Assert.Contains("duluan_sign_ins_total{outcome=\"failed\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_count", text, StringComparison.Ordinal);

        await using var closed = await TestApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Metrics:Token"] = string.Empty });
        using var other = closed.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Requests_are_histograms_with_buckets_by_route_and_counters_carry_only_their_own_labels()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = app.Client();
        await client.SignInAsync("nobody@x.vn", "wrong password!");
        await client.SignInAsync("nobody@x.vn", "wrong password!");

        var text = await ScrapeAsync(client);

        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("http_route=\"Account/Login\"", text, StringComparison.Ordinal);
        Assert.Contains("le=\"+Inf\"", text, StringComparison.Ordinal);
        Assert.Contains("duluan_sign_ins_total{outcome=\"failed\"} 2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("otel_scope_name", text, StringComparison.Ordinal);
    }

    private static async Task<string> ScrapeAsync(TestClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestApp.MetricsToken);
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsStringAsync();
    }
}
