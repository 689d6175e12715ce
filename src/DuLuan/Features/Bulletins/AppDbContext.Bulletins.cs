using DuLuan.Features.Bulletins;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Data;

public abstract partial class AppDbContext
{
    public DbSet<Bulletin> Bulletins => Set<Bulletin>();

    public DbSet<BulletinItem> BulletinItems => Set<BulletinItem>();

    public DbSet<BulletinApproval> BulletinApprovals => Set<BulletinApproval>();

    public DbSet<BulletinAudio> BulletinAudio => Set<BulletinAudio>();

    public DbSet<BulletinSchedule> BulletinSchedules => Set<BulletinSchedule>();
}
