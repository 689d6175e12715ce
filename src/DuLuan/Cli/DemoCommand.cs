using System.CommandLine;
using DuLuan.Data;
using DuLuan.Features.Monitoring;
using DuLuan.Infrastructure;

namespace DuLuan.Cli;

public static class DemoCommand
{
    public static Command Create()
    {
        var urls = CliOptions.Urls();
        var command = new Command("demo", "Tạo CSDL mẫu (nếu chưa có), nạp dữ liệu mẫu một lần và chạy máy chủ / Create the demo database once, seed it and serve") { urls };
        command.SetAction(async (parse, ct) =>
        {
            var database = CliHost.Database(parse);
            if (database.Provider != DatabaseProvider.Sqlite)
            {
                return CliHost.Fail(parse, "Bản demo chỉ chạy trên SQLite nhúng / The demo runs on the embedded SQLite only.");
            }

            var output = parse.InvocationConfiguration.Output;
            var listen = parse.GetValue(urls)!;
            var demoBase = new Uri(listen[0].Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal));
            // The demo's feeds are served by the demo itself on loopback, so that one host is allowed explicitly.
            var app = WebHost.Build(new WebHostSettings(database, listen)
            {
                Overrides = new Dictionary<string, string?> { ["Monitoring:DemoFeeds"] = "true", ["Monitoring:AllowedHosts:0"] = demoBase.Authority },
            });
            DemoSignIn signIn;
            using (var scope = app.Services.CreateScope())
            {
                output.WriteLine("Đang chuẩn bị dữ liệu mẫu... / Preparing demo data...");
                await MigrateCommand.MigrateAsync(scope.ServiceProvider, ct);
                signIn = await DemoSeed.EnsureAsync(scope.ServiceProvider, Path.GetFullPath(database.DataDirectory), ct);
                await MonitoringDemoSeed.EnsureAsync(scope.ServiceProvider, await DemoSeed.DaNangIdAsync(scope.ServiceProvider, ct), demoBase.AbsoluteUri, ct);
                await ClaimsDemo.EnsureAsync(scope.ServiceProvider, await DemoSeed.DaNangIdAsync(scope.ServiceProvider, ct), ct);
                output.WriteLine(await Features.Bulletins.BulletinsDemoSeed.EnsureAsync(scope.ServiceProvider, await DemoSeed.DaNangIdAsync(scope.ServiceProvider, ct), ct));
            }

            await app.StartAsync(ct);
            var url = app.Urls.First();
            output.WriteLine();
            output.WriteLine($"DuLuan đang chạy tại / is running at: {url}");
            output.WriteLine($"Đăng nhập mẫu / Demo sign-in: {signIn.Email}  mật khẩu / password: {signIn.Password}");
            if (signIn.AdminSetupToken is not null)
            {
                output.WriteLine($"Quản trị viên {signIn.AdminEmail} đặt mật khẩu tại / Admin sets a password at:");
                output.WriteLine($"  {url.TrimEnd('/')}/Account/Setup?token={signIn.AdminSetupToken}");
            }

            foreach (var other in signIn.Others)
            {
                output.WriteLine(other.Role == Features.Members.Role.Lead
                    ? $"Lãnh đạo / Lead: {other.Email}  mật khẩu / password: {other.Password}  (xác thực hai bước khi đăng nhập lần đầu / two-step set-up at first sign-in: {url.TrimEnd('/')}/Account/EnableAuthenticator)"
                    : $"Đầu mối cơ quan / Agency liaison: {other.Email}  mật khẩu / password: {other.Password}");
            }

            output.WriteLine("Nhấn Ctrl+C để dừng / Press Ctrl+C to stop.");
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
