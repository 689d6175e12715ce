using System.Reflection;
using DuLuan.Analysis.Text;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Account;

/// <summary>Refuses passwords from an embedded list of common and Vietnamese-typical passwords, and ones containing the e-mail name.</summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> l) : IPasswordValidator<Member>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<Member> manager, Member user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var folded = VietnameseFold.Fold(password);
        var stripped = folded.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '!', '@', '#', '.');
        var local = user.Email?.Split('@')[0].ToLowerInvariant();
        if (Common.Value.Contains(folded) || Common.Value.Contains(stripped)
            || (local is { Length: >= 4 } && folded.Contains(local, StringComparison.Ordinal)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = l["Identity.CommonPassword"],
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("DuLuan.Features.Account.common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}
