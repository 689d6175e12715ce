using DuLuan.Features.Reports.Figures;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Data;

public abstract partial class AppDbContext
{
    public DbSet<UnitSuccession> UnitSuccessions => Set<UnitSuccession>();
}
