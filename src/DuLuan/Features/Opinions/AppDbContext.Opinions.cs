using DuLuan.Features.Opinions;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Data;

public abstract partial class AppDbContext
{
    public DbSet<OpinionTopic> OpinionTopics => Set<OpinionTopic>();

    public DbSet<OpinionReport> OpinionReports => Set<OpinionReport>();

    public DbSet<OpinionStream> OpinionStreams => Set<OpinionStream>();

    public DbSet<OpinionCadence> OpinionCadences => Set<OpinionCadence>();
}
