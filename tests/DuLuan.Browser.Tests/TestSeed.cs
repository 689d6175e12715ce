using System.Security.Cryptography;
using DuLuan.Cli;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DuLuan.Browser.Tests;

public sealed record SeededMember(string Email, string Password);

/// <summary>Who and what the browser tests sign in as and look for.</summary>
public sealed record SeededData(
    SeededMember Admin,
    SeededMember Viewer,
    SeededMember Collaborator,
    long ProvinceId,
    string ProvinceName,
    long CommuneId,
    string CommuneName,
    long SiblingId,
    string SiblingName);

/// <summary>Migrates, imports the official 2026 tree from the app's embedded copy, and adds members with passwords.</summary>
public static class TestSeed
{
    public const string DaNangCode = "48";
    public const string HaiVanCode = "20194";
    public const string LienChieuCode = "20197";

    public static async Task<SeededData> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        await MigrateCommand.MigrateAsync(services, ct);
        await using (var stream = typeof(DemoSeed).Assembly.GetManifestResourceStream("DuLuan.Units.Official.json")
            ?? throw new InvalidOperationException("The app no longer embeds DuLuan.Units.Official.json."))
        {
            using var memory = new MemoryStream();
            await stream.CopyToAsync(memory, ct);
            await services.GetRequiredService<UnitImporter>().ImportAsync(UnitFileReader.Parse(memory.ToArray(), ".json"), ct);
        }

        var db = services.GetRequiredService<AppDbContext>();
        var province = await db.Units.SingleAsync(u => u.Code == DaNangCode, ct);
        var commune = await db.Units.SingleAsync(u => u.Code == HaiVanCode, ct);
        var sibling = await db.Units.SingleAsync(u => u.Code == LienChieuCode, ct);
        await DuLuan.Features.Monitoring.MonitoringDemoSeed.EnsureAsync(services, province.Id, "https://demo.invalid/", ct);
        return new SeededData(
            await AddMemberAsync(services, "admin@browser.test", "Browser test admin", province, Role.Admin, ct),
            await AddMemberAsync(services, "viewer@browser.test", "Browser test viewer", province, Role.Viewer, ct),
            await AddMemberAsync(services, "ctv@browser.test", "Browser test collaborator", commune, Role.Collaborator, ct),
            province.Id,
            province.Name,
            commune.Id,
            commune.Name,
            sibling.Id,
            sibling.Name);
    }

    internal static async Task<SeededMember> AddMemberAsync(IServiceProvider services, string email, string name, Unit unit, Role role, CancellationToken ct)
    {
        var (invitation, error) = await services.GetRequiredService<MemberAdmin>().InviteAsync(email, name, unit, role, ct);
        if (invitation is null)
        {
            throw new InvalidOperationException(error);
        }

        var password = "Bt-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        var added = await services.GetRequiredService<UserManager<Member>>().AddPasswordAsync(invitation.Member, password);
        if (!added.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", added.Errors.Select(e => e.Description)));
        }

        return new SeededMember(email, password);
    }
}
