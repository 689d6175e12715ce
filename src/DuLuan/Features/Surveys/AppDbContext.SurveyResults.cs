using DuLuan.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Data;

public abstract partial class AppDbContext
{
    public DbSet<SurveyTally> SurveyTallies => Set<SurveyTally>();

    public DbSet<SurveyCrossMark> SurveyCrossMarks => Set<SurveyCrossMark>();

    public DbSet<SurveyCrossTally> SurveyCrossTallies => Set<SurveyCrossTally>();

    public DbSet<SurveyWeightTally> SurveyWeightTallies => Set<SurveyWeightTally>();

    public DbSet<SurveyWeighting> SurveyWeightings => Set<SurveyWeighting>();

    public DbSet<SurveyMargin> SurveyMargins => Set<SurveyMargin>();

    public DbSet<SurveyRebuild> SurveyRebuilds => Set<SurveyRebuild>();
}
