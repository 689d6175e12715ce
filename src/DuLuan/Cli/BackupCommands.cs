using System.CommandLine;
using DuLuan.Data;
using DuLuan.Features.Audit;

namespace DuLuan.Cli;

/// <summary>backup FILE / restore FILE. The data-protection keys live in the database, so they travel with it.</summary>
public static class BackupCommands
{
    public static Command Backup()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Tệp sao lưu sẽ tạo / Backup file to create" };
        var command = new Command("backup", "Sao lưu toàn bộ dữ liệu (kể cả khoá bảo vệ dữ liệu) khi đang chạy / Back up all data, keys included, online") { file };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(file)!;
            if (target.Exists)
            {
                return CliHost.Fail(parse, $"FILE: tệp \"{target.FullName}\" đã tồn tại, không ghi đè / the file already exists; it is not overwritten.");
            }

            var database = CliHost.Database(parse);
            await using var services = CliHost.Services(parse);
            await using var scope = services.CreateAsyncScope();
            try
            {
                await DatabaseBackup.BackupAsync(database, target.FullName, ct);
            }
            catch (BackupException e)
            {
                return CliHost.Fail(parse, e.Message);
            }

            await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(AuditActions.Backup, null, target.Name, null, ct);
            parse.InvocationConfiguration.Output.WriteLine($"Đã sao lưu vào / Backed up to {target.FullName} ({new FileInfo(target.FullName).Length:N0} byte).");
            return 0;
        });
        return command;
    }

    public static Command Restore()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Tệp sao lưu / Backup file" };
        var command = new Command("restore", "Khôi phục dữ liệu từ bản sao lưu (dừng máy chủ trước) / Restore from a backup (stop the server first)") { file };
        command.SetAction(async (parse, ct) =>
        {
            var source = parse.GetValue(file)!;
            if (!source.Exists)
            {
                return CliHost.Fail(parse, $"FILE: không tìm thấy \"{source.FullName}\" / file not found.");
            }

            var database = CliHost.Database(parse);
            try
            {
                await DatabaseBackup.RestoreAsync(database, source.FullName, ct);
            }
            catch (BackupException e)
            {
                return CliHost.Fail(parse, e.Message);
            }

            await using var services = CliHost.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await MigrateCommand.MigrateAsync(scope.ServiceProvider, ct);
            await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(AuditActions.Restore, null, source.Name, null, ct);
            parse.InvocationConfiguration.Output.WriteLine($"Đã khôi phục từ / Restored from {source.FullName}.");
            return 0;
        });
        return command;
    }
}
