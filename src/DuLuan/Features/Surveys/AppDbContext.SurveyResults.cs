using DuLuan.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Data;

public abstract partial class AppDbContext
{
    public DbSet<SurveyTally> SurveyTallies => Set<SurveyTally>();

    public DbSet<SurveyWeighting> SurveyWeightings => Set<SurveyWeighting>();

    public DbSet<SurveyMargin> SurveyMargins => Set<SurveyMargin>();
}
