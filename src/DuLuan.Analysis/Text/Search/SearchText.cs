using System.Text;

namespace DuLuan.Analysis.Text;

/// <summary>
/// The searchable form of a text: folded (<see cref="VietnameseFold"/>), with every character that is not a letter or
/// digit replaced by a space. Store this in the full-text column (SQLite FTS5 <c>unicode61</c>, PostgreSQL
/// <c>to_tsvector('simple', ...)</c>): both engines then index exactly the letter/digit runs that
/// <see cref="SearchQuery"/> emits. Without it PostgreSQL's parser keeps "tp.hcm" or "email@x.vn" as one host/email
/// token while FTS5 splits them, and the two databases would answer differently.
/// </summary>
public static class SearchText
{
    public static string IndexForm(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokens(VietnameseFold.Fold(text));
        return string.Join(' ', tokens);
    }

    /// <summary>Letter/digit runs of an already folded text.</summary>
    public static List<string> Tokens(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        var tokens = new List<string>();
        var current = new StringBuilder();
        var i = 0;
        while (i < folded.Length)
        {
            if (Rune.DecodeFromUtf16(folded.AsSpan(i), out var rune, out var used) == System.Buffers.OperationStatus.Done
                && IsTokenRune(rune))
            {
                current.Append(folded, i, used);
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
            i += used;
        }
        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    internal static bool IsTokenRune(Rune rune) => Rune.IsLetterOrDigit(rune);
}
