namespace DuLuan.Analysis.Statistics.Disclosure;

public enum AuditKind
{
    OneOf,
    Multiple,
    Rating,
    Number,
}

public sealed record AuditQuestion(AuditKind Kind, int Options, bool Missing)
{
    /// <summary>Levels of the answer: options (single, rating), non-empty sets of options (multiple), or answered; then "no answer".</summary>
    public int Levels => (Kind == AuditKind.Multiple ? (1 << Options) - 1 : Kind == AuditKind.Number ? 1 : Options) + (Missing ? 1 : 0);

    public int NoAnswer => Missing ? Levels - 1 : -1;

    public bool HasOptions => Kind != AuditKind.Number;

    /// <summary>
    /// The axis the results protect with: always without "no answer", as the app does (an attacker who
    /// takes every question as answered by everyone knows more, so what is safe for them is safe).
    /// </summary>
    public DisclosureAxis Axis => Kind switch
    {
        AuditKind.Multiple => DisclosureAxis.Multiple(Options, missing: false),
        AuditKind.Number => DisclosureAxis.AnsweredOnly(missing: false),
        _ => DisclosureAxis.Partition(Options, missing: false),
    };

    public bool Picked(int level, int option) => level != NoAnswer && (Kind == AuditKind.Multiple ? (((level + 1) >> option) & 1) == 1 : level == option);
}

/// <summary>One respondent: the index of their unit and the level of each answer.</summary>
public sealed record AuditRespondent(int Unit, int[] Levels);

public sealed record AuditSurvey(int Units, IReadOnlyList<AuditQuestion> Questions, IReadOnlyList<AuditRespondent> Respondents);

/// <summary>Hidden figures, how many of them follow linearly from what is published, and how many figures are published.</summary>
public sealed record AuditResult(int Surveys, long Hidden, long Recovered, long Published)
{
    public static AuditResult operator +(AuditResult a, AuditResult b)
        => new(a.Surveys + b.Surveys, a.Hidden + b.Hidden, a.Recovered + b.Recovered, a.Published + b.Published);
}

public static partial class DisclosureAudit
{
    /// <summary>A random survey: 2–3 units, a single choice, a multiple choice, a rating and a number, some optional; skewed answers so small cells are common.</summary>
    public static AuditSurvey Generate(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var units = rng.Next(2, 4);
        AuditQuestion[] questions =
        [
            new(AuditKind.OneOf, rng.Next(2, 4), rng.Next(2) == 0),
            new(AuditKind.Multiple, rng.Next(2, 4), true),
            new(AuditKind.Rating, 3, rng.Next(3) == 0),
            new(AuditKind.Number, 0, rng.Next(2) == 0),
        ];
        var unitShare = Skewed(rng, units);
        var shares = questions.Select(q => Skewed(rng, Math.Max(q.Options, 1))).ToArray();
        var respondents = new List<AuditRespondent>();
        var n = rng.Next(6, 80);
        for (var i = 0; i < n; i++)
        {
            var levels = new int[questions.Length];
            for (var q = 0; q < questions.Length; q++)
            {
                var question = questions[q];
                if (question.Missing && rng.NextDouble() < 0.15)
                {
                    levels[q] = question.NoAnswer;
                    continue;
                }

                levels[q] = question.Kind switch
                {
                    AuditKind.Number => 0,
                    AuditKind.Multiple => Mask(rng, shares[q]) - 1,
                    _ => Draw(rng, shares[q]),
                };
            }

            respondents.Add(new AuditRespondent(Draw(rng, unitShare), levels));
        }

        return new AuditSurvey(units, questions, respondents);
    }

    private static double[] Skewed(Random rng, int count)
    {
        var w = Enumerable.Range(0, count).Select(_ => Math.Pow(rng.NextDouble(), 2) + 0.02).ToArray();
        var sum = w.Sum();
        return [.. w.Select(v => v / sum)];
    }

    private static int Draw(Random rng, double[] shares)
    {
        var r = rng.NextDouble();
        for (var i = 0; i < shares.Length; i++)
        {
            r -= shares[i];
            if (r < 0)
            {
                return i;
            }
        }

        return shares.Length - 1;
    }

    private static int Mask(Random rng, double[] shares)
    {
        var mask = 0;
        for (var i = 0; i < shares.Length; i++)
        {
            if (rng.NextDouble() < Math.Min(0.9, shares[i] * 1.5))
            {
                mask |= 1 << i;
            }
        }

        return mask == 0 ? 1 << Draw(rng, shares) : mask;
    }
}
