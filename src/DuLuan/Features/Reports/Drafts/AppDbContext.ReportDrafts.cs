using DuLuan.Features.Reports.Drafts;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Data;

public abstract partial class AppDbContext
{
    public DbSet<ReportDraft> ReportDrafts => Set<ReportDraft>();

    public DbSet<ReportTemplate> ReportTemplates => Set<ReportTemplate>();

    public DbSet<ReportRun> ReportRuns => Set<ReportRun>();
}
