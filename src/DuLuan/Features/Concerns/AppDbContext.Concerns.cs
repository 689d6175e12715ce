using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Routing;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Concerns.Open311;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Data;

public abstract partial class AppDbContext
{
    public DbSet<Concern> Concerns => Set<Concern>();

    public DbSet<ConcernFollowUp> ConcernFollowUps => Set<ConcernFollowUp>();

    public DbSet<ConcernPhoto> ConcernPhotos => Set<ConcernPhoto>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();

    public DbSet<RerouteRequest> RerouteRequests => Set<RerouteRequest>();

    public DbSet<AnswerTemplate> AnswerTemplates => Set<AnswerTemplate>();

    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();

    public DbSet<Holiday> Holidays => Set<Holiday>();

    public DbSet<StoredAgencyFigures> StoredAgencyFigures => Set<StoredAgencyFigures>();

    public DbSet<AgencyFiguresPlace> AgencyFiguresPlaces => Set<AgencyFiguresPlace>();

    public DbSet<AgencyFiguresState> AgencyFiguresStates => Set<AgencyFiguresState>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
}
