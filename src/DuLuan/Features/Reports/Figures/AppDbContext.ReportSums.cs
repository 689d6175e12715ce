using DuLuan.Features.Reports.Figures.Sums;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Data;

public abstract partial class AppDbContext
{
    public DbSet<ReportMonthSum> ReportMonthSums => Set<ReportMonthSum>();

    public DbSet<ReportSumsState> ReportSumsStates => Set<ReportSumsState>();
}
