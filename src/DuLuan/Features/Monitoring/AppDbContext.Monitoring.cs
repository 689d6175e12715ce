using DuLuan.Features.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Data;

public abstract partial class AppDbContext
{
    public DbSet<Feed> Feeds => Set<Feed>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Story> Stories => Set<Story>();

    public DbSet<WatchTopic> WatchTopics => Set<WatchTopic>();

    public DbSet<TopicHit> TopicHits => Set<TopicHit>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();
}
