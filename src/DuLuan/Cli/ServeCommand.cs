using System.CommandLine;
using System.Diagnostics;
using DuLuan.Data;
using DuLuan.Infrastructure;

namespace DuLuan.Cli;

public static partial class ServeCommand
{
    public static Command Create()
    {
        var urls = CliOptions.Urls();
        var command = new Command("serve", "Chạy máy chủ web trên cơ sở dữ liệu đã có / Run the web server on an existing database") { urls };
        command.SetAction(async (parse, ct) =>
        {
            var app = WebHost.Build(new WebHostSettings(CliHost.Database(parse), parse.GetValue(urls)!));
            // Restart time matters after a crash: each phase is logged at Debug (Logging:LogLevel:DuLuan.Startup=Debug)
            // with the milliseconds since the process started.
            var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DuLuan.Startup");
            var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
            double Since() => (TimeProvider.System.GetUtcNow().UtcDateTime - started).TotalMilliseconds;
            LogPhase(log, "host built", Since());
            // EF builds its model on first use (about a second, more on a busy machine): build it on another thread while
            // this one checks the migrations over a plain connection and Kestrel starts. /health answers 200 only once a
            // context can connect, so nothing reports ready before the database is usable.
            var model = Task.Run(() =>
            {
                using var scope = app.Services.CreateScope();
                _ = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
                LogPhase(log, "database model built", Since());
            }, CancellationToken.None);
            var status = await MigrationCheck.StatusAsync(app.Services.GetRequiredService<DatabaseOptions>(), ct);
            if (status.DatabaseIsNewer)
            {
                return CliHost.Fail(parse, DatabaseNewerException.Refusal(status.Unknown).Both());
            }

            if (status.Pending.Count > 0)
            {
                return CliHost.Fail(parse, "Cơ sở dữ liệu chưa được cập nhật, hãy chạy `duluan migrate` / The database is not migrated; run `duluan migrate` first.");
            }

            LogPhase(log, "migrations checked", Since());
            app.Lifetime.ApplicationStarted.Register(() => LogPhase(log, "listening", Since()));
            await app.RunAsync(ct);
            await model;
            return 0;
        });
        return command;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Start-up: {Phase} at {Milliseconds:F0} ms after the process started")]
    private static partial void LogPhase(ILogger logger, string phase, double milliseconds);
}
