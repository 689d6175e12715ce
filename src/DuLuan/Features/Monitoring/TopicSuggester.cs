using System.Collections.Concurrent;
using System.Globalization;
using DuLuan.Analysis.Text;
using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Monitoring;

/// <summary>The watch topic the classifier proposes for an article and how many tagged articles it learned from.</summary>
public sealed record TopicSuggestion(long TopicId, string Name, float Probability, int LearnedFrom);

/// <summary>
/// Suggests one of a unit's watch topics for an article that no topic's rule matched; staff see it on the story page and
/// tag the article with it or not, it never tags anything itself. The model is the text core's classifier (TF-IDF softmax
/// regression over syllables, syllable pairs and segmented words) trained on the unit's own tagged articles (title and
/// text of the latest <see cref="MaxArticles"/> topic hits, from rules or from staff) plus each topic's name as one
/// example. Nothing is suggested before <see cref="MinimumArticles"/> tagged articles in at least two topics, or when the
/// best probability is below <see cref="MinimumProbability"/>. Models are kept per unit until a hit or a topic changes.
/// </summary>
public sealed class TopicSuggester(AppDbContext db, TopicModels models)
{
    public const int MinimumArticles = 10;
    public const int MaxArticles = 2000;
    public const float MinimumProbability = 0.35f;

    /// <summary>A suggestion for each of <paramref name="articles"/> (of unit <paramref name="unitId"/>) that no active topic has tagged yet.</summary>
    public async Task<Dictionary<long, TopicSuggestion>> SuggestAsync(long unitId, IReadOnlyCollection<Article> articles, CancellationToken ct = default)
    {
        var suggestions = new Dictionary<long, TopicSuggestion>();
        var topics = await db.WatchTopics.AsNoTracking().Where(t => t.UnitId == unitId && t.Active).OrderBy(t => t.Id).ToListAsync(ct);
        if (topics.Count < 2 || articles.Count == 0)
        {
            return suggestions;
        }

        var topicIds = topics.Select(t => t.Id).ToList();
        var hits = db.TopicHits.AsNoTracking().Where(h => topicIds.Contains(h.TopicId));
        var count = await hits.CountAsync(ct);
        if (count < MinimumArticles)
        {
            return suggestions;
        }

        var stamp = (count, await hits.MaxAsync(h => h.Id, ct), string.Join(",", topics.Select(t => t.Id.ToString(CultureInfo.InvariantCulture) + "=" + t.Name)));
        var model = models.Get(unitId, stamp);
        if (model is null)
        {
            var rows = await hits.OrderByDescending(h => h.Id).Take(MaxArticles)
                .Join(db.Articles, h => h.ArticleId, a => a.Id, (h, a) => new { a.Title, a.Text, h.TopicId })
                .ToListAsync(ct);
            if (rows.Select(r => r.TopicId).Distinct().Count() < 2)
            {
                return suggestions;
            }

            var examples = rows.Select(r => (r.Title + "\n" + r.Text, Label(r.TopicId)))
                .Concat(topics.Select(t => (t.Name, Label(t.Id))))
                .ToList();
            model = models.Put(unitId, stamp, TextClassifier.Train(examples));
        }

        var articleIds = articles.Select(a => a.Id).ToList();
        var tagged = (await hits.Where(h => articleIds.Contains(h.ArticleId)).Select(h => h.ArticleId).Distinct().ToListAsync(ct)).ToHashSet();
        var learnedFrom = Math.Min(count, MaxArticles);
        foreach (var article in articles.Where(a => !tagged.Contains(a.Id)))
        {
            var prediction = model.Predict(article.Title + "\n" + article.Text);
            var best = prediction.Probabilities[prediction.Label];
            var topic = topics.First(t => Label(t.Id) == prediction.Label);
            if (best >= MinimumProbability)
            {
                suggestions[article.Id] = new TopicSuggestion(topic.Id, topic.Name, best, learnedFrom);
            }
        }
        return suggestions;
    }

    private static string Label(long topicId) => topicId.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The trained topic-suggestion models, one per unit, each with the state of the topic hits it learned from.</summary>
public sealed class TopicModels
{
    private readonly ConcurrentDictionary<long, ((int, long, string) Stamp, TextClassifier Model)> byUnit = new();

    public TextClassifier? Get(long unitId, (int, long, string) stamp)
        => byUnit.TryGetValue(unitId, out var kept) && kept.Stamp == stamp ? kept.Model : null;

    public TextClassifier Put(long unitId, (int, long, string) stamp, TextClassifier model)
    {
        byUnit[unitId] = (stamp, model);
        return model;
    }
}
