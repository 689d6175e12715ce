namespace DuLuan.Analysis.Statistics.Disclosure;

/// <summary>
/// One side of a published table: the categories a question is counted by, written as vectors over the
/// functions its answers can be told apart by ("features"). Single choice (also rating, unit): one feature
/// per option, plus "no answer" when the question can be skipped; the options partition the answers.
/// Multiple choice: one feature per option (picked it), "answered" and "no answer"; the options overlap.
/// Number, date and text: only "answered" and "no answer". The features of an axis are linearly
/// independent functions of the answer, so a published count is exactly the product of its row and column
/// vectors in the tensor space of the two axes.
/// </summary>
public sealed class DisclosureAxis
{
    private readonly long[][] categories;

    private DisclosureAxis(int features, long[][] categories, long[] answered, long[] constant)
    {
        Features = features;
        this.categories = categories;
        Answered = answered;
        Constant = constant;
    }

    /// <summary>Number of features (the dimension of this side).</summary>
    public int Features { get; }

    public int Categories => categories.Length;

    /// <summary>The function "answered the question".</summary>
    public long[] Answered { get; }

    /// <summary>The constant function 1 (every respondent).</summary>
    public long[] Constant { get; }

    public long[] Category(int index) => categories[index];

    /// <summary>One category covering everyone: the row of a one-way table.</summary>
    public static DisclosureAxis Whole { get; } = Partition(1, missing: false);

    /// <summary>Options that partition the answers (single choice, rating, unit; also the response's unit).</summary>
    public static DisclosureAxis Partition(int options, bool missing)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options);
        var features = options + (missing ? 1 : 0);
        var cats = Enumerable.Range(0, options).Select(i => Unit(features, i)).ToArray();
        var answered = new long[features];
        for (var i = 0; i < options; i++)
        {
            answered[i] = 1;
        }

        return new DisclosureAxis(features, cats, answered, Ones(features));
    }

    /// <summary>Overlapping options (multiple choice); with one option it is a single choice.</summary>
    public static DisclosureAxis Multiple(int options, bool missing)
    {
        if (options < 2)
        {
            return Partition(options, missing);
        }

        var features = options + 1 + (missing ? 1 : 0);
        var cats = Enumerable.Range(0, options).Select(i => Unit(features, i)).ToArray();
        var constant = Unit(features, options);
        if (missing)
        {
            constant[options + 1] = 1;
        }

        return new DisclosureAxis(features, cats, Unit(features, options), constant);
    }

    /// <summary>A question counted only as answered or not (number, date, text).</summary>
    public static DisclosureAxis AnsweredOnly(bool missing)
    {
        var features = missing ? 2 : 1;
        return new DisclosureAxis(features, [], Unit(features, 0), Ones(features));
    }

    /// <summary>The basis function of feature <paramref name="index"/>.</summary>
    public long[] Feature(int index) => Unit(Features, index);

    private static long[] Unit(int length, int index)
    {
        var v = new long[length];
        v[index] = 1;
        return v;
    }

    private static long[] Ones(int length)
    {
        var v = new long[length];
        Array.Fill(v, 1L);
        return v;
    }

    /// <summary>The tensor product r ⊗ c, flattened row-major.</summary>
    public static long[] Product(long[] row, long[] column)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(column);
        var v = new long[row.Length * column.Length];
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] == 0)
            {
                continue;
            }

            for (var j = 0; j < column.Length; j++)
            {
                v[(i * column.Length) + j] = row[i] * column[j];
            }
        }

        return v;
    }
}
