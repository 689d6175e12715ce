namespace DuLuan.Analysis.Text;

/// <summary>Why a span the learned model tagged is not taken (<see cref="PersonalDataRedactor"/>): the first check that blocks it.</summary>
internal enum LearnedBlock
{
    None,

    /// <summary>It covers an official in office the rules found.</summary>
    Official,

    /// <summary>It covers a public place the rules found (a name; a home under <see cref="LearnedHomes.OutsidePlaces"/>).</summary>
    PlaceWord,

    /// <summary>A name joined after a place or an official ("Nhà văn hóa Trung tâm Lê Quang Nam").</summary>
    AfterPlace,

    /// <summary>A name after a capitalised word the rules left alone ("Trần Phú", "Nguyễn Thị Minh Khai").</summary>
    CapitalisedBefore,

    /// <summary>A name starting with a word that never starts one ("Zalo", "Hiệu trưởng", "Giá", "Mời").</summary>
    NotNameStart,

    /// <summary>A name that is or starts a listed street named after a person ("Lê Lợi ngập sâu").</summary>
    NamedPlace,

    /// <summary>A name that is part of an everyday word ("Phúc đáp", "lô đất").</summary>
    Everyday,

    /// <summary>A name right after an administrative unit ("phường Hòa Minh").</summary>
    AfterAdminUnit,

    /// <summary>A name that is or starts an outlet, page or station ("Trang tin", "Báo Thanh Niên").</summary>
    Outlet,

    /// <summary>A name joined before a name the rules found (the rules judged the longer name).</summary>
    BeforeRuleName,

    /// <summary>A name that is a place the rules know.</summary>
    Place,

    /// <summary>A name after "tiếng" (a language).</summary>
    Language,

    /// <summary>A home the policy, a stretch, its owner or its words rule out.</summary>
    Home,
}

public static partial class PersonalDataRedactor
{
    /// <summary>The learned model's spans for <paramref name="text"/> with the check that blocks each (or none): for the trainer's counts.</summary>
    internal static List<(RedactionSpan Span, LearnedBlock Block)> LearnedSpans(string text, SpanTagger model)
    {
        var rules = Rules(text, RedactionScope.Public);
        return rules.View.Words.Count == 0 ? [] : Learned(rules, Marks(rules), model, LearnedHomes.OverPlaces);
    }

    private static List<(RedactionSpan Span, LearnedBlock Block)> Learned(RuleFindings rules, byte[] marks, SpanTagger model, LearnedHomes homesPolicy)
    {
        var view = rules.View;
        var found = new List<(RedactionSpan, LearnedBlock)>();
        foreach (var (first, last, kind) in model.Tag(view, marks))
        {
            var start = view.Words[first].Start;
            var end = view.Words[last].End;
            var span = new RedactionSpan(start, end - start, kind);
            var block = LearnedBlock.None;
            var placeStarts = kind == RedactionKind.PersonName && PlaceStartsAName(view, marks, first, last);
            for (var i = first; i <= last && block == LearnedBlock.None; i++)
            {
                block = marks[i] == SpanFeatures.Official ? LearnedBlock.Official
                    : marks[i] == SpanFeatures.Place && !placeStarts && (kind == RedactionKind.PersonName || homesPolicy == LearnedHomes.OutsidePlaces) ? LearnedBlock.PlaceWord : LearnedBlock.None;
            }
            if (block == LearnedBlock.None)
            {
                block = kind == RedactionKind.PersonName ? NameBlock(rules, marks, first, last) : HomeBlocked(rules, marks, first, last, homesPolicy) ? LearnedBlock.Home : LearnedBlock.None;
            }
            found.Add((span, block));
        }
        return found;
    }

