namespace DuLuan.Analysis.Text;

/// <summary>
/// Companies, clubs and cooperatives are often named like people ("Công ty Hoàng Anh Gia Lai", "HTX Minh Phát"). The
/// organisation is what a concern is about, and a watch topic may follow it, so a name right after an organisation's
/// word is kept. Applied to what the rules and the span model found: it changes neither's input, so the shipped model
/// stays the one the development parts train.
/// </summary>
internal static class OrganisationNames
{
    private static readonly string[] Heads =
        ["cong ty", "cty", "tap doan", "doanh nghiep", "cau lac bo", "clb", "hop tac xa", "htx", "nha may", "xi nghiep", "ngan hang"];

    // A legal form may stand between the word and the name ("Công ty TNHH Minh Phát", "Công ty cổ phần Hòa Bình").
    private static readonly string[] LegalForms = ["", "tnhh mtv", "tnhh", "co phan", "cp", "mtv"];

    public static void Keep(RedactionText view, List<RedactionSpan> candidates)
        => candidates.RemoveAll(c => c.Kind == RedactionKind.PersonName && AfterOrganisationWord(view, view.FirstWordEndingAfter(c.Start)));

    private static bool AfterOrganisationWord(RedactionText view, int first)
    {
        if (first == 0 || first >= view.Words.Count || !view.JoinedToNext(first - 1))
        {
            return false;
        }

        foreach (var legal in LegalForms)
        {
            var legalWords = legal.Length == 0 ? 0 : legal.Count(c => c == ' ') + 1;
            var headEnd = first - legalWords;
            if (headEnd <= 0 || (legalWords > 0 && !(view.Spells(headEnd, legal, out var n) && n == legalWords && view.JoinedToNext(headEnd - 1))))
            {
                continue;
            }

            foreach (var head in Heads)
            {
                var headWords = head.Count(c => c == ' ') + 1;
                var start = headEnd - headWords;
                if (start >= 0 && view.Spells(start, head, out var count) && count == headWords)
                {
                    return true;
                }
            }
        }
        return false;
    }
}
