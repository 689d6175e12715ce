using System.CommandLine;
using DuLuan.Data;
using DuLuan.Infrastructure;

namespace DuLuan.Cli;

public static class ServeCommand
{
    public static Command Create()
    {
        var urls = CliOptions.Urls();
        var command = new Command("serve", "Chạy máy chủ web trên cơ sở dữ liệu đã có / Run the web server on an existing database") { urls };
        command.SetAction(async (parse, ct) =>
        {
            var app = WebHost.Build(new WebHostSettings(CliHost.Database(parse), parse.GetValue(urls)!));
            using (var scope = app.Services.CreateScope())
            {
                if (!await scope.ServiceProvider.GetRequiredService<Migrator>().IsUpToDateAsync(ct))
                {
                    return CliHost.Fail(parse, "Cơ sở dữ liệu chưa được cập nhật, hãy chạy `duluan migrate` / The database is not migrated; run `duluan migrate` first.");
                }
            }

            await app.RunAsync(ct);
            return 0;
        });
        return command;
    }
}
