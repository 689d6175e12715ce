using System.Security.Cryptography;

namespace DuLuan.Infrastructure;

/// <summary>Random identifiers for what the public sees, so nothing public counts up or can be guessed.</summary>
public static class RandomCodes
{
    /// <summary>Lower-case letters and digits without the easily confused 0, 1, l and o (32 symbols, 5 bits each).</summary>
    public const string SlugAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public const int SlugLength = 12;

    /// <summary>A 12-symbol reference for public links (60 bits).</summary>
    public static string Slug() => new(RandomNumberGenerator.GetItems<char>(SlugAlphabet, SlugLength));

    /// <summary>Whether the text has the shape of a public reference (old stored ones are 12 hex digits).</summary>
    public static bool IsSlug(string? text)
        => text is { Length: SlugLength } && text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'));

    /// <summary>128 random bits as 32 hex digits, for API tokens.</summary>
    public static string Token() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
