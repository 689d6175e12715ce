using DuLuan.Features.Concerns.Cases;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Data;

public abstract partial class AppDbContext
{
    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();

    public DbSet<RerouteRequest> RerouteRequests => Set<RerouteRequest>();

    public DbSet<AnswerTemplate> AnswerTemplates => Set<AnswerTemplate>();

    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();
}
