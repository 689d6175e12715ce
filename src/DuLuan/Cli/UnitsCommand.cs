using System.CommandLine;
using DuLuan.Features.Audit;
using DuLuan.Features.Units;

namespace DuLuan.Cli;

public static class UnitsCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Tệp JSON (danh sách chính thức) hoặc CSV code,name,kind,parent_code / Official JSON list or CSV" };
        var import = new Command("import", "Nhập hoặc cập nhật đơn vị hành chính theo mã / Import or update administrative units by code") { file };
        import.SetAction(async (parse, ct) =>
        {
            IReadOnlyList<UnitImportRow> rows;
            try
            {
                rows = UnitFileReader.Read(parse.GetValue(file)!.FullName);
            }
            catch (UnitImportException e)
            {
                return CliHost.Fail(parse, e.Message);
            }

            await using var services = CliHost.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await MigrateCommand.MigrateAsync(scope.ServiceProvider, ct);
            try
            {
                var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
                await using var transaction = await audit.BeginAsync(ct);
                var result = await scope.ServiceProvider.GetRequiredService<UnitImporter>().ImportAsync(rows, ct);
                await audit.WriteAsync(AuditActions.UnitsImported, null, parse.GetValue(file)!.Name,
                    $"created={result.Created} renamed={result.Renamed} unchanged={result.Unchanged}", ct);
                await transaction.CommitAsync(ct);
                parse.InvocationConfiguration.Output.WriteLine(
                    $"Thêm mới {result.Created}, đổi tên {result.Renamed}, không đổi {result.Unchanged} / Created {result.Created}, renamed {result.Renamed}, unchanged {result.Unchanged}.");
                return 0;
            }
            catch (UnitImportException e)
            {
                return CliHost.Fail(parse, e.Message);
            }
        });
        return new Command("units", "Cây tổ chức / The organisation tree") { import };
    }
}
