using System.Security.Cryptography;
using DuLuan.Data;
using DuLuan.Features.Account;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Cli;

public sealed record DemoSignIn(string Email, string Password, string? AdminEmail, string? AdminSetupToken)
{
    /// <summary>The other demo accounts with a password: the lead (who enrols two-step verification at first sign-in) and the agency liaison.</summary>
    public IReadOnlyList<DemoAccount> Others { get; init; } = [];
}

/// <summary>A demo account with its generated password.</summary>
public sealed record DemoAccount(Role Role, string Email, string Password);

/// <summary>
/// Seeds the demo once per database: the official tree, a few agencies and teams, an editor whose
/// random password is kept beside the database (never a fixed default), and an admin who sets up
/// through a one-time link.
/// </summary>
public static class DemoSeed
{
    public const string EditorEmail = "bientap@demo.duluan.vn";
    public const string AdminEmail = "quantri@demo.duluan.vn";
    public const string LeadEmail = "lanhdao@demo.duluan.vn";
    public const string LiaisonEmail = "daumoi@demo.duluan.vn";
    public const string LiaisonAgency = "Sở Tài nguyên và Môi trường";
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
        await Features.Dialogue.DialogueDemoSeed.EnsureAsync(services, ct);
        await Features.Surveys.SurveyDemoSeed.EnsureAsync(services, ct);
        await Features.Publish.PublishDemoSeed.EnsureAsync(services, ct);
        var others = await EnsureOthersAsync(services, dataDirectory, ct);
        await EnsureFinishedPeriodAsync(services, ct);
        var lines = File.Exists(credentialsFile) ? await File.ReadAllLinesAsync(credentialsFile, ct) : [];
        var adminMember = await users.FindByEmailAsync(AdminEmail);
        string? setupToken = null;
        if (adminMember is not null && !await users.HasPasswordAsync(adminMember))
        {
            setupToken = await services.GetRequiredService<SetupTokens>().IssueAsync(adminMember.Id, ct);
        }

        return new DemoSignIn(lines.ElementAtOrDefault(0) ?? EditorEmail, lines.ElementAtOrDefault(1) ?? "(xem / see demo-sign-in.txt)", adminMember?.Email, setupToken) { Others = others };
    }

    /// <summary>
    /// A lead of the city (to approve posts and rebuttals that the editor drafts) and the liaison of one agency (to
    /// answer its cases), each with a generated password kept beside the database like the editor's.
    /// </summary>
    private static async Task<List<DemoAccount>> EnsureOthersAsync(IServiceProvider services, string dataDirectory, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var users = services.GetRequiredService<UserManager<Member>>();
        var file = Path.Combine(dataDirectory, "demo-other-sign-ins.txt");
        var daNang = await db.Units.SingleAsync(u => u.Code == DaNangCode, ct);
        var agency = await db.Units.Where(u => u.ParentId == daNang.Id && u.Name == LiaisonAgency).FirstOrDefaultAsync(ct) ?? daNang;
        foreach (var (role, email, name, unit) in new[] { (Role.Lead, LeadEmail, "Lãnh đạo (demo)", daNang), (Role.AgencyLiaison, LiaisonEmail, "Đầu mối Sở Tài nguyên và Môi trường (demo)", agency) })
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var (invited, error) = await services.GetRequiredService<MemberAdmin>().InviteAsync(email, name, unit, role, ct);
            if (invited is null)
            {
                throw new InvalidOperationException(error);
            }

            var password = "Demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
            await users.AddPasswordAsync(invited.Member, password);
            await File.AppendAllTextAsync(file, $"{role}\t{email}\t{password}\n", ct);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return !File.Exists(file) ? [] : (await File.ReadAllLinesAsync(file, ct))
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 3 && Enum.TryParse<Role>(parts[0], out _))
            .Select(parts => new DemoAccount(Enum.Parse<Role>(parts[0]), parts[1], parts[2]))
            .ToList();
    }

    /// <summary>The city's report of the last ended quarter, generated once, so "Lập báo cáo cuối kỳ" has a run to show.</summary>
    private static async Task EnsureFinishedPeriodAsync(IServiceProvider services, CancellationToken ct)
    {
        var daNangId = await DaNangIdAsync(services, ct);
        var period = Features.Reports.Drafts.ReportRuns.EndedPeriods(services.GetRequiredService<Infrastructure.Time.OfficeTime>().Today)[0];
        await services.GetRequiredService<Features.Reports.Drafts.ReportRuns>().StartAsync(daNangId, period, "demo", ct);
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
