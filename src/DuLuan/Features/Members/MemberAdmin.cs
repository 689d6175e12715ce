using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Members;

public sealed record Invitation(Member Member, string SetupToken);

/// <summary>Invites members and grants or revokes scoped roles; every change is audited and ends old sessions.</summary>
public sealed class MemberAdmin(AppDbContext db, UserManager<Member> users, IAccountCredentials credentials, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<(Invitation? Invitation, string? Error)> InviteAsync(string email, string displayName, Unit unit, Role role, CancellationToken cancellationToken = default)
    {
        email = email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return (null, l["Members.EmailTaken"]);
        }

        var member = new Member
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await audit.BeginAsync(cancellationToken);
        var created = await users.CreateAsync(member);
        if (!created.Succeeded)
        {
            return (null, string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await GrantAsync(member, unit, role, cancellationToken);
        var token = await credentials.IssueSetupTokenAsync(member.Id, cancellationToken);
        await audit.WriteAsync(AuditActions.MemberInvited, unit.Id, email, $"role={role}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (new Invitation(member, token), null);
    }

    public async Task GrantAsync(Member member, Unit unit, Role role, CancellationToken cancellationToken = default)
    {
        member = await users.FindByIdAsync(member.Id) ?? member;
        var exists = await db.Memberships.AnyAsync(m => m.MemberId == member.Id && m.UnitId == unit.Id && m.Role == role, cancellationToken);
        if (!exists)
        {
            db.Memberships.Add(new Membership { MemberId = member.Id, UnitId = unit.Id, Role = role, GrantedAt = clock.GetUtcNow().UtcDateTime });
            audit.Add(AuditActions.RoleGranted, unit.Id, member.Email, $"role={role}");
            await db.SaveChangesAsync(cancellationToken);
            await users.UpdateSecurityStampAsync(member);
        }
    }

    public async Task RevokeAsync(Membership membership, CancellationToken cancellationToken = default)
    {
        var member = await users.FindByIdAsync(membership.MemberId);
        db.Memberships.Remove(membership);
        audit.Add(AuditActions.RoleRevoked, membership.UnitId, member?.Email, $"role={membership.Role}");
        await db.SaveChangesAsync(cancellationToken);
        if (member is not null)
        {
            await users.UpdateSecurityStampAsync(member);
        }
    }
}
