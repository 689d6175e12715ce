namespace DuLuan.Features.Account;

/// <summary>Failed sign-ins for one (account, client address) pair; the account is a normalised e-mail, known or not.</summary>
public sealed class SignInThrottle
{
    public long Id { get; set; }

    public required string AccountKey { get; set; }

    public required string Address { get; set; }

    public int Failures { get; set; }

    public DateTime LastFailureAt { get; set; }

    public DateTime? BlockedUntil { get; set; }
}
