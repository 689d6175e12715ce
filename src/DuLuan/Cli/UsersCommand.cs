using System.CommandLine;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Cli;

public static class UsersCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "Email đăng nhập / Sign-in e-mail", Required = true };
        var name = new Option<string?>("--name") { Description = "Họ tên hiển thị / Display name" };
        var role = new Option<Role>("--role") { Description = "Vai trò / Role: Admin, Lead, Editor, Collaborator, AgencyLiaison, Viewer", DefaultValueFactory = _ => Role.Admin };
        var unit = new Option<string?>("--unit") { Description = "Mã đơn vị (bỏ trống: toàn bộ cây) / Unit code (empty: the whole tree)" };
        var baseUrl = new Option<string>("--base-url") { Description = "Địa chỉ web để in liên kết thiết lập / Web address for the setup link", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var add = new Command("add", "Thêm thành viên và in liên kết thiết lập dùng một lần / Add a member and print a one-time setup link") { email, name, role, unit, baseUrl };
        add.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await MigrateCommand.MigrateAsync(scope.ServiceProvider, ct);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var code = parse.GetValue(unit);
            var target = string.IsNullOrWhiteSpace(code)
                ? await scope.ServiceProvider.GetRequiredService<UnitTree>().EnsureRootAsync(ct)
                : await db.Units.FirstOrDefaultAsync(u => u.Code == code, ct);
            if (target is null)
            {
                return CliHost.Fail(parse, $"--unit: không có đơn vị mã \"{code}\" / no unit with code \"{code}\".");
            }

            var address = parse.GetValue(email)!;
            var (invitation, error) = await scope.ServiceProvider.GetRequiredService<MemberAdmin>()
                .InviteAsync(address, parse.GetValue(name) ?? address, target, parse.GetValue(role), ct);
            if (invitation is null)
            {
                return CliHost.Fail(parse, $"--email: {error}");
            }

            parse.InvocationConfiguration.Output.WriteLine($"Đã thêm {address} ({parse.GetValue(role)}, {target.Name}) / Added.");
            parse.InvocationConfiguration.Output.WriteLine($"Liên kết thiết lập dùng một lần (hết hạn sau 3 ngày) / One-time setup link (expires in 3 days):");
            parse.InvocationConfiguration.Output.WriteLine($"  {parse.GetValue(baseUrl)!.TrimEnd('/')}/Account/Setup?token={invitation.SetupToken}");
            return 0;
        });
        return new Command("users", "Thành viên / Members") { add };
    }
}
