using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using DuLuan.Tests.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DuLuan.Tests.Trust;

/// <summary>
/// Anonymous survey responses leave no link to a person: after many responses from distinct addresses, browsers and
/// one signed-in member, nothing in any table, in the logs (at Information level) or in a backup names the address,
/// the browser, the cookie, the member, or the time of day a response arrived.
/// </summary>
public sealed partial class AnonymityTests
{
    /// <summary>Tables written per response; a survey's own rows (its versions, weightings) carry staff times by design.</summary>
    private static readonly string[] ResponseTables = ["survey_responses", "survey_answers", "survey_batches", "survey_tokens"];

    [Theory, Providers]
    public async Task Anonymous_responses_leave_no_trace_of_who_or_when_in_the_database_logs_or_backup(DatabaseProvider provider)
    {
        var count = TrustReport.Count(100, 1_000);
        var logs = new ConcurrentQueue<string>();
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Surveys:SubmissionsPerMinute"] = "1000000",
        }, b => b.Logging.AddProvider(new CapturingLoggerProvider(logs)));
        var surveyId = await SurveyKit.PublishedAsync(app);
        var member = await app.AddMemberAsync("nguoi-tra-loi@trust.example.vn", app.Tree.CommuneA1, Role.Viewer);
        using var signedIn = app.Client();
        await signedIn.SignInOkAsync("nguoi-tra-loi@trust.example.vn");

        using var raw = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.BaseAddress };
        // Each anonymous response comes from its own address (X-Forwarded-For from the loopback proxy is the client's address).
        var traces = new List<string> { member.Id, "nguoi-tra-loi" };
        var times = new List<DateTime>();
        for (var i = 0; i < count; i++)
        {
            var ip = $"10.{i / 250 % 250}.{i % 250}.{(i * 7 % 250) + 1}";
            var agent = $"TrinhDuyetThu/{i}.{i * 3}";
            var cookie = $"phien{i:D5}x{Guid.NewGuid():N}";
            traces.AddRange([ip, agent, cookie]);
            var client = i % 10 == 0 ? signedIn : null;
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/public/surveys/{surveyId}/responses")
            {
                Content = JsonContent.Create(SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA1.Id, i % 2 == 0 ? "yes" : "no", ("q_score", 1 + (i % 5))))),
            };
            request.Headers.Add("X-Forwarded-For", ip);
            request.Headers.UserAgent.ParseAdd(agent);
            if (client is null)
            {
                request.Headers.Add("Cookie", "duluan-survey=" + cookie);
            }

            times.Add(DateTime.UtcNow);
            using var response = client is null ? await raw.SendAsync(request) : await client.Http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(count, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == surveyId)));
        var findings = new List<string>();

        // Every table, every column, as text.
        var dump = await app.WithDbAsync(db => DumpAsync(db));
        foreach (var (table, text) in dump)
        {
            foreach (var trace in traces.Where(t => text.Contains(t, StringComparison.Ordinal)))
            {
                if (table is "AspNetUsers" or "memberships" or "audit_entries" && trace is var t0 && (t0 == member.Id || t0 == "nguoi-tra-loi"))
                {
                    continue; // the member's own account, membership and sign-in audit, not linked to any response
                }

                findings.Add($"table {table} holds {trace}");
            }
        }

        // Any time of day in the survey response tables (the day alone is kept).
        foreach (var (table, text) in dump.Where(d => ResponseTables.Contains(d.Key)))
        {
            foreach (var time in times.Select(t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture)).Distinct())
            {
                if (text.Contains(time, StringComparison.Ordinal))
                {
                    findings.Add($"table {table} holds the time {time}");
                }
            }
        }

        var logText = string.Join('\n', logs);
        findings.AddRange(traces.Where(t => logText.Contains(t, StringComparison.Ordinal)).Select(t => $"logs hold {t}"));

        // The backup archive `duluan backup` writes (SQLite: the database file; PostgreSQL: pg_dump's custom format, read
        // back as SQL with pg_restore) and, on PostgreSQL, a plain `pg_dump` as an operator would take it.
        var backup = Path.Combine(Path.GetTempPath(), "duluan-tests", $"anon-{Guid.NewGuid():N}" + (provider == DatabaseProvider.Sqlite ? ".db" : ".dump"));
        Directory.CreateDirectory(Path.GetDirectoryName(backup)!);
        await DatabaseBackup.BackupAsync(app.DatabaseOptions, backup, CancellationToken.None);
        var copies = new Dictionary<string, string>(StringComparer.Ordinal);
        if (provider == DatabaseProvider.Sqlite)
        {
            copies["backup"] = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(backup));
        }
        else
        {
            copies["backup (pg_restore -f -)"] = await PgToolAsync(app.DatabaseOptions, "pg_restore", ["--file=-", backup], withDatabase: false);
            copies["pg_dump"] = await PgToolAsync(app.DatabaseOptions, "pg_dump", ["--format=plain", "--no-owner"], withDatabase: true);
        }

        File.Delete(backup);
        foreach (var (name, text) in copies)
        {
            Assert.Contains(surveyId.ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal); // the copy really holds the data
            findings.AddRange(traces.Where(t => t != member.Id && t != "nguoi-tra-loi" && text.Contains(t, StringComparison.Ordinal)).Select(t => $"{name} holds {t}"));
            if (provider == DatabaseProvider.Postgres)
            {
                // The survey tables' COPY blocks must hold no time of day of any submission.
                foreach (var block in CopyBlock().Matches(text).Select(m => m.Value).Where(b => ResponseTables.Any(t => b.StartsWith("COPY public." + t + " ", StringComparison.Ordinal))))
                {
                    findings.AddRange(times.Select(t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture)).Distinct().Where(t => block.Contains(t, StringComparison.Ordinal)).Select(t => $"{name} holds the time {t} in {block[..Math.Min(60, block.Length)]}"));
                }
            }
        }

        TrustReport.Add("anonymity", $"links from {TrustReport.N(count)} anonymous responses to user, IP, browser, cookie or time of day in database, logs, {string.Join(", ", copies.Keys)} ({provider})", findings.Count.ToString(CultureInfo.InvariantCulture), findings.Count == 0);
        Assert.True(findings.Count == 0, string.Join("\n", findings.Distinct().Take(50)));
    }

    private static async Task<string> PgToolAsync(DatabaseOptions options, string tool, string[] arguments, bool withDatabase)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(options.ResolveConnectionString());
        var start = new System.Diagnostics.ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (withDatabase)
        {
            start.ArgumentList.Add($"--dbname={builder.Database}");
        }

        start.Environment["PGHOST"] = builder.Host;
        start.Environment["PGPORT"] = builder.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = builder.Username;
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool}: {await error}");
        return await output;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"COPY public\.\S+ \([^)]*\) FROM stdin;\n.*?\n\\\.", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex CopyBlock();

    private static async Task<Dictionary<string, string>> DumpAsync(AppDbContext db)
    {
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var dump = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var text = new StringBuilder();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    text.Append(value switch
                    {
                        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                        byte[] b => Encoding.UTF8.GetString(b),
                        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
                    }).Append('|');
                }

                text.Append('\n');
            }

            dump[table] = text.ToString();
        }

        return dump;
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
