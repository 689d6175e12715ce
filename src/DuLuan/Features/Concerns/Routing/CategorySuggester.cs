using System.Collections.Concurrent;
using DuLuan.Analysis.Text;
using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Routing;

/// <summary>The category the classifier proposes for a concern and how many of the office's filed cases it learned from.</summary>
public sealed record CategorySuggestion(string Key, string Name, int LearnedFrom);

/// <summary>
/// Suggests a category (lĩnh vực) for an incoming concern; staff see it beside the category list and choose, it never
/// files anything. The model is the text core's classifier (TF-IDF softmax regression over syllables, syllable pairs and
/// segmented words) trained on the cases the province's office has already filed under its current categories (title
/// and description, the latest <see cref="MaxCases"/>), plus each category's name as one example. Nothing is suggested
/// before <see cref="MinimumCases"/> such cases in at least two categories, or when the best probability is below
/// <see cref="MinimumProbability"/>. Models are kept per province until a case is filed or the list changes.
/// </summary>
public sealed class CategorySuggester(AppDbContext db, CategoryCatalog catalog, CategoryModels models)
{
    public const int MinimumCases = 10;
    public const int MaxCases = 2000;
    public const float MinimumProbability = 0.35f;

    public async Task<CategorySuggestion?> SuggestAsync(long unitId, string text, CancellationToken ct = default)
    {
        var owner = await catalog.OwnerOfAsync(unitId, ct);
        var categories = await catalog.ListAsync(owner, ct: ct);
        var keys = categories.Select(c => c.Key).ToList();
        var prefix = await db.Units.AsNoTracking().Where(u => u.Id == owner).Select(u => u.Path).SingleAsync(ct);
        var filed = db.Cases.AsNoTracking()
            .Where(c => c.Category != null && keys.Contains(c.Category))
            .Where(c => db.Units.Any(u => u.Id == c.UnitId && u.Path.StartsWith(prefix)));
        var count = await filed.CountAsync(ct);
        if (count < MinimumCases)
        {
            return null;
        }

        var stamp = (count, await filed.MaxAsync(c => c.Id, ct), string.Join(",", categories.Select(c => c.Key + "=" + c.NameVi)));
        var model = models.Get(owner, stamp);
        if (model is null)
        {
            var rows = await filed.OrderByDescending(c => c.Id).Take(MaxCases).Select(c => new { c.Title, c.Description, c.Category }).ToListAsync(ct);
            if (rows.Select(r => r.Category).Distinct().Count() < 2)
            {
                return null;
            }

            var examples = rows.Select(r => (r.Title + "\n" + r.Description, r.Category!))
                .Concat(categories.Select(c => (c.NameVi, c.Key)))
                .ToList();
            model = models.Put(owner, stamp, TextClassifier.Train(examples));
        }

        var prediction = model.Predict(text);
        var best = prediction.Probabilities[prediction.Label];
        var category = categories.First(c => c.Key == prediction.Label);
        return best < MinimumProbability ? null : new CategorySuggestion(category.Key, category.Shown, Math.Min(count, MaxCases));
    }
}

/// <summary>The trained suggestion models, one per province, each with the state of the filed cases it learned from.</summary>
public sealed class CategoryModels
{
    private readonly ConcurrentDictionary<long, ((int, long, string) Stamp, TextClassifier Model)> byOwner = new();

    public TextClassifier? Get(long owner, (int, long, string) stamp)
        => byOwner.TryGetValue(owner, out var kept) && kept.Stamp == stamp ? kept.Model : null;

    public TextClassifier Put(long owner, (int, long, string) stamp, TextClassifier model)
    {
        byOwner[owner] = (stamp, model);
        return model;
    }
}
