namespace DuLuan.Analysis.Text;

/// <summary>
/// A name's words end at a hyphen, but a given name written with one is one name ("Lee Ji-eun", "Kim Min-jun", "Jean-Pierre"):
/// a person's span runs on over a hyphen and the letters joined after it.
/// </summary>
internal static class NameEnds
{
    internal static List<RedactionSpan> Widen(string text, List<RedactionSpan> candidates)
    {
        for (var k = 0; k < candidates.Count; k++)
        {
            var c = candidates[k];
            var end = c.End;
            while (c.Kind == RedactionKind.PersonName && end + 1 < text.Length && text[end] == '-' && char.IsLetter(text[end + 1]))
            {
                end++;
                while (end < text.Length && char.IsLetter(text[end]))
                {
                    end++;
                }
            }
            if (end != c.End)
            {
                candidates[k] = c with { Length = end - c.Start };
            }
        }
        return candidates;
    }
}
