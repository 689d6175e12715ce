using System.CommandLine;
using DuLuan.Data;
using DuLuan.Features.Units;
using DuLuan.Infrastructure;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Cli;

public static class MigrateCommand
{
    /// <summary>Exit code of `migrate --check` when migrations are pending (0: none; 1: an error, e.g. a newer database).</summary>
    public const int PendingExitCode = 2;

    public static Command Create()
    {
        var check = new Option<bool>("--check")
        {
            Description = "Chỉ liệt kê các bản cập nhật sẽ áp dụng, không thay đổi gì (mã thoát 2 nếu còn) / Only list the migrations that would be applied, change nothing (exit code 2 when some are pending)",
        };
        var command = new Command("migrate", "Tạo hoặc cập nhật lược đồ cơ sở dữ liệu / Create or update the database schema") { check };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services(parse);
            await using var scope = services.CreateAsyncScope();
            if (parse.GetValue(check))
            {
                return await CheckAsync(parse, scope.ServiceProvider, ct);
            }

            IReadOnlyList<string> applied;
            try
            {
                applied = await MigrateAsync(scope.ServiceProvider, ct);
            }
            catch (DatabaseNewerException e)
            {
                return CliHost.Fail(parse, e.Message);
            }

            parse.InvocationConfiguration.Output.WriteLine(applied.Count == 0
                ? "Cơ sở dữ liệu đã mới nhất / The database is up to date."
                : $"Đã áp dụng / Applied: {string.Join(", ", applied)}");
            return 0;
        });
        return command;
    }

    public static async Task<IReadOnlyList<string>> MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        var applied = await services.GetRequiredService<Migrator>().MigrateAsync(ct);
        await services.GetRequiredService<UnitTree>().EnsureRootAsync(ct);
        return applied;
    }

    private static async Task<int> CheckAsync(ParseResult parse, IServiceProvider services, CancellationToken ct)
    {
        var status = await services.GetRequiredService<Migrator>().StatusAsync(ct);
        if (status.DatabaseIsNewer)
        {
            return CliHost.Fail(parse, DatabaseNewerException.Refusal(status.Unknown).Both());
        }

        var output = parse.InvocationConfiguration.Output;
        if (status.Pending.Count == 0)
        {
            output.WriteLine(new Message("Release.UpToDate").Both());
            return 0;
        }

        output.WriteLine(new Message("Release.Pending", AppVersion.Current, status.Pending.Count, string.Join(", ", status.Pending)).Both());
        foreach (var version in status.Pending)
        {
            output.WriteLine(version);
        }

        return PendingExitCode;
    }
}
