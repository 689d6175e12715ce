using System.Security.Cryptography;
using System.Text;

namespace DuLuan.Features.Dialogue;

/// <summary>
/// The private code a resident keeps to follow their question: 16 symbols without look-alikes (about 79 random bits),
/// shown once as four groups of four, stored only as its SHA-256 (the code's own entropy makes a slow hash needless).
/// </summary>
public static class QuestionCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 16;
    public const int MaxTyped = 40;

    public static string New() => new(RandomNumberGenerator.GetItems<char>(Alphabet, Length));

    public static string Format(string code) => string.Join('-', Enumerable.Range(0, Length / 4).Select(i => code.Substring(i * 4, 4)));

    /// <summary>Upper case without spaces and dashes; null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > MaxTyped)
        {
            return null;
        }

        var code = new StringBuilder(Length);
        foreach (var c in typed)
        {
            if (c is ' ' or '-')
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

    public static string Hash(string normalized) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes("duluan/dialogue-question/v1:" + normalized)));
}
