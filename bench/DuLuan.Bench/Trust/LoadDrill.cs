using System.Diagnostics;
using System.Globalization;
using DuLuan.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DuLuan.Bench.Trust;

/// <summary>
/// Load and soak against a real `duluan serve` process with the production rate limits, feed ingest running
/// (a loopback feed server that publishes new items on every poll) and residents spread over many client
/// addresses (X-Forwarded-For from loopback, as behind the documented proxy).
///   trust load [--provider postgres|sqlite] [--minutes 15] [--rate 30] [--burst 10] [--burst-seconds 60]
///              [--staff 200] [--staff-seconds 120] [--think 5] [--out file]
///     survey responses paced open-loop at --rate/s for --minutes, then --burst × the rate for --burst-seconds
///     (p95 under 500 ms, only 429s refused during the burst, 0 acknowledged responses lost); then --staff signed-in
///     sessions on the cases queue, monitoring search and survey results, each waiting about --think s between
///     pages (p95 under 1 s).
///   trust soak [--provider ...] [--minutes 120] [--rate 10] [--staff 20] [--samples file] [--out file]
///     steady traffic plus feed ingest; the server's resident memory sampled every 30 s: growth from the
///     warm-up median (minutes 5–10) to the median of the last 5 minutes (goal under 10%; a drop is not growth,
///     see SoakMemory); errors logged
///     (goal 0) and 5xx answered (goal 0).
/// </summary>
public static partial class LoadDrill
{
    private const string Password = "mot cau rat dai de nho 42";

    private static readonly string[] Places = ["Hòa Khánh", "Liên Chiểu", "Thanh Khê", "Hải Châu", "Sơn Trà", "Ngũ Hành Sơn", "Cẩm Lệ", "Hòa Vang"];

    private static readonly string[] Subjects = ["ngập nước", "sạt lở", "đèn đường hỏng", "rác thải", "giá xăng", "cầu đi bộ", "học phí", "bệnh viện quá tải", "kẹt xe", "mất điện"];

