using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Surveys;

/// <summary>
/// Raking set-up of a survey: which questions carry sex and age band, the population of each of
/// their options (the unit populations are entered on the survey's page), and the trimming cap.
/// Fields: SexQuestion, AgeQuestion, TrimCap, Margin_sex_{option}, Margin_age_{option}.
/// </summary>
public sealed class WeightsModel(AppDbContext db, SurveyAccess access, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record MarginRow(string Variable, string Question, string Option, string Label, long? Population);

    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public Survey Survey { get; private set; } = null!;

    public bool CanBuild { get; private set; }

    /// <summary>Single-choice questions (key, label) that can carry sex or age band.</summary>
    public List<(string Key, string Label)> Candidates { get; private set; } = [];

    public SurveyWeighting Weighting { get; private set; } = new();

    public List<MarginRow> Margins { get; private set; } = [];

    public long UnitTotal { get; private set; }

    /// <summary>Responses received: changing the weighting questions recomputes the weighting totals from all of them.</summary>
    public long Responses { get; private set; }

    public List<string> Errors { get; private set; } = [];

    /// <summary>The rebuild of kept totals the job is running, if any (the bar is shown to editors).</summary>
    public RebuildView Rebuild { get; private set; } = null!;

    private SurveyDefinition definition = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
        => await LoadAsync(edit: false, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(edit: true, ct))
        {
            return NotFound();
        }

        var form = Request.Form;
        string? Question(string field, string name)
        {
            var key = form[field].ToString().Trim();
            if (key.Length == 0)
            {
                return null;
            }

            if (!Candidates.Any(c => c.Key == key))
            {
                Errors.Add(l["Surveys.Weights.NotSingleChoice", name, key.Length > 40 ? key[..40] + "…" : key]);
                return null;
            }

            return key;
        }

        var sex = Question("SexQuestion", l["Surveys.Weights.SexQuestion"]);
        var age = Question("AgeQuestion", l["Surveys.Weights.AgeQuestion"]);
        if (sex is not null && sex == age)
        {
            Errors.Add(l["Surveys.Weights.SameQuestion"]);
        }

        double? cap = null;
        var capText = form["TrimCap"].ToString().Trim();
        if (capText.Length > 0)
        {
            if (!double.TryParse(capText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value is <= 1 or > 100)
            {
                Errors.Add(l["Surveys.Weights.BadCap"]);
            }

            cap = value;
        }

        var margins = new List<SurveyMargin>();
        foreach (var (variable, question, name) in new[] { ("sex", sex, l["Surveys.Weights.Sex"].Value), ("age", age, l["Surveys.Weights.AgeBand"].Value) })
        {
            if (question is null)
            {
                continue;
            }

            var options = definition.Questions.First(q => q.Key == question).Options ?? [];
            var values = new List<SurveyMargin>();
            var empty = 0;
            foreach (var option in options)
            {
                var text = form[$"Margin_{variable}_{option.Key}"].ToString().Trim();
                if (text.Length == 0)
                {
                    empty++;
                    continue;
                }

                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var population) || population is < 0 or > 1_000_000_000)
                {
                    Errors.Add(l["Surveys.Weights.BadPopulation", name, option.Label.In(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)]);
                    continue;
                }

                values.Add(new SurveyMargin { SurveyId = Id, Variable = variable, Category = option.Key, Population = population });
            }

            if (values.Count > 0 && empty > 0)
            {
                Errors.Add(l["Surveys.Weights.AllOrNone", name]);
            }
            else if (values.Count > 0 && UnitTotal > 0 && values.Sum(v => v.Population) != UnitTotal)
            {
                Errors.Add(l["Surveys.Weights.TotalDiffers", name, values.Sum(v => v.Population).ToString("N0", CultureInfo.InvariantCulture), UnitTotal.ToString("N0", CultureInfo.InvariantCulture)]);
            }
            else if (values.Count > 0 && UnitTotal == 0)
            {
                Errors.Add(l["Surveys.Weights.UnitsFirst"]);
            }

            margins.AddRange(values);
        }

        if (Errors.Count > 0)
        {
            Weighting = new SurveyWeighting { SurveyId = Id, SexQuestion = sex, AgeQuestion = age, TrimCap = cap };
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.SurveyWeightings.FirstOrDefaultAsync(w => w.SurveyId == Id, ct);
        // Other questions make other weighting cells: the job recomputes their totals from the rows after this returns.
        var regroup = row?.SexQuestion != sex || row?.AgeQuestion != age;
        if (regroup)
        {
            await SurveyWeightTallies.ClearAsync(db, Id, ct);
        }

        if (row is null)
        {
            row = new SurveyWeighting { SurveyId = Id };
            db.SurveyWeightings.Add(row);
        }

        row.SexQuestion = sex;
        row.AgeQuestion = age;
        row.TrimCap = cap;
        await db.SurveyMargins.Where(m => m.SurveyId == Id).ExecuteDeleteAsync(ct);
        db.SurveyMargins.AddRange(margins);
        audit.Add(SurveyAudit.WeightsSet, Survey.UnitId, $"survey:{Id}");
        await db.SaveChangesAsync(ct);
        if (regroup && (sex is not null || age is not null))
        {
            await SurveyRebuilds.StartAsync(db, Id, SurveyRebuilds.Weights, clock.GetUtcNow().UtcDateTime, ct);
        }
        else if (regroup)
        {
            await SurveyRebuilds.StopAsync(db, Id, SurveyRebuilds.Weights, ct);
        }

        await transaction.CommitAsync(ct);
        return Redirect($"/Surveys/Weights?id={Id}");
    }

    private async Task<bool> LoadAsync(bool edit, CancellationToken ct)
    {
        var survey = await access.FindAsync(Id, edit, ct);
        if (survey is null || survey.CurrentVersion == 0)
        {
            return false;
        }

        Survey = survey;
        CanBuild = edit || await access.FindAsync(Id, edit: true, ct) is not null;
        Rebuild = new RebuildView(Id, await SurveyRebuilds.StatusAsync(db, Id, ct), CanBuild);
        var json = await db.SurveyVersions.AsNoTracking().Where(v => v.SurveyId == Id && v.Number == survey.CurrentVersion).Select(v => v.DefinitionJson).FirstAsync(ct);
        definition = SurveyDefinition.Parse(json, out _)!;
        Candidates = [.. definition.Questions.Where(q => q.Type is QuestionType.Single or QuestionType.Likert).Select(q => (q.Key, q.Label.In("vi")))];
        Weighting = await db.SurveyWeightings.AsNoTracking().FirstOrDefaultAsync(w => w.SurveyId == Id, ct) ?? new SurveyWeighting { SurveyId = Id };
        var saved = await db.SurveyMargins.AsNoTracking().Where(m => m.SurveyId == Id).ToListAsync(ct);
        Responses = await db.SurveyTallies.Where(t => t.SurveyId == Id && t.QuestionKey == string.Empty).SumAsync(t => t.Count, ct);
        UnitTotal = await db.SurveyUnits.Where(u => u.SurveyId == Id && u.Population != null).SumAsync(u => u.Population!.Value, ct);
        Margins = [];
        foreach (var (variable, question) in new[] { ("sex", Weighting.SexQuestion), ("age", Weighting.AgeQuestion) })
        {
            if (question is not null && definition.Questions.FirstOrDefault(q => q.Key == question) is { } q)
            {
                Margins.AddRange((q.Options ?? []).Select(o => new MarginRow(variable, q.Key, o.Key, o.Label.In("vi"),
                    saved.FirstOrDefault(m => m.Variable == variable && m.Category == o.Key)?.Population)));
            }
        }

        return true;
    }
}
