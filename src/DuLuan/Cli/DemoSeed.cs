using System.Security.Cryptography;
using DuLuan.Data;
using DuLuan.Features.Account;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Cli;

public sealed record DemoSignIn(string Email, string Password, string? AdminEmail, string? AdminSetupToken);

/// <summary>
/// Seeds the demo once per database: the official tree, a few agencies and teams, an editor whose
/// random password is kept beside the database (never a fixed default), and an admin who sets up
/// through a one-time link.
/// </summary>
public static class DemoSeed
{
    public const string EditorEmail = "bientap@demo.duluan.vn";
    public const string AdminEmail = "quantri@demo.duluan.vn";
    private const string DaNangCode = "48";

    public static async Task<DemoSignIn> EnsureAsync(IServiceProvider services, string dataDirectory, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var users = services.GetRequiredService<UserManager<Member>>();
        var credentialsFile = Path.Combine(dataDirectory, "demo-sign-in.txt");
        if (await users.FindByEmailAsync(EditorEmail) is null)
        {
            await SeedTreeAsync(services, ct);
            var password = "Demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
            var daNang = await db.Units.SingleAsync(u => u.Code == DaNangCode, ct);
            var admin = services.GetRequiredService<MemberAdmin>();
            var (editor, error) = await admin.InviteAsync(EditorEmail, "Biên tập viên (demo)", daNang, Role.Editor, ct);
            if (editor is null)
            {
                throw new InvalidOperationException(error);
            }

            await users.AddPasswordAsync(editor.Member, password);
            await admin.InviteAsync(AdminEmail, "Quản trị (demo)", daNang, Role.Admin, ct);
            await File.WriteAllTextAsync(credentialsFile, $"{EditorEmail}\n{password}\n", ct);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(credentialsFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        await Features.Opinions.OpinionsDemoSeed.EnsureAsync(services, ct);
        await Features.Concerns.Cases.CasesDemoSeed.EnsureAsync(services, ct);
        await Features.Surveys.SurveyDemoSeed.EnsureAsync(services, ct);
        await Features.Publish.PublishDemoSeed.EnsureAsync(services, ct);
        var lines = File.Exists(credentialsFile) ? await File.ReadAllLinesAsync(credentialsFile, ct) : [];
        var adminMember = await users.FindByEmailAsync(AdminEmail);
        string? setupToken = null;
        if (adminMember is not null && !await users.HasPasswordAsync(adminMember))
        {
            setupToken = await services.GetRequiredService<SetupTokens>().IssueAsync(adminMember.Id, ct);
        }

        return new DemoSignIn(lines.ElementAtOrDefault(0) ?? EditorEmail, lines.ElementAtOrDefault(1) ?? "(xem / see demo-sign-in.txt)", adminMember?.Email, setupToken);
    }

    public static Task<long> DaNangIdAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<AppDbContext>().Units.Where(u => u.Code == DaNangCode).Select(u => u.Id).SingleAsync(ct);

    private static async Task SeedTreeAsync(IServiceProvider services, CancellationToken ct)
    {
        await using (var stream = typeof(DemoSeed).Assembly.GetManifestResourceStream("DuLuan.Units.Official.json")!)
        {
            using var memory = new MemoryStream();
            await stream.CopyToAsync(memory, ct);
            await services.GetRequiredService<UnitImporter>().ImportAsync(UnitFileReader.Parse(memory.ToArray(), ".json"), ct);
        }

        var db = services.GetRequiredService<AppDbContext>();
        var tree = services.GetRequiredService<UnitTree>();
        var daNang = await db.Units.SingleAsync(u => u.Code == DaNangCode, ct);
        await tree.AddChildAsync(daNang, "Ban Tuyên giáo và Dân vận Thành uỷ", UnitKind.Committee, null, ct);
        await tree.AddChildAsync(daNang, "Sở Văn hoá, Thể thao và Du lịch", UnitKind.Agency, null, ct);
        await tree.AddChildAsync(daNang, "Sở Tài nguyên và Môi trường", UnitKind.Agency, null, ct);
        var commune = await db.Units.Where(u => u.ParentId == daNang.Id && u.Kind == UnitKind.Commune).OrderBy(u => u.Code).FirstAsync(ct);
        await tree.AddChildAsync(commune, "Tổ cộng tác viên dư luận xã hội", UnitKind.Team, null, ct);
    }
}
