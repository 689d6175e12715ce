using System.Buffers;
using System.Text;

namespace DuLuan.Analysis.Text;

/// <summary>
/// Canonical Vietnamese text for comparison: cleaned characters, NFC, one tone-mark placement.
/// Returns the input instance unchanged (no allocation) when it is already normal.
/// </summary>
public static class VietnameseNormalizer
{
    public static string Normalize(string text, ToneMarkStyle style = ToneMarkStyle.New)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        // Text with nothing to clean or compose (most stored text) needs only tone repair: one light pass.
        if (CleanTextPass.TryRun<OnePassNormalizer.NormalizeOnly>(text, style, default, out var clean))
        {
            return clean;
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            if (OnePassNormalizer.TryRun<OnePassNormalizer.NormalizeOnly>(text, style, buffer, default, out var length, out _, out var changed))
            {
                return changed ? new string(buffer, 0, length) : text;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
        return NormalizeReference(text, style);
    }

    /// <summary>
    /// <see cref="Normalize"/> and <see cref="VietnameseFold.Fold(string)"/> of the result in the same pass.
    /// </summary>
    public static string NormalizeAndFold(string text, out string folded, ToneMarkStyle style = ToneMarkStyle.New)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            folded = text;
            return text;
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length * 2);
        try
        {
            var normal = buffer.AsSpan(0, text.Length);
            var fold = buffer.AsSpan(text.Length, text.Length);
            if (CleanTextPass.TryRun<OnePassNormalizer.NormalizeAndFold>(text, style, fold, out var clean))
            {
                folded = fold.SequenceEqual(clean) ? clean : new string(fold);
                return clean;
            }

            if (OnePassNormalizer.TryRun<OnePassNormalizer.NormalizeAndFold>(text, style, normal, fold, out var length, out var foldLength, out var changed))
            {
                var result = changed ? new string(normal[..length]) : text;
                folded = foldLength < 0 ? VietnameseFold.Fold(result)
                    : fold[..foldLength].SequenceEqual(result) ? result : new string(fold[..foldLength]);
                return result;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
        var reference = NormalizeReference(text, style);
        folded = VietnameseFold.Fold(reference);
        return reference;
    }

    /// <summary>
    /// The reference path: clean, then .NET's NFC over the whole text, then tone repair over the whole text.
    /// Slower; the one-pass normaliser falls back to it and is tested equal to it.
    /// </summary>
    internal static string NormalizeReference(string text, ToneMarkStyle style = ToneMarkStyle.New)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cleaned = Clean(text, out var needsNfc);
        if (needsNfc)
        {
            cleaned = Nfc.Of(cleaned);
        }

        return ToneMarkRepair.Apply(cleaned, style);
    }

    /// <summary>Drops invisible characters, maps spaces/quotes/dashes/look-alikes, repairs surrogates, cuts mark floods.</summary>
    internal static string Clean(string s, out bool needsNfc)
    {
        needsNfc = false;
        var classes = CharTables.Class;
        var markRun = 0;
        var i = 0;
        for (; i < s.Length; i++)
        {
            var k = classes[s[i]];
            if (k == CharTables.Keep)
            {
                markRun = 0;
                continue;
            }
            if (k == CharTables.NeedsNfc)
            {
                needsNfc = true;
                markRun = 0;
                continue;
            }
            if (k == CharTables.Mark && ++markRun <= CharTables.MaxMarkRun)
            {
                needsNfc = true;
                continue;
            }
            if (k == CharTables.HighSurrogate && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                if (!CharTables.IsStableSupplementary(s[i], s[i + 1]))
                {
                    needsNfc = true;
                }

                markRun = 0;
                i++;
                continue;
            }
            break;
        }
        if (i == s.Length)
        {
            return s;
        }

        return CleanSlow(s, i, markRun, ref needsNfc);
    }

    private static string CleanSlow(string s, int start, int markRun, ref bool needsNfc)
    {
        var buffer = ArrayPool<char>.Shared.Rent(s.Length);
        try
        {
            s.AsSpan(0, start).CopyTo(buffer);
            var w = start;
            var classes = CharTables.Class;
            for (var i = start; i < s.Length; i++)
            {
                var c = s[i];
                switch (classes[c])
                {
                    case CharTables.Keep:
                        markRun = 0;
                        buffer[w++] = c;
                        break;
                    case CharTables.NeedsNfc:
                        markRun = 0;
                        needsNfc = true;
                        buffer[w++] = c;
                        break;
                    case CharTables.Mark:
                        if (++markRun <= CharTables.MaxMarkRun)
                        {
                            needsNfc = true;
                            buffer[w++] = c;
                        }
                        break;
                    case CharTables.Drop:
                        break;
                    case CharTables.Map:
                        markRun = 0;
                        buffer[w++] = CharTables.Mapped[c];
                        break;
                    case CharTables.HighSurrogate when i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]):
                        markRun = 0;
                        if (!CharTables.IsStableSupplementary(c, s[i + 1]))
                        {
                            needsNfc = true;
                        }

                        buffer[w++] = c;
                        buffer[w++] = s[++i];
                        break;
                    default:
                        markRun = 0;
                        buffer[w++] = '\uFFFD';
                        break;
                }
            }
            return new string(buffer, 0, w);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
