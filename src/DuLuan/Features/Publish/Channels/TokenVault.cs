using Microsoft.AspNetCore.DataProtection;

namespace DuLuan.Features.Publish.Channels;

/// <summary>Page / OA access tokens encrypted at rest with Data Protection (keys live in the database), as contacts are.</summary>
public sealed class TokenVault(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("DuLuan.Publish.ChannelToken.v1");

    public string Protect(string token) => protector.Protect(token);

    public string Unprotect(string protectedToken) => protector.Unprotect(protectedToken);
}