    /// <summary>
    /// A learned name that runs on from a name the rules found ("H" of "H'Bia Niê", "Kim" of "Kim Min Jun") widens it: the rules'
    /// span would win over it and leave the rest. True when it did.
    /// </summary>
    private static bool WidenRuleName(List<RedactionSpan> candidates, RedactionSpan learned)
    {
        if (learned.Kind != RedactionKind.PersonName)
        {
            return false;
        }
        for (var k = 0; k < candidates.Count; k++)
        {
            var c = candidates[k];
            if (c.Kind == RedactionKind.PersonName && c.Start < learned.End && learned.Start < c.End && (learned.Start < c.Start || learned.End > c.End))
            {
                var start = Math.Min(c.Start, learned.Start);
                candidates[k] = new RedactionSpan(start, Math.Max(c.End, learned.End) - start, RedactionKind.PersonName);
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A place the rules read where the model reads a person, starting at the name's first word: a family name that is also a
    /// place word ("Ngo Van Hai", "Duong Thi Thuy", "Truong Van Dat" without marks; "Lăng Văn Sử"), of two words or more or after
    /// a kinship word ("c Hà", "e Tram"), not run on from a place before it ("chợ Bà Sáu"), not before a number ("kiet 28"), not an
    /// everyday word ("NHÀ VĂN HÓA"). The model's name then stands.
    /// </summary>
    private static bool PlaceStartsAName(RedactionText view, byte[] marks, int first, int last)
    {
        var words = view.Words;
        return (first == 0 || marks[first - 1] is not (SpanFeatures.Place or SpanFeatures.Official) || !view.JoinedToNext(first - 1))
            && (last + 1 >= words.Count || !words[last + 1].IsNumber)
            && !Everyday(view, first)
            && (last > first || (first > 0 && view.JoinedToNext(first - 1) && OtherMentions.IsCue(words[first - 1])));
    }

    private static LearnedBlock NameBlock(RuleFindings rules, byte[] marks, int first, int last)
    {
        var view = rules.View;
        // "Nhà văn hóa Trung tâm Lê Quang Nam", "số 28 Nguyễn Thị Minh Khai": a name running on from a place is the place's;
        // "Zalo", "Hiệu trưởng" never start a person's name.
        // "Trần Phú", "Nguyễn Thị Minh Khai": a capitalised word joined before it in a cased line makes it part of a longer name the rules judged;
        // a listed street named after a person ("Lê Lợi ngập sâu") without a title is the street, as in the rules.
        var joinedBefore = first > 0 && view.JoinedToNext(first - 1);
        var before = joinedBefore ? view.Words[first - 1] : default;
        // A kinship word or title right before ("anh Thông", "bác Thành", "Mệ Sáu", "CTV A Dũng") makes a person: it lifts the checks
        // for a capitalised word before, a word that starts offices and places, and an everyday pair — unless the name's first
        // word with the next is itself an everyday word ("cô Hiệu trưởng", "ông Tổ trưởng").
        var cue = joinedBefore && OtherMentions.IsCue(before) && !Everyday(view, first);
        return joinedBefore && marks[first - 1] is SpanFeatures.Place or SpanFeatures.Official ? LearnedBlock.AfterPlace
            : !cue && before.End > 0 && before.Capitalised && !before.Caseless && (!before.SentenceStart || NameLists.FamilyNames.Contains(before.Fold)) && marks[first - 1] == SpanFeatures.None ? LearnedBlock.CapitalisedBefore
            : (!cue && RedactionLexicon.NotNameStarts.Contains(view.Words[first].Lower)) || NotLearnedNameStarts.Contains(view.Words[first].Lower) ? LearnedBlock.NotNameStart
            : StartsNamedPlace(view, first, last) ? LearnedBlock.NamedPlace
            : !cue && EverydayWord(view, first, last) ? LearnedBlock.Everyday
            : AfterAdminUnit(view, first) ? LearnedBlock.AfterAdminUnit
            : Outlet(view, first) ? LearnedBlock.Outlet
            : last + 1 < marks.Length && view.JoinedToNext(last) && marks[last + 1] == SpanFeatures.NameFirst ? LearnedBlock.BeforeRuleName
            : PlaceNames.IsPlace(view, view.Words[first].Start, view.Words[last].End, rules.Places) ? LearnedBlock.Place
            : first > 0 && view.Words[first - 1].Lower == "tiếng" ? LearnedBlock.Language
            : LearnedBlock.None;
    }

    private static bool HomeBlocked(RuleFindings rules, byte[] marks, int first, int last, LearnedHomes homesPolicy)
    {
        // A home is someone's: the writer or a named person before it in the sentence; a lone word is no address.
        var view = rules.View;
        var start = view.Words[first].Start;
        var end = view.Words[last].End;
        return homesPolicy == LearnedHomes.None || last == first || rules.Stretches.Any(s => start < s.End && s.Start < end)
            || OwnerBefore(view, marks, first) is not (HomeOwner.Writer or HomeOwner.Named)
            || (OwnerBefore(view, marks, first) == HomeOwner.Named && Residences.Contains(view.Words[first].Fold))
            || view.Words.Skip(first + 1).Take(last - first).Any(w => w.Caseless && NotInAddress.Contains(w.Fold))
            || (homesPolicy == LearnedHomes.OutsidePlaces && Touches(marks, first, last, SpanFeatures.Place));
    }
}
