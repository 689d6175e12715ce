namespace DuLuan.Analysis.Text;

/// <summary>
/// The same person, other mentions: once a name is found in a text (by the rules or the learned model), the same name again
/// and its given name alone elsewhere in the text are that person too ("Nguyễn Văn Phúc … anh Phúc … Phúc nói", "Trần Thị
/// Hạnh … HẠNH", "Hạnh … hanh" without marks). Nothing is kept between texts: what was found only guides this text's removals.
/// Guards: never a word the rules found as a place, an official or a number; never a word that is part of a place in the same
/// text; never a lower-case word in a line that capitalises names ("lan rộng", "mai" tomorrow); never an everyday or a proper
/// pair with the word beside it ("An toàn", "Hà Nội"); never a kinship, title or stop word ("Anh" of "Tuấn Anh").
/// </summary>
internal static class OtherMentions
{
    internal static void Add(RedactionText view, byte[] marks, List<RedactionSpan> candidates)
    {
        var words = view.Words;
        var covered = new bool[words.Count];
        List<RedactionWord>? given = null;
        List<(int First, int Count)>? full = null;
        foreach (var c in candidates)
        {
            var first = view.FirstWordEndingAfter(c.Start);
            var last = first;
            for (var i = first; i < words.Count && words[i].Start < c.End; i++)
            {
                covered[i] = true;
                last = i;
            }
            if (c.Kind != RedactionKind.PersonName || first >= words.Count || words[first].Start >= c.End)
            {
                continue;
            }
            var name = words[last];
            if (Usable(name))
            {
                (given ??= []).Add(name);
            }
            if (last > first)
            {
                (full ??= []).Add((first, last - first + 1));
            }
        }
        if (given is null && full is null)
        {
            return;
        }

        HashSet<string>? inPlaces = null;
        for (var i = 0; i < words.Count; i++)
        {
            if (marks[i] is SpanFeatures.Place or SpanFeatures.Official)
            {
                (inPlaces ??= new HashSet<string>(StringComparer.Ordinal)).Add(words[i].Fold);
            }
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (covered[i] || marks[i] != SpanFeatures.None)
            {
                continue;
            }
            // Another mention needs a kinship word, title or verb before it ("anh Phúc", "gặp Mai"): "người Hoa", "đi Nga",
            // "Tập đoàn Hòa Phát", "taxi Mai Linh", "tiếng nga", "không đạt" repeat a name's words without being the person.
            if (i == 0 || !view.JoinedToNext(i - 1) || !(IsCue(words[i - 1]) || NameLists.NameVerbs.Contains(words[i - 1].Fold)) || covered[i - 1])
            {
                continue;
            }
            var count = full is null ? 0 : FullNameAt(view, marks, covered, full, i);
            if (count > 0)
            {
                candidates.Add(new RedactionSpan(words[i].Start, words[i + count - 1].End - words[i].Start, RedactionKind.PersonName));
                i += count - 1;
                continue;
            }
            if (given is not null && GivenNameAt(view, marks, covered, given, inPlaces, i))
            {
                candidates.Add(new RedactionSpan(words[i].Start, words[i].End - words[i].Start, RedactionKind.PersonName));
            }
        }
    }

    /// <summary>A found name of two words or more written again from word <paramref name="i"/> (folded, spaces between); returns its word count or 0.</summary>
    private static int FullNameAt(RedactionText view, byte[] marks, bool[] covered, List<(int First, int Count)> full, int i)
    {
        var words = view.Words;
        foreach (var (first, count) in full)
        {
            if (i + count > words.Count)
            {
                continue;
            }
            var same = true;
            for (var k = 0; k < count && same; k++)
            {
                var w = words[i + k];
                same = w.Fold == words[first + k].Fold && !covered[i + k] && marks[i + k] == SpanFeatures.None && (k == count - 1 || view.JoinedToNext(i + k));
            }
            if (same)
            {
                return count;
            }
        }
        return 0;
    }

    private static bool GivenNameAt(RedactionText view, byte[] marks, bool[] covered, List<RedactionWord> given, HashSet<string>? inPlaces, int i)
    {
        var words = view.Words;
        var w = words[i];
        if (w.IsNumber || (!w.Caseless && !w.Capitalised) || (inPlaces is not null && inPlaces.Contains(w.Fold)))
        {
            return false;
        }
        var match = false;
        foreach (var g in given)
        {
            match |= g.Fold == w.Fold && (!g.HasMarks || !w.HasMarks || g.Lower == w.Lower);
        }
        if (!match)
        {
            return false;
        }
        // A word joined to a capitalised word the rules left alone is part of another proper name ("Hồng Phúc", "Mai Động").
        if ((i > 0 && view.JoinedToNext(i - 1) && Proper(words[i - 1]) && !covered[i - 1] && marks[i - 1] == SpanFeatures.None && !words[i - 1].SentenceStart)
            || (i + 1 < words.Count && view.JoinedToNext(i) && Proper(words[i + 1]) && !covered[i + 1]))
        {
            return false;
        }
        return !(i > 0 && Pair(view, i - 1)) && !Pair(view, i);
    }

    /// <summary>Kinship words and titles before a person's name (folded), and "CTV" (a collaborator).</summary>
    private static readonly HashSet<string> PersonCues = new(NameLists.Kin.Concat(RedactionLexicon.PersonTitles).Append("ctv"), StringComparer.Ordinal);

    /// <summary>Everyday words with marks that fold like a title ("đi" of "đi Nga", "có", "cầu"): no cue.</summary>
    private static readonly HashSet<string> NotCues = new(StringComparer.Ordinal) { "đi", "có", "cầu", "mở", "cứ", "đó", "bán", "bạc" };

    /// <summary>A kinship word or title before a person's name ("anh", "bác", "Mệ", "CTV"), not an everyday word that folds like one.</summary>
    internal static bool IsCue(RedactionWord w) => PersonCues.Contains(w.Fold) && !NotCues.Contains(w.Lower);

    private static bool Proper(RedactionWord w) => w.Capitalised && !w.Caseless && !w.IsNumber;

    /// <summary>Word <paramref name="k"/> with the next is an everyday word or a proper name in Viet74K ("An toàn", "hoa quả", "Hà Nội").</summary>
    private static bool Pair(RedactionText view, int k)
    {
        if (!view.JoinedToNext(k))
        {
            return false;
        }
        var flags = RedactionWordList.Pair(view.Words[k], view.Words[k + 1]);
        return (flags & (view.Words[k].LineHasMarks ? RedactionWordList.Common | RedactionWordList.Proper : RedactionWordList.CommonFolded | RedactionWordList.ProperFolded)) != 0;
    }

    /// <summary>A given name that may stand alone for its person: not a kinship, title or stop word ("Anh" of "Tuấn Anh"), nor a middle name.</summary>
    private static bool Usable(RedactionWord w)
        => !w.IsNumber && w.Fold.Length >= 2 && !NameLists.Kin.Contains(w.Fold) && !NameLists.Triggers.Contains(w.Fold)
            && !RedactionLexicon.StopWords.Contains(w.Fold) && !RedactionLexicon.MiddleNames.Contains(w.Fold) && !RedactionLexicon.PersonTitles.Contains(w.Fold);
}
