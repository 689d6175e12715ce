namespace DuLuan.Analysis.Text;

/// <summary>
/// Hashed features of one word for the learned span model: the folded words around it (titles, "tên", "nhà", "ở" …),
/// how it is written (capitals, marks, the line's case), name lists, Viet74K membership, punctuation on either side,
/// its position, what the rules found there, the kinship words, verbs, place types and offices beside it, and the labels of
/// the two words before it (<see cref="ExtractAfter"/>, <see cref="Pair"/>, <see cref="JoinedPair"/>: the decoder tries each).
/// </summary>
internal static class SpanFeatures
{
    internal const int Bits = 18;
    internal const int Size = 1 << Bits;
    internal const int PerWord = 45;
    internal const int PerLabel = 9;

    /// <summary>Changes whenever the features change: a saved model says which it was trained with.</summary>
    internal const int Version = 4;

    // What the rules found at a word (<see cref="Marks"/>).
    internal const byte None = 0;
    internal const byte NameFirst = 1;
    internal const byte NameInside = 2;
    internal const byte HomeFirst = 3;
    internal const byte HomeInside = 4;
    internal const byte Place = 5;
    internal const byte Official = 6;
    internal const byte Number = 7;

    /// <summary>Per word: its shape, its name-list and word-list class, computed once per text.</summary>
    internal readonly record struct WordInfo(ulong Fold, ulong Lower, int Shape, int Class, int PairNext, int GapBefore, int Role, int Join, int Syllable = 0);

    // <see cref="WordInfo.Syllable"/>: not a Vietnamese syllable (1), the tone (<see cref="NameSyllable.Tone"/>) shifted by 1,
    // joined by an apostrophe to the word before (16: "H'Bia") or after (32).
    private const int Foreign = 1;
    private const int ApostropheBefore = 16;
    private const int ApostropheAfter = 32;

    // What a word says about its neighbour (<see cref="WordInfo.Role"/>): a kinship or address word, a verb or joiner
    // before a name, a place type or administrative unit, the first word of an office.
    private const int KinRole = 1;
    private const int VerbRole = 2;
    private const int PlaceRole = 4;
    private const int OfficeRole = 8;

    private static readonly HashSet<string> PlaceWords = new(
        RedactionLexicon.PlaceTypes.Where(p => !p.Contains(' ', StringComparison.Ordinal)).Concat(RedactionLexicon.AdminUnits), StringComparer.Ordinal);

    private static readonly HashSet<string> OfficeWords = new(
        RedactionLexicon.OfficeTitles.Select(o => o.Split(' ')[0]).Concat(["ubnd", "hdnd", "so", "phong", "cong", "doi", "ban", "uy"]), StringComparer.Ordinal);

    private static int RoleOf(RedactionWord w) => w.IsNumber ? 0
        : (NameLists.Kin.Contains(w.Fold) ? KinRole : 0) | (NameLists.NameVerbs.Contains(w.Fold) ? VerbRole : 0)
            | (PlaceWords.Contains(w.Fold) ? PlaceRole : 0) | (OfficeWords.Contains(w.Fold) ? OfficeRole : 0);

    internal static WordInfo[] Describe(RedactionText view)
    {
        var words = view.Words;
        var info = new WordInfo[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            var shape = (w.Capitalised ? 1 : 0) | (w.Caseless ? 2 : 0) | (w.HasMarks ? 4 : 0) | (w.LineHasMarks ? 8 : 0) | (w.IsNumber ? 16 : 0) | (w.SentenceStart ? 32 : 0)
                | (IsAllUpper(view.Text.AsSpan(w.Start, w.End - w.Start)) ? 64 : 0);
            var cls = 0;
            if (!w.IsNumber)
            {
                cls = (NameLists.FamilyNames.Contains(w.Fold) ? 1 : 0) | (RedactionLexicon.Surnames.Contains(w.Fold) ? 2 : 0) | (RedactionLexicon.AmbiguousSurnames.Contains(w.Fold) ? 4 : 0)
                    | (RedactionLexicon.MiddleNames.Contains(w.Fold) ? 8 : 0) | (NameLists.GivenNames.Contains(w.Fold) ? 16 : 0) | (RedactionLexicon.StopWords.Contains(w.Fold) ? 32 : 0)
                    | (RedactionWordList.Single(w.Lower, w.Fold) << 6) | (NameLists.MinorityFamilyNames.Contains(w.Fold) ? 1024 : 0);
            }
            var pair = i + 1 < words.Count && view.JoinedToNext(i) ? RedactionWordList.Pair(w, words[i + 1]) : 0;
            var gap = GapClass(view, i);
            var join = i > 0 && NameLists.Joiners.Contains(words[i - 1].Fold) ? 1 : gap == 1 ? 2 : 0;
            info[i] = new WordInfo(SegmenterFeatures.HashSyllable(w.Fold), SegmenterFeatures.HashSyllable(w.Lower), shape, cls, pair, gap, RoleOf(w), join, w.IsNumber ? 0 : Syllable(view, i));
        }
        return info;
    }

