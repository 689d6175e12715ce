using System.Text;

namespace DuLuan.Analysis.Text;

/// <summary>
/// NFC that never throws. .NET refuses to normalise text holding an unpaired surrogate or a noncharacter
/// such as U+FFFE, and hostile uploads carry both; those become U+FFFD before normalising.
/// </summary>
public static class Nfc
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return Repair(text).Normalize(NormalizationForm.FormC);
        }
    }

    private static string Repair(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(s[i], s[i + 1]);
                if (IsNoncharacter(codePoint))
                {
                    sb.Append('\uFFFD');
                }
                else
                {
                    sb.Append(s, i, 2);
                }

                i++;
                continue;
            }

            sb.Append(char.IsSurrogate(s[i]) || IsNoncharacter(s[i]) ? '\uFFFD' : s[i]);
        }

        return sb.ToString();
    }

    private static bool IsNoncharacter(int codePoint) =>
        (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
}