    public static async Task<int> Run(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        double Num(string name, double fallback) => double.Parse(Arg(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var soak = args.ElementAtOrDefault(1) == "soak";
        var provider = Arg("--provider", "postgres") == "sqlite" ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
        var report = Arg("--out", string.Empty);
        var work = Directory.CreateTempSubdirectory("duluan-load-");
        var figures = new List<(string Area, string Goal, string Measured, bool Met)>();
        await using var feeds = await FeedServer.StartAsync();
        Server? server = null;
        try
        {
            var options = await CrashDrill.CreateDatabaseAsync(provider, work.FullName, soak ? "soak" : "load");
            var setup = await CrashDrill.SetUpAsync(options);
            var staffCount = (int)Num("--staff", soak ? 20 : 200);
            var emails = await AddStaffAndFeedsAsync(options, Math.Min(staffCount, 20), feeds.Url, feedCount: 12);
            server = Server.Start(options, work.FullName);
            await CrashDrill.WaitHealthyAsync(server.Url, TimeSpan.FromSeconds(120));
            Console.WriteLine($"== {(soak ? "soak" : "load")} on {provider}: server {server.Url}, feeds {feeds.Url}, load average {LoadAverage()}");
            if (soak)
            {
                await SoakAsync(server, setup, emails, Num("--minutes", 120), Num("--rate", 10), staffCount, Arg("--samples", Path.Combine(work.FullName, "samples.tsv")), feeds, provider, figures);
            }
            else
            {
                await LoadAsync(server, options, setup, emails, Num("--minutes", 15), Num("--rate", 30), Num("--burst", 10), Num("--burst-seconds", 60), staffCount, Num("--staff-seconds", 120), Num("--think", 5), feeds, provider, figures);
            }
        }
        finally
        {
            server?.Stop();
            foreach (var (area, goal, measured, met) in figures)
            {
                Console.WriteLine($"{area}\t{goal}\t{measured}\t{(met ? "met" : "NOT met")}");
                if (report.Length > 0)
                {
                    await File.AppendAllTextAsync(report, string.Join('\t', area, goal, measured, met ? "met" : "NOT met") + "\n");
                }
            }

            NpgsqlConnection.ClearAllPools();
            try { work.Delete(recursive: true); } catch (IOException) { }
        }

        return figures.Count > 0 && figures.All(f => f.Met) ? 0 : 1;
    }

    private static async Task LoadAsync(Server server, DatabaseOptions options, CrashDrill.Setup setup, List<string> emails, double minutes, double rate, double burst, double burstSeconds, int staffCount, double staffSeconds, double think, FeedServer feeds, DatabaseProvider provider, List<(string, string, string, bool)> figures)
    {
        var ledger = new CrashDrill.Ledger();
        using var http = Residents(server.Url);

        // Baseline: one resident at a time on the idle server.
        var idle = new Recorder();
        for (var i = 0; i < 50; i++)
        {
            await SubmitAsync(http, setup, ledger, idle, i);
        }

        var idleP95 = idle.P95();
        Console.WriteLine($"idle baseline: p95 {idleP95:F0} ms over 50 sequential submissions");

        var steady = new Recorder();
        var load1 = LoadAverage();
        await PacedAsync(TimeSpan.FromMinutes(minutes), rate, n => SubmitAsync(http, setup, ledger, steady, n), progress: s => Console.WriteLine($"  {s / 60:F0} min: {steady.Summary()}, load average {LoadAverage()}"));
        var load2 = LoadAverage();
        var burstRecorder = new Recorder();
        await PacedAsync(TimeSpan.FromSeconds(burstSeconds), rate * burst, n => SubmitAsync(http, setup, ledger, burstRecorder, 1_000_000 + n), progress: null);
        var load3 = LoadAverage();
        await Task.Delay(2000);
        var (lost, integrity) = await CrashDrill.VerifyAsync(options, ledger.Snapshot());
        Console.WriteLine($"steady {rate}/s for {minutes} min: {steady.Summary()}; burst {rate * burst}/s for {burstSeconds} s: {burstRecorder.Summary()}; lost {lost} of {ledger.Count}; feeds served {feeds.Requests}");

        var steadyErrors = steady.Count(s => s is < 200 or >= 300);
        figures.Add(("load", $"{rate:F0} survey responses/s for {minutes:F0} min: p95 under 500 ms, no refusals ({provider})",
            $"p95 {steady.P95():F0} ms ({steady.P95() / Math.Max(1, idleP95):F1}× idle {idleP95:F0} ms), {steady.Total:N0} sent, {steadyErrors} refused ({steady.Statuses()}); load average {load1} → {load2}",
            steady.P95() < 500 && steadyErrors == 0));
        var burstOther = burstRecorder.Count(s => s is (< 200 or >= 300) and not 429);
        figures.Add(("load", $"burst {rate * burst:F0}/s for {burstSeconds:F0} s: only 429s refused, p95 under 500 ms ({provider})",
            $"p95 {burstRecorder.P95():F0} ms, {burstRecorder.Total:N0} sent, {burstRecorder.Count(s => s == 429)} × 429, {burstOther} other refusals ({burstRecorder.Statuses()}); achieved {burstRecorder.Total / burstSeconds:F0}/s; load average {load3}",
            burstOther == 0 && burstRecorder.P95() < 500));
        figures.Add(("load", $"acknowledged survey responses lost ({provider})", $"{lost} of {ledger.Count:N0}; integrity {integrity}", lost == 0 && integrity == "ok"));

        // Staff: signed-in sessions on the cases queue, monitoring search and survey results.
        var staff = await StaffAsync(server.Url, setup, emails, staffCount, TimeSpan.FromSeconds(staffSeconds), think);
        figures.Add(("load", $"{staffCount} concurrent staff sessions (cases queue, monitoring search, survey results with {ledger.Count:N0} responses, ~{think:F0} s between pages): p95 under 1 s ({provider})",
            $"p95 {staff.Recorder.P95():F0} ms over {staff.Recorder.Total:N0} pages ({staff.Recorder.Total / staffSeconds:F0}/s), {staff.Recorder.Count(s => s != 200)} not 200 ({staff.Recorder.Statuses()}); {staff.SignedIn} sessions signed in; per page p95 {staff.PerPage}; load average {LoadAverage()}",
            staff.Recorder.P95() < 1000 && staff.SignedIn == staffCount && staff.Recorder.Count(s => s != 200) == 0));
        figures.Add(("load", $"errors logged by the server during the load run ({provider})", $"{server.Errors} (first: {server.FirstError ?? "none"})", server.Errors == 0));
    }

    private static async Task SoakAsync(Server server, CrashDrill.Setup setup, List<string> emails, double minutes, double rate, int staffCount, string samplesPath, FeedServer feeds, DatabaseProvider provider, List<(string, string, string, bool)> figures)
    {
        var ledger = new CrashDrill.Ledger();
        using var http = Residents(server.Url);
        var residents = new Recorder();
        var duration = TimeSpan.FromMinutes(minutes);
        var samples = new List<(double Minute, long Rss)>();
        await File.WriteAllTextAsync(samplesPath, "minute\trss_kb\tresponses\tstaff_pages\tfeed_polls\tarticles\terrors\tload\n");
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var rss = server.ResidentKilobytes();
                var minute = clock.Elapsed.TotalMinutes;
                lock (samples)
                {
                    samples.Add((minute, rss));
                }

                await File.AppendAllTextAsync(samplesPath, string.Join('\t', minute.ToString("F1", CultureInfo.InvariantCulture), rss, residents.Total, 0, feeds.Requests, feeds.Items, server.Errors, LoadAverage()) + "\n");
                try { await Task.Delay(TimeSpan.FromSeconds(30), stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var staffTask = StaffAsync(server.Url, setup, emails, staffCount, duration, think: 5);
        await PacedAsync(duration, rate, n => SubmitAsync(http, setup, ledger, residents, n),
            progress: s => Console.WriteLine($"  {s / 60:F0} min: rss {server.ResidentKilobytes() / 1024:N0} MB, residents {residents.Summary()}, feed polls {feeds.Requests}, errors logged {server.Errors}, load average {LoadAverage()}"),
            progressSeconds: 300);
        var staff = await staffTask;
        await stop.CancelAsync();
        await sampler;
        var measured = clock.Elapsed.TotalMinutes;

        var memory = SoakMemory.From(samples, measured, minutes);
        var fiveXx = residents.Count(s => s >= 500) + staff.Recorder.Count(s => s >= 500);
        Console.WriteLine($"soak {measured:F0} min: {memory.Measured()}; residents {residents.Summary()}; staff {staff.Recorder.Summary()}; feed polls {feeds.Requests}, items published {feeds.Items}; errors logged {server.Errors}");
        figures.Add(("soak", memory.Goal(provider.ToString()),
            $"{memory.Measured()}; {residents.Total:N0} responses, {staff.Recorder.Total:N0} staff pages, {feeds.Requests:N0} feed polls; load average {LoadAverage()}",
            memory.Met));
        figures.Add(("soak", $"unhandled exceptions and 5xx during the soak ({provider})", $"{server.Errors} errors logged, {fiveXx} 5xx over {measured:F0} min (first: {server.FirstError ?? "none"})", server.Errors == 0 && fiveXx == 0));
    }
}
