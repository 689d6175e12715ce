using DuLuan.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Data;

public abstract partial class AppDbContext
{
    public DbSet<Survey> Surveys => Set<Survey>();

    public DbSet<SurveyVersion> SurveyVersions => Set<SurveyVersion>();

    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();

    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();

    public DbSet<SurveyBatch> SurveyBatches => Set<SurveyBatch>();

    public DbSet<SurveyToken> SurveyTokens => Set<SurveyToken>();

    public DbSet<SurveyUnit> SurveyUnits => Set<SurveyUnit>();

    public DbSet<SurveyShuffleMark> SurveyShuffleMarks => Set<SurveyShuffleMark>();

    public DbSet<SurveyPaperTally> SurveyPaperTallies => Set<SurveyPaperTally>();
}
