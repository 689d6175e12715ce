using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DuLuan.Cli;
using DuLuan.Data;
using DuLuan.Features.Concerns.Open311;
using DuLuan.Features.Members;
using DuLuan.Features.Surveys;
using DuLuan.Features.Units;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DuLuan.Bench.Trust;

public static partial class CrashDrill
{
    internal static async Task<DatabaseOptions> CreateDatabaseAsync(DatabaseProvider provider, string work, string name)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(work, name);
            Directory.CreateDirectory(folder);
            return new DatabaseOptions { Provider = provider, DataDirectory = folder };
        }

        var admin = System.Environment.GetEnvironmentVariable("DULUAN_TEST_POSTGRES") ?? throw new InvalidOperationException("DULUAN_TEST_POSTGRES is not set (scripts/trust.sh starts a cluster).");
        var database = "duluan_trust_" + name + "_" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {database} TEMPLATE template0 ENCODING 'UTF8'", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new DatabaseOptions { Provider = provider, ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ToString() };
    }

    private static WebApplication Host(DatabaseOptions options) => WebHost.Build(new WebHostSettings(options, ["http://127.0.0.1:0"])
    {
        Overrides = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning", ["Monitoring:SchedulerSeconds"] = "0", ["Monitoring:AlertMinutes"] = "0" },
    });

    internal static async Task<Setup> SetUpAsync(DatabaseOptions options)
    {
        await using var app = Host(options);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await MigrateCommand.MigrateAsync(services, CancellationToken.None);
        var tree = services.GetRequiredService<UnitTree>();
        var root = await tree.EnsureRootAsync();
        var province = await tree.AddChildAsync(root, "Thành phố Đà Nẵng", UnitKind.Province, "48");
        var commune = await tree.AddChildAsync(province, "Phường Hoà Khánh", UnitKind.Commune, "20200");
        var key = await services.GetRequiredService<ApiKeys>().CreateAsync("Ứng dụng thử độ bền");
        var db = services.GetRequiredService<AppDbContext>();
        var json = (SurveyDefinition.Parse(Definition, out var error) ?? throw new InvalidOperationException(error)).ToJson();
        var survey = new Survey { UnitId = commune.Id, Title = "Khảo sát độ bền", Status = SurveyStatus.Published, DraftJson = json, CurrentVersion = 1, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        db.SurveyVersions.Add(new SurveyVersion { SurveyId = survey.Id, Number = 1, DefinitionJson = json, PublishedAt = DateTime.UtcNow });
        var users = services.GetRequiredService<UserManager<Member>>();
        var member = new Member { UserName = Email, Email = Email, DisplayName = "Thử khôi phục", EmailConfirmed = true };
        var created = await users.CreateAsync(member, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        db.Memberships.Add(new Membership { MemberId = member.Id, UnitId = commune.Id, Role = Role.Editor });
        await db.SaveChangesAsync();
        return new Setup(survey.Id, key.Key, "20200", commune.Id);
    }

    private static readonly object ServerLogLock = new();

    internal static Process Serve(DatabaseOptions options, out string url, string? reuse = null)
    {
        url = reuse ?? $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "duluan.dll"), "serve", "--urls", url, .. DataArgs(options)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        SetEnvironment(info, options);
        var process = Process.Start(info)!;
        // DULUAN_DRILL_SERVER_LOG keeps the server's log lines (the drill otherwise discards them) to find the cause of a 5xx.
        var keep = System.Environment.GetEnvironmentVariable("DULUAN_DRILL_SERVER_LOG");
        void Keep(string? line)
        {
            if (keep is not null && line is not null)
            {
                lock (ServerLogLock)
                {
                    File.AppendAllText(keep, line + "\n");
                }
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string[] DataArgs(DatabaseOptions options) => options.Provider == DatabaseProvider.Sqlite ? ["--data", options.DataDirectory] : [];

    private static void SetEnvironment(ProcessStartInfo info, DatabaseOptions options)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            info.Environment["DULUAN_Database__Provider"] = "Postgres";
            info.Environment["DULUAN_Database__ConnectionString"] = options.ConnectionString;
        }

        info.Environment["RateLimits__RequestsPerMinute"] = "10000000";
        info.Environment["RateLimits__SignInPerMinute"] = "1000";
        info.Environment["Open311__PostsPerHour"] = "100000000";
        info.Environment["Surveys__SubmissionsPerMinute"] = "10000000";
        info.Environment["Monitoring__SchedulerSeconds"] = "0";
        info.Environment["Monitoring__AlertMinutes"] = "0";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // The start-up phases (host built, migrations checked, listening) in the kept server log.
        info.Environment["Logging__LogLevel__DuLuan.Startup"] = "Debug";
    }

    internal static async Task<(int Code, string Output)> CliAsync(DatabaseOptions options, string[] verb)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "duluan.dll"), .. verb, .. DataArgs(options)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        SetEnvironment(info, options);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static async Task WaitHealthyAsync(string url, TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(url + "/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{url} did not become healthy in {limit.TotalSeconds} s");
    }
}
