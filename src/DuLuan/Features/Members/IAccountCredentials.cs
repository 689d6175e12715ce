namespace DuLuan.Features.Members;

/// <summary>
/// What the actions on a whole account (<see cref="MemberAccounts"/>, <see cref="MemberAdmin"/>) need from sign-in.
/// Members keeps people and their roles; Account keeps their credentials and sign-in state (back-off, second factor,
/// recovery codes, set-up links) and implements this, so Members does not depend on Account (which stands on Members).
/// Every change joins the caller's unit of work unless it says it saves.
/// </summary>
public interface IAccountCredentials
{
    /// <summary>Lifts the sign-in back-off of <paramref name="email"/> from every client address.</summary>
    Task ForgetFailuresAsync(string email, CancellationToken ct);

    /// <summary>Turns two-step sign-in off: the authenticator key and the recovery codes go, and the next code starts afresh.</summary>
    Task RemoveSecondFactorAsync(Member member, CancellationToken ct);

    /// <summary>Saves a new single-use set-up link for the member and returns its token, to be shown once.</summary>
    Task<string> IssueSetupTokenAsync(string memberId, CancellationToken ct);
}
