using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Monitoring;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DuLuan.Bench.Trust;

public static partial class LoadDrill
{
    internal static HttpClient Residents(string url) => new(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A resident's submission from one of 5,000 addresses; only a 2xx counts as acknowledged.</summary>
    internal static async Task SubmitAsync(HttpClient http, CrashDrill.Setup setup, CrashDrill.Ledger ledger, Recorder recorder, long n)
    {
        var key = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/public/surveys/{setup.SurveyId}/responses")
        {
            Content = JsonContent.Create(new { idempotencyKey = key, responses = new[] { new { version = 1, answers = new Dictionary<string, object> { ["q"] = n % 3 == 0 ? "no" : "yes" } } } }),
        };
        request.Headers.Add("X-Forwarded-For", $"10.{n % 5000 / 250}.{n % 250}.{(n % 7) + 1}");
        var watch = Stopwatch.StartNew();
        int status;
        try
        {
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                ledger.Ack("survey", DuLuan.Features.Surveys.ResponseIntake.KeyHash(setup.SurveyId, key)); // stored as its hash
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            status = 0;
        }

        recorder.Add(status, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>Open loop: starts <paramref name="rate"/> calls a second whatever the answers' latency.</summary>
    internal static async Task PacedAsync(TimeSpan duration, double rate, Func<long, Task> call, Action<double>? progress, double progressSeconds = 60)
    {
        var pending = new ConcurrentDictionary<long, Task>();
        var clock = Stopwatch.StartNew();
        long n = 0;
        var nextProgress = progressSeconds;
        while (clock.Elapsed < duration)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * rate);
            while (n < due)
            {
                var id = n++;
                var task = Task.Run(() => call(id));
                pending[id] = task;
                _ = task.ContinueWith(_ => pending.TryRemove(id, out Task? _), TaskScheduler.Default);
            }

            if (progress is not null && clock.Elapsed.TotalSeconds >= nextProgress)
            {
                progress(clock.Elapsed.TotalSeconds);
                nextProgress += progressSeconds;
            }

            await Task.Delay(5);
        }

        await Task.WhenAll(pending.Values);
    }

    internal sealed record StaffResult(Recorder Recorder, int SignedIn, string PerPage);

    internal static async Task<StaffResult> StaffAsync(string url, CrashDrill.Setup setup, List<string> emails, int sessions, TimeSpan duration, double think)
    {
        var recorder = new Recorder();
        var pages = new ConcurrentDictionary<string, Recorder>();
        var signedIn = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, sessions).Select(async s =>
        {
            var address = $"172.16.{s / 250}.{(s % 250) + 1}";
            using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            var random = new Random(s);
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, (int)(think * 1000) + 1)));
            try
            {
                var login = await http.GetStringAsync("/Account/Login");
                var token = WebUtility.HtmlDecode(AntiforgeryPattern().Match(login).Groups[1].Value);
                using var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.Email"] = emails[s % emails.Count],
                    ["Input.Password"] = Password,
                    ["__RequestVerificationToken"] = token,
                }));
                if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("Login", StringComparison.Ordinal) != false)
                {
                    return;
                }

                Interlocked.Increment(ref signedIn);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return;
            }

            var n = 0;
            while (clock.Elapsed < duration)
            {
                var (name, path) = (n++ % 3) switch
                {
                    0 => ("cases queue", "/Cases/Queue"),
                    1 => ("monitoring search", "/Monitoring/Search?q=" + Uri.EscapeDataString(Subjects[random.Next(Subjects.Length)])),
                    _ => ("survey results", $"/Surveys/Results?id={setup.SurveyId}"),
                };
                var watch = Stopwatch.StartNew();
                int status;
                try
                {
                    using var response = await http.GetAsync(path);
                    await response.Content.ReadAsByteArrayAsync();
                    status = (int)response.StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    status = 0;
                }

                recorder.Add(status, watch.Elapsed.TotalMilliseconds);
                pages.GetOrAdd(name, _ => new Recorder()).Add(status, watch.Elapsed.TotalMilliseconds);
                await Task.Delay(TimeSpan.FromMilliseconds(think * 1000 * (0.5 + random.NextDouble())));
            }
        }));
        return new StaffResult(recorder, signedIn, string.Join(", ", pages.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value.P95():F0} ms")));
    }

    /// <summary>Editors at the drill's commune (sign-in targets) and loopback feeds the scheduler polls every minute.</summary>
    internal static async Task<List<string>> AddStaffAndFeedsAsync(DatabaseOptions options, int members, string feedUrl, int feedCount)
    {
        await using var app = WebHost.Build(new WebHostSettings(options, ["http://127.0.0.1:0"]) { Overrides = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning", ["Monitoring:SchedulerSeconds"] = "0", ["Monitoring:AlertMinutes"] = "0" } });
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var commune = await db.Units.Where(u => u.Code == "20200").Select(u => u.Id).SingleAsync();
        var emails = new List<string>();
        for (var i = 0; i < members; i++)
        {
            var email = $"can-bo-{i}@load.example.vn";
            var member = new Member { UserName = email, Email = email, DisplayName = $"Cán bộ thử tải {i}", EmailConfirmed = true };
            var created = await users.CreateAsync(member, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            db.Memberships.Add(new Membership { MemberId = member.Id, UnitId = commune, Role = Role.Editor });
            emails.Add(email);
        }

        for (var i = 0; i < feedCount; i++)
        {
            db.Feeds.Add(new Feed { UnitId = commune, Url = $"{feedUrl}/feed/{i}.xml", Name = $"Báo thử tải {i}", Outlet = $"Báo thử tải {i}", PollMinutes = 1, CreatedAt = DateTime.UtcNow, NextPollAt = DateTime.UtcNow });
        }

        await db.SaveChangesAsync();
        return emails;
    }

    internal static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
