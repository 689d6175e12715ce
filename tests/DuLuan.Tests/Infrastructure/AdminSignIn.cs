using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Features.Account;
using DuLuan.Features.Members;

namespace DuLuan.Tests.Infrastructure;

public static class AdminSignIn
{
    /// <summary>Signs in an Admin by enrolling TOTP through the real pages.</summary>
    public static async Task SignInAdminAsync(this TestClient client, Member admin)
    {
        await client.SignInOkAsync(admin.Email!);
        var page = await client.GetStringAsync("/Account/EnableAuthenticator");
        var key = Totp.FromBase32(Regex.Match(page, "<code id=\"shared-key\">([A-Z2-7]+)</code>").Groups[1].Value);
        using var enrolled = await client.PostFormAsync("/Account/EnableAuthenticator", new Dictionary<string, string> { ["Code"] = Totp.Code(key, Totp.StepAt(DateTimeOffset.UtcNow)) });
        // Enrolment ends on the page that shows the recovery codes once.
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        Assert.Contains("id=\"recovery-codes\"", await enrolled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

}
