using System.Security.Claims;
using DuLuan.Data;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Account;

/// <summary>Marks members who hold Admin or Lead without a second factor, so they are sent to enrol first.</summary>
public sealed class MemberClaimsFactory(UserManager<Member> users, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<Member>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Member user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("name", user.DisplayName));
        var needsSecondFactor = !user.TwoFactorEnabled
            && await db.Memberships.AnyAsync(m => m.MemberId == user.Id && (m.Role == Role.Admin || m.Role == Role.Lead));
        if (needsSecondFactor)
        {
            identity.AddClaim(new Claim(AccountServices.NeedsTwoFactorClaim, "1"));
        }

        return identity;
    }
}