    /// <summary>Writes the features of word <paramref name="i"/> that do not depend on the labels before it into <paramref name="into"/> (length <see cref="PerWord"/>); returns how many.</summary>
    internal static int Extract(RedactionText view, WordInfo[] info, byte[] marks, int i, Span<int> into)
    {
        var k = 0;
        var n = info.Length;
        ulong FoldAt(int j) => j < 0 ? 0x51UL : j >= n ? 0x52UL : info[j].Fold;
        ulong ShapeAt(int j) => j < 0 || j >= n ? 0x80UL : (ulong)info[j].Shape;
        ulong ClassAt(int j) => j < 0 || j >= n ? 0x1000UL : (ulong)info[j].Class;
        ulong MarkAt(int j) => j < 0 || j >= n ? 0x10UL : marks[j];
        var w = info[i];
        var f0 = w.Fold;
        var fm1 = FoldAt(i - 1);
        var fm2 = FoldAt(i - 2);
        var fp1 = FoldAt(i + 1);
        var fp2 = FoldAt(i + 2);
        var mark = (ulong)marks[i];
        var shape = (ulong)w.Shape;
        var cls = (ulong)w.Class;
        var gapAfter = i + 1 < n ? (ulong)info[i + 1].GapBefore : 9UL;

        into[k++] = Index(0, 0);
        into[k++] = Index(1, f0);
        into[k++] = Index(2, w.Lower);
        into[k++] = Index(3, fm1);
        into[k++] = Index(4, fm2);
        into[k++] = Index(5, fp1);
        into[k++] = Index(6, fp2);
        into[k++] = Index(7, Mix(fm1, f0));
        into[k++] = Index(8, Mix(f0, fp1));
        into[k++] = Index(9, Mix(fm2, fm1));
        into[k++] = Index(10, Mix(fp1, fp2));
        into[k++] = Index(11, shape);
        into[k++] = Index(12, Mix(Mix(ShapeAt(i - 1), shape), ShapeAt(i + 1)));
        into[k++] = Index(13, cls);
        into[k++] = Index(14, Mix(ClassAt(i - 1), cls));
        into[k++] = Index(15, Mix(cls, ClassAt(i + 1)));
        into[k++] = Index(16, Mix((ulong)(i > 0 ? info[i - 1].PairNext : 0x100), (ulong)w.PairNext));
        into[k++] = Index(17, mark);
        into[k++] = Index(18, Mix(Mix(MarkAt(i - 1), mark), MarkAt(i + 1)));
        into[k++] = Index(23, Mix((ulong)w.GapBefore, gapAfter));
        into[k++] = Index(24, Mix(mark, shape));
        into[k++] = Index(25, Mix(fm1, shape));
        into[k++] = Index(26, Mix((ulong)Math.Min(i, 4), shape & 32));
        into[k++] = Index(27, Mix(cls, fm1));
        into[k++] = Index(30, Mix(fm1, (ulong)w.GapBefore));
        into[k++] = Index(31, Mix(cls, shape & 19));
        into[k++] = Index(32, Mix(Mix(fm2, fm1), shape & 19));
        // Words a little further back: "nhà tôi thuê ở số 14 …", "tôi sống một mình ở …".
        for (var j = i - 3; j >= i - 6 && j >= 0; j--)
        {
            into[k++] = Index(34, info[j].Fold);
        }
        into[k++] = Index(35, Mix(cls, fp1));
        var names = cls & 0x411;
        var roleBefore = i > 0 ? (ulong)info[i - 1].Role : 0x20UL;
        var roleAfter = i + 1 < n ? (ulong)info[i + 1].Role : 0x20UL;
        // The word before: "anh Tuấn", "gặp Lan", "báo với Trinh"; and after: "Trang tổ 4" against "Trang tin", "Hòa chủ tịch".
        into[k++] = Index(40, Mix(Mix(roleBefore, shape & 35), names));
        into[k++] = Index(41, Mix(Mix(roleBefore, roleAfter), names));
        into[k++] = Index(42, Mix(Mix(roleAfter, cls & 0x41F), shape & 1));
        // A given name opening a sentence before a lower-case word ("Hằng bên tổ 4 nói …").
        into[k++] = Index(43, Mix(Mix(shape & 33, names), Mix(ShapeAt(i + 1) & 3, ClassAt(i + 1) & 0x60)));
        // A capitalised pair that is an everyday word ("Bình thường", "Phúc đáp") is less likely a name.
        into[k++] = Index(44, Mix(Mix((ulong)(i > 0 ? info[i - 1].PairNext : 0x100), (ulong)w.PairNext), Mix(shape & 1, ShapeAt(i + 1) & 1)));
        into[k++] = Index(45, Mix(Mix(i > 1 ? (ulong)info[i - 2].Role : 0x20UL, roleBefore), names));
        // A listed name that is no everyday word, by how it is written and where ("Tú lái xe …", "Giàu chủ ghe …").
        into[k++] = Index(47, Mix(cls, shape & 35));
        into[k++] = Index(48, Mix(Mix(cls & 0x7D1, shape & 33), Mix(ShapeAt(i + 1) & 3, ClassAt(i + 1) & 0x3E0)));
        // Names no list holds, by their shape: not a Vietnamese syllable ("Ksor", "Mlô", "Smith"), beside others like it, an
        // apostrophe inside ("H'Bia", "Y'Lan"). (Rhyme, tone and first and last letters helped cross-validation a little but not the held-out rounds.)
        ulong ForeignAt(int j) => j < 0 || j >= n ? 2UL : (ulong)(info[j].Syllable & Foreign);
        var syllable = (ulong)w.Syllable;
        into[k++] = Index(49, Mix(syllable & Foreign, shape & 35));
        into[k++] = Index(50, Mix(Mix(ForeignAt(i - 1), syllable & Foreign), Mix(ForeignAt(i + 1), shape & 3)));
        into[k++] = Index(53, Mix(syllable & (ApostropheBefore | ApostropheAfter | Foreign), shape & 1));
        return k;
    }

