namespace DuLuan.Analysis.Statistics.Disclosure;

public static partial class DisclosureAudit
{
    /// <summary>The rules audited: <see cref="SurveyDisclosure"/>, or hiding counts under the threshold and nothing else.</summary>
    private sealed class Rules
    {
        public static readonly Rules Protected = new(false);
        public static readonly Rules ThresholdOnly = new(true);

        private readonly bool naive;

        private Rules(bool naive) => this.naive = naive;

        public DisclosurePattern OneWay(DisclosureAxis axis, long[] counts, long answered)
        {
            if (!naive)
            {
                return SurveyDisclosure.OneWay(axis, counts, answered);
            }

            var cells = new bool[1, counts.Length];
            for (var c = 0; c < counts.Length; c++)
            {
                cells[0, c] = Small(counts[c]);
            }

            return new DisclosurePattern(cells, [false], new bool[counts.Length]);
        }

        public DisclosurePattern ByUnit(DisclosureAxis axis, long[,] cells, long[] answered, DisclosurePattern oneWay)
            => naive ? Small(cells, answered, null) : SurveyDisclosure.ByUnit(axis, cells, answered, oneWay);

        public DisclosurePattern Cross(DisclosureAxis rows, DisclosureAxis columns, long[,] cells, long[] rowAnswered, long[]? columnAnswered, DisclosurePattern rowOneWay, DisclosurePattern columnOneWay, bool rowsFirst)
            => naive ? Small(cells, rowAnswered, columnAnswered) : SurveyDisclosure.Cross(rows, columns, cells, rowAnswered, columnAnswered, rowOneWay, columnOneWay, rowsFirst);

        public bool WeightedWhole(DisclosurePattern oneWay, DisclosurePattern byUnit, int? category)
            => naive ? category is not { } c || !oneWay.Cells[0, c] : SurveyDisclosure.WeightedWhole(oneWay, byUnit, category);

        public bool WeightedInUnit(DisclosurePattern byUnit, int unit, int? category)
            => naive || SurveyDisclosure.WeightedInUnit(byUnit, unit, category);

        public bool WeightedCross(DisclosurePattern cross, int row, int? category, DisclosurePattern columnByUnit, DisclosurePattern rowByUnit)
            => naive ? category is not { } c || !cross.Cells[row, c] : SurveyDisclosure.WeightedCross(cross, row, category, columnByUnit, rowByUnit);

        private static bool Small(long count) => count < SurveyDisclosure.Threshold;

        /// <summary>The old rule: cells under the threshold hidden; answered counts always shown.</summary>
        private static DisclosurePattern Small(long[,] cells, long[] rowAnswered, long[]? columnAnswered)
        {
            var hidden = new bool[cells.GetLength(0), cells.GetLength(1)];
            for (var r = 0; r < cells.GetLength(0); r++)
            {
                for (var c = 0; c < cells.GetLength(1); c++)
                {
                    hidden[r, c] = Small(cells[r, c]);
                }
            }

            return new DisclosurePattern(hidden, new bool[rowAnswered.Length], new bool[columnAnswered?.Length ?? cells.GetLength(1)]);
        }
    }

    /// <summary>The joint table unit × answer levels, cells indexed in mixed radix.</summary>
    private sealed class Joint
    {
        private readonly int[][] cells;
        private readonly long[] counts;

        public Joint(AuditSurvey survey)
        {
            Survey = survey;
            var radix = survey.Questions.Select(q => q.Levels).ToArray();
            Dimension = survey.Units * radix.Aggregate(1, (a, b) => a * b);
            cells = new int[Dimension][];
            counts = new long[Dimension];
            for (var i = 0; i < Dimension; i++)
            {
                var rest = i;
                var decoded = new int[radix.Length + 1];
                for (var q = radix.Length - 1; q >= 0; q--)
                {
                    decoded[q + 1] = rest % radix[q];
                    rest /= radix[q];
                }

                decoded[0] = rest;
                cells[i] = decoded;
            }

            foreach (var r in survey.Respondents)
            {
                var index = r.Unit;
                for (var q = 0; q < radix.Length; q++)
                {
                    index = (index * radix[q]) + r.Levels[q];
                }

                counts[index]++;
            }
        }

        public AuditSurvey Survey { get; }

        public int Dimension { get; }

        /// <summary>Coefficient per joint cell (levels only, unit fixed by <paramref name="unit"/> when given).</summary>
        public long[] Vector(int? unit, Func<int[], long> coefficient)
        {
            var v = new long[Dimension];
            for (var i = 0; i < Dimension; i++)
            {
                if (unit is { } u && cells[i][0] != u)
                {
                    continue;
                }

                v[i] = coefficient(cells[i][1..]);
            }

            return v;
        }

        public long Count(int? unit, Func<int[], bool> where)
        {
            var n = 0L;
            for (var i = 0; i < Dimension; i++)
            {
                if (counts[i] > 0 && (unit is null || cells[i][0] == unit) && where(cells[i][1..]))
                {
                    n += counts[i];
                }
            }

            return n;
        }
    }
}
