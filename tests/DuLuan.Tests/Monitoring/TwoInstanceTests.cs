using System.Diagnostics;
using DuLuan.Data;
using DuLuan.Features.Monitoring;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Monitoring;

/// <summary>
/// Two real `duluan serve` processes on one PostgreSQL: no feed is fetched by both at once, no article is stored
/// twice, and when one process is killed its leases expire and the other takes its feeds over.
/// </summary>
public sealed class TwoInstanceTests
{
    private const int Feeds = 12;

    [Fact]
    public async Task Two_processes_share_the_feeds_and_one_takes_over_when_the_other_is_killed()
    {
        await using var server = await LiveFeedServer.StartAsync();
        await using var app = await TestApp.StartAsync(DatabaseProvider.Postgres);
        var unit = app.Tree.ProvinceA.Id;
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        for (var i = 0; i < Feeds; i++)
        {
            var items = Enumerable.Range(0, 5)
                .Select(j => ($"Tin {j} của nguồn {i}: chuyện riêng số {i * 100 + j}", $"https://nguon{i}.example.vn/{j}", $"Nội dung riêng số {i * 100 + j} của nguồn {i}, không trùng với nguồn nào khác, mã {Guid.NewGuid():N}.", at))
                // Every feed also carries the same two wire stories: stored once for the unit.
                .Append(("Tin chung 1", "https://thongtan.example.vn/chung-1?utm_source=n" + i, "Bài của thông tấn xã được nhiều nơi đăng lại, bản thứ nhất.", at))
                .Append(("Tin chung 2", "https://thongtan.example.vn/chung-2", "Bài của thông tấn xã được nhiều nơi đăng lại, bản thứ hai.", at))
                .ToArray();
            server.Set("f" + i, "Nguồn " + i, items);
        }
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < Feeds; i++)
            {
                db.Feeds.Add(new Feed { UnitId = unit, Url = server.Url("f" + i), Name = "Nguồn " + i, Outlet = "Nguồn " + i, PollMinutes = 5, CreatedAt = DateTime.UtcNow, NextPollAt = DateTime.UtcNow });
            }

            return await db.SaveChangesAsync();
        });
        server.DelayMilliseconds = 300;

        using var first = Serve(app, server);
        using var second = Serve(app, server);
        try
        {
            await WaitAsync(() => app.WithDbAsync(db => db.Feeds.CountAsync(f => f.LastSuccessAt != null)), n => n == Feeds, "every feed polled once");
            Assert.All(server.MostInFlight.Values, n => Assert.Equal(1, n));
            Assert.Equal(Feeds * 5 + 2, await app.WithDbAsync(db => db.Articles.CountAsync()));
            Assert.Equal(0, await app.WithDbAsync(db => db.Feeds.CountAsync(f => f.LastError != null)));

            // Make every fetch hang, let both processes claim feeds, then kill the first one mid-fetch.
            server.DelayMilliseconds = 8000;
            var killedAt = DateTime.UtcNow;
            await app.WithDbAsync(db => db.Feeds.ExecuteUpdateAsync(s => s.SetProperty(f => f.NextPollAt, DateTime.UtcNow.AddSeconds(-1))));
            var owner = $"/{first.Id}/";
            await WaitAsync(() => app.WithDbAsync(db => db.Feeds.CountAsync(f => f.LeaseOwner != null && f.LeaseOwner.Contains(owner))), n => n > 0, "the first process holds a lease");
            var orphaned = await app.WithDbAsync(db => db.Feeds.Where(f => f.LeaseOwner != null && f.LeaseOwner.Contains(owner)).Select(f => f.Id).ToListAsync());
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
            server.DelayMilliseconds = 0;

            await WaitAsync(() => app.WithDbAsync(db => db.Feeds.CountAsync(f => orphaned.Contains(f.Id) && f.LastAttemptAt > killedAt && f.LeaseOwner == null)),
                n => n == orphaned.Count, "the survivor takes over the killed process's feeds");
            Assert.Equal(Feeds * 5 + 2, await app.WithDbAsync(db => db.Articles.CountAsync()));
            Assert.All(server.MostInFlight.Values, n => Assert.Equal(1, n));
        }
        finally
        {
            foreach (var p in new[] { first, second })
            {
                if (!p.HasExited)
                {
                    p.Kill(entireProcessTree: true);
                }
            }
        }
    }

    private static Process Serve(TestApp app, LiveFeedServer server)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "duluan.dll"), "serve", "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.Environment["DULUAN_Database__Provider"] = "Postgres";
        info.Environment["DULUAN_Database__ConnectionString"] = app.DatabaseOptions.ConnectionString;
        info.Environment["Monitoring__SchedulerSeconds"] = "1";
        info.Environment["Jobs__StartDelaySeconds"] = "0";
        info.Environment["Monitoring__LeaseSeconds"] = "4";
        info.Environment["Monitoring__BatchSize"] = "3";
        info.Environment["Monitoring__PerHostDelayMilliseconds"] = "0";
        info.Environment["Monitoring__AlertMinutes"] = "0";
        info.Environment["Monitoring__AllowedHosts__0"] = server.HostAndPort;
        info.Environment["Cases__WorkingHours__SweepMinutes"] = "0";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitAsync(Func<Task<int>> probe, Func<int, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        var last = -1;
        while (DateTime.UtcNow < deadline)
        {
            last = await probe();
            if (done(last))
            {
                return;
            }

            await Task.Delay(250);
        }
        Assert.Fail($"Timed out waiting for: {what} (last value {last})");
    }
}
