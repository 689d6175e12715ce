using DuLuan.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Data;

public abstract partial class AppDbContext
{
    public DbSet<SurveyPaperTally> SurveyPaperTallies => Set<SurveyPaperTally>();
}
