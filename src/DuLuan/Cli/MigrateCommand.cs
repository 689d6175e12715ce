using System.CommandLine;
using DuLuan.Data;
using DuLuan.Features.Units;

namespace DuLuan.Cli;

public static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Tạo hoặc cập nhật lược đồ cơ sở dữ liệu / Create or update the database schema");
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services(parse);
            await using var scope = services.CreateAsyncScope();
            var applied = await MigrateAsync(scope.ServiceProvider, ct);
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
}
