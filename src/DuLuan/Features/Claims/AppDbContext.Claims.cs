using DuLuan.Features.Claims;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Data;

public abstract partial class AppDbContext
{
    public DbSet<Claim> Claims => Set<Claim>();

    public DbSet<ClaimLink> ClaimLinks => Set<ClaimLink>();

    public DbSet<ClaimEvidence> ClaimEvidence => Set<ClaimEvidence>();

    public DbSet<ClaimMatch> ClaimMatches => Set<ClaimMatch>();

    public DbSet<ClaimApproval> ClaimApprovals => Set<ClaimApproval>();
}
