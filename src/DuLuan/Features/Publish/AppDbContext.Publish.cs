using DuLuan.Features.Publish;
using DuLuan.Features.Publish.Channels;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Data;

public abstract partial class AppDbContext
{
    public DbSet<Post> Posts => Set<Post>();

    public DbSet<PostImage> PostImages => Set<PostImage>();

    public DbSet<PostTarget> PostTargets => Set<PostTarget>();

    public DbSet<PostApproval> PostApprovals => Set<PostApproval>();

    public DbSet<PostComment> PostComments => Set<PostComment>();

    public DbSet<PublishSettings> PublishSettings => Set<PublishSettings>();

    public DbSet<PublishChannel> PublishChannels => Set<PublishChannel>();

    public DbSet<PostMetric> PostMetrics => Set<PostMetric>();

    public DbSet<Features.Publish.Metrics.PostMetricMonth> PostMetricMonths => Set<Features.Publish.Metrics.PostMetricMonth>();
}
