using DuLuan.Analysis.Text;
using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

public sealed record CaseMatch(long CaseId, string Title, double Score);

/// <summary>
/// Finds the open case of a unit that a new concern most resembles: Jaccard similarity of the sets
/// of diacritic-folded syllables. Short texts make MinHash estimates noisy; the exact set is cheap here.
/// </summary>
public sealed class CaseMatcher(AppDbContext db)
{
    public const double Threshold = 0.4;

    /// <summary>Newest open cases compared per unit; older ones are rarely the match and the list stays fast.</summary>
    public const int Candidates = 1000;

    public async Task<CaseMatch?> BestOpenCaseAsync(long unitId, string text, CancellationToken cancellationToken = default)
    {
        var terms = Terms(text);
        if (terms.Count == 0)
        {
            return null;
        }

        var open = await db.Cases.AsNoTracking()
            .Where(c => c.UnitId == unitId && c.Status != CaseStatus.Closed && c.Status != CaseStatus.Rejected)
            .OrderByDescending(c => c.Id)
            .Take(Candidates)
            .Select(c => new { c.Id, c.Title, c.Description })
            .ToListAsync(cancellationToken);
        CaseMatch? best = null;
        foreach (var candidate in open)
        {
            var score = Jaccard(terms, Terms(candidate.Title + "\n" + candidate.Description));
            if (score >= Threshold && (best is null || score > best.Score))
            {
                best = new CaseMatch(candidate.Id, candidate.Title, score);
            }
        }

        return best;
    }

    public static HashSet<string> Terms(string text)
    {
        var folded = VietnameseFold.Fold(VietnameseNormalizer.Normalize(text));
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in SyllableTokenizer.Tokenize(folded))
        {
            if (token.Kind is TokenKind.Syllable or TokenKind.Number)
            {
                set.Add(token.Text(folded));
            }
        }

        return set;
    }

    public static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }
}
