using DuLuan.Features.Concerns.Open311;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Data;

public abstract partial class AppDbContext
{
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
}