    /// <summary>Writes the features of word <paramref name="i"/> that depend on the label of the word before it (<paramref name="previous"/>); returns how many.</summary>
    internal static int ExtractAfter(WordInfo[] info, byte[] marks, int i, int previous, Span<int> into)
    {
        var n = info.Length;
        var w = info[i];
        var prev = (ulong)previous;
        var cls = (ulong)w.Class;
        var next = i + 1 < n ? (ulong)info[i + 1].Class : 0x1000UL;
        into[0] = Index(19, prev);
        into[1] = Index(21, Mix(prev, w.Fold));
        into[2] = Index(22, Mix(prev, (ulong)w.Shape));
        into[3] = Index(28, Mix(prev, cls));
        into[4] = Index(29, Mix(Mix(prev, marks[i]), (ulong)w.Shape & 3));
        into[5] = Index(33, Mix(prev, i > 0 ? info[i - 1].Fold : 0x51UL));
        into[6] = Index(36, Mix(Mix(prev, cls), next));
        into[7] = Index(37, Mix(Mix(prev, (ulong)w.GapBefore), (ulong)w.Shape & 1));
        into[8] = Index(38, Mix(Mix(prev, i > 0 ? (ulong)info[i - 1].Role : 0x20UL), cls & 0x411));
        return PerLabel;
    }

    /// <summary>The feature of the labels of the two words before (<paramref name="previous"/> and <paramref name="beforePrevious"/>), the same at every word.</summary>
    internal static int Pair(int previous, int beforePrevious) => Index(20, Mix((ulong)previous, (ulong)beforePrevious));

    /// <summary>The labels of the two words before with how the word joins them (after "và"/"với": 1, after a comma: 2): "Lan và Hoa", "Tín, Hiển".</summary>
    internal static int JoinedPair(int previous, int beforePrevious, int join) => Index(46, Mix(Mix((ulong)previous, (ulong)beforePrevious), (ulong)join));

    /// <summary>The syllable flags of word <paramref name="i"/>: no Vietnamese syllable ("Ksor", "Smith"), its tone, an apostrophe joining it ("H'Bia").</summary>
    private static int Syllable(RedactionText view, int i)
    {
        var w = view.Words[i];
        return (NameSyllable.RhymeStart(w.Fold) < 0 ? Foreign : 0) | (NameSyllable.Tone(w.Lower) << 1)
            | (i > 0 && IsApostrophe(view.GapAfter(i - 1)) ? ApostropheBefore : 0) | (i + 1 < view.Words.Count && IsApostrophe(view.GapAfter(i)) ? ApostropheAfter : 0);
    }

    private static bool IsApostrophe(ReadOnlySpan<char> gap) => gap is "'" or "’";

    private static ulong Mix(ulong a, ulong b) => SegmenterFeatures.Combine(a, b);

    private static int Index(int template, ulong value) => (int)(SegmenterFeatures.Combine((ulong)template + 0x5A00, value) >> (64 - Bits));

    private static bool IsAllUpper(ReadOnlySpan<char> s)
    {
        var letters = 0;
        foreach (var c in s)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }
                letters++;
            }
        }
        return letters > 1;
    }

    private static int GapClass(RedactionText view, int i)
    {
        if (i == 0)
        {
            return 8;
        }

        var gap = view.GapAfter(i - 1);
        if (gap.IndexOf('\n') >= 0)
        {
            return 6;
        }
        var trimmed = gap.Trim();
        return trimmed.Length == 0 ? 0
            : trimmed.IndexOf(',') >= 0 ? 1
            : trimmed.IndexOf(':') >= 0 ? 2
            : trimmed.IndexOfAny(".!?;") >= 0 ? 3
            : trimmed.IndexOfAny("-–—") >= 0 ? 4
            : trimmed.IndexOfAny("()") >= 0 ? 5
            : 7;
    }
}
