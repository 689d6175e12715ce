using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using DuLuan.Features.Concerns.Open311;
using DuLuan.Features.Surveys;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Bench.Trust;

public static partial class CrashDrill
{
    /// <summary>
    /// Open loop: <paramref name="rate"/> writes are started every second whatever the server's latency (up to 400 in
    /// flight; beyond that a write counts as not sent): 1 in 20 a post draft by the signed-in editor (the post create
    /// form; staff write far less often than residents), the others half Open311 concerns and half survey batches. Only a 2xx with an id or key (for a post, the redirect
    /// to the new post) counts as acknowledged.
    /// </summary>
    private static async Task RunLoadAsync(string url, Setup setup, Ledger ledger, int rate, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 400, ConnectTimeout = TimeSpan.FromSeconds(2) }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
        using var editor = await SignInWhileKilledAsync(url, setup, ct);
        using var inFlight = new SemaphoreSlim(400);
        var pending = new ConcurrentDictionary<long, Task>();
        var clock = Stopwatch.StartNew();
        long n = 0;
        while (!ct.IsCancellationRequested)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * rate);
            while (n < due)
            {
                var id = n++;
                if (!inFlight.Wait(0, CancellationToken.None))
                {
                    ledger.Fail(-1);
                    continue;
                }

                var task = Task.Run(async () =>
                {
                    try
                    {
                        if (id % 20 == 19)
                        {
                            await editor.DraftAsync(ledger, id);
                        }
                        else
                        {
                            await WriteAsync(http, setup, ledger, id);
                        }
                    }
                    finally
                    {
                        inFlight.Release();
                    }
                }, CancellationToken.None);
                pending[id] = task;
                _ = task.ContinueWith(_ => pending.TryRemove(id, out Task? _), TaskScheduler.Default);
            }

            try
            {
                await Task.Delay(5, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(pending.Values);
    }

    /// <summary>The editor's sign-in, tried again until it succeeds: on a starved machine the server can be killed during it.</summary>
    private static async Task<Editor> SignInWhileKilledAsync(string url, Setup setup, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await Editor.SignInAsync(url, setup);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException && !ct.IsCancellationRequested)
            {
                await Task.Delay(500, ct);
            }
        }
    }

    private static async Task WriteAsync(HttpClient http, Setup setup, Ledger ledger, long n)
    {
        Interlocked.Increment(ref ledger.Sent);
        var started = Stopwatch.GetTimestamp();
        var kills = Volatile.Read(ref ledger.Kills);
        try
        {
            if (n % 2 == 0)
            {
                var text = $"Đèn đường trước nhà số {n}-{Guid.NewGuid():N} tắt nhiều đêm liền, người đi đường rất nguy hiểm.";
                using var response = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["api_key"] = setup.ApiKey,
                    ["jurisdiction_id"] = setup.Jurisdiction,
                    ["service_code"] = GeoReportRequests.ServiceCode,
                    ["description"] = text,
                    ["email"] = $"nguoidan{n}@example.vn",
                }), CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                var token = TokenPattern().Match(body);
                if (response.IsSuccessStatusCode && token.Success)
                {
                    ledger.Ack("concern", token.Groups[1].Value, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    ledger.Fail((int)response.StatusCode);
                }
            }
            else
            {
                var key = Guid.NewGuid().ToString("N");
                using var response = await http.PostAsJsonAsync($"/api/public/surveys/{setup.SurveyId}/responses", new
                {
                    idempotencyKey = key,
                    responses = new[] { new { version = 1, answers = new Dictionary<string, object> { ["q"] = n % 3 == 0 ? "no" : "yes" } } },
                }, CancellationToken.None);
                if (response.IsSuccessStatusCode)
                {
                    ledger.Ack("survey", ResponseIntake.KeyHash(setup.SurveyId, key), Stopwatch.GetElapsedTime(started).TotalMilliseconds); // stored as its hash
                }
                else
                {
                    ledger.Fail((int)response.StatusCode);
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            ledger.Fail(e, kills, started);
        }
    }
}
