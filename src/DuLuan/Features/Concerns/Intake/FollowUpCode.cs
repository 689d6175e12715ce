using System.Security.Cryptography;
using System.Text;

namespace DuLuan.Features.Concerns.Intake;

/// <summary>
/// The follow-up code (mã theo dõi): 16 symbols (about 79 random bits) from an alphabet without look-alikes
/// (no 0/O, 1/I/L), shown as four groups of four. Stored only as a PBKDF2-SHA256 hash; the salt is fixed so the hash
/// can be found through an index, which is safe because the code itself carries the entropy a salt would add.
/// </summary>
public static class FollowUpCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public const int Length = 16;

    /// <summary>Longest text accepted as a typed code (spaces and dashes allowed between groups).</summary>
    public const int MaxTyped = 40;

    private const int Iterations = 20_000;

    private static readonly byte[] Salt = "duluan/concern-follow-up/v1"u8.ToArray();

    public static string New() => new(RandomNumberGenerator.GetItems<char>(Alphabet, Length));

    /// <summary>ABCD-EFGH-JKMN-PQRS.</summary>
    public static string Format(string code) => string.Join('-', Enumerable.Range(0, Length / 4).Select(i => code.Substring(i * 4, 4)));

    /// <summary>The code as stored for hashing: upper case, spaces and dashes removed; null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > MaxTyped)
        {
            return null;
        }

        var code = new StringBuilder(Length);
        foreach (var c in typed)
        {
            if (c is ' ' or '-' or '\t')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (!Alphabet.Contains(upper, StringComparison.Ordinal) || code.Length == Length)
            {
                return null;
            }

            code.Append(upper);
        }

        return code.Length == Length ? code.ToString() : null;
    }

    public static string Hash(string normalized)
        => Convert.ToHexStringLower(Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(normalized), Salt, Iterations, HashAlgorithmName.SHA256, 32));

    /// <summary>Constant-time comparison of two stored-form hashes.</summary>
    public static bool Same(string a, string b)
        => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
