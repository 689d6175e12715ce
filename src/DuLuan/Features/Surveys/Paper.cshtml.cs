using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Units;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

/// <summary>The survey as a printable A4 paper form in one language: boxes to tick, skip instructions, and a QR code to the online form.</summary>
public sealed class PaperModel(AppDbContext db, SurveyAccess access) : PageModel
{
    /// <summary>Beyond this many communes a unit question gets a line to write on instead of boxes.</summary>
    public const int MaxUnitBoxes = 40;

    public Survey Survey { get; private set; } = null!;

    public SurveyDefinition Definition { get; private set; } = null!;

    public string Language { get; private set; } = "vi";

    public List<Unit> Units { get; private set; } = [];

    public Dictionary<string, int> Numbers { get; } = new(StringComparer.Ordinal);

    public string QrDataUri { get; private set; } = string.Empty;

    public string PublicUrl { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(long id, string? lang, CancellationToken ct)
    {
        var survey = await access.FindAsync(id, edit: false, ct);
        if (survey is null)
        {
            return NotFound();
        }

        Survey = survey;
        var json = survey.CurrentVersion > 0
            ? await db.SurveyVersions.AsNoTracking().Where(v => v.SurveyId == id && v.Number == survey.CurrentVersion).Select(v => v.DefinitionJson).FirstAsync(ct)
            : survey.DraftJson;
        var definition = SurveyDefinition.Parse(json, out _);
        if (definition is null)
        {
            return NotFound();
        }

        Definition = definition;
        Language = lang is not null && definition.Languages.Contains(lang) ? lang : "vi";
        var n = 0;
        foreach (var q in definition.Questions)
        {
            Numbers[q.Key] = ++n;
        }

        if (definition.Questions.Any(q => q.Type == QuestionType.Unit))
        {
            Units = await ResponseIntake.AnswerUnitsAsync(db, survey.UnitId, ct);
        }

        // Before the survey has a place (a unit with no public site) the paper still prints: its short address then answers 404.
        var path = await SurveyPlace.PathForSurveyAsync(db, survey, ct) ?? "/khao-sat/" + id.ToString(CultureInfo.InvariantCulture);
        PublicUrl = $"{Request.Scheme}://{Request.Host}{path}?lang={Language}";
        QrDataUri = QrImage.SvgDataUri(PublicUrl, 4);
        return Page();
    }

    /// <summary>A skip instruction for paper: "Trả lời nếu câu 2 là «Có»".</summary>
    public string Instruction(List<SurveyCondition>? conditions)
    {
        if (conditions is not { Count: > 0 })
        {
            return string.Empty;
        }

        var questions = Definition.Questions.ToDictionary(q => q.Key, StringComparer.Ordinal);
        var parts = conditions.Select(c =>
        {
            var number = Numbers.GetValueOrDefault(c.Question).ToString(CultureInfo.InvariantCulture);
            var option = questions.TryGetValue(c.Question, out var q) ? q.Options?.FirstOrDefault(o => o.Key == c.Value)?.Label.In(Language) : null;
            var value = $"«{option ?? c.Value}»";
            return c.Op switch
            {
                ConditionOp.Equals => SurveyResults.Say(Language, "Surveys.Paper.Equals", number, value),
                ConditionOp.NotEquals => SurveyResults.Say(Language, "Surveys.Paper.NotEquals", number, value),
                ConditionOp.Includes => SurveyResults.Say(Language, "Surveys.Paper.Includes", number, value),
                ConditionOp.GreaterThan => SurveyResults.Say(Language, "Surveys.Paper.GreaterThan", number, c.Value),
                ConditionOp.LessThan => SurveyResults.Say(Language, "Surveys.Paper.LessThan", number, c.Value),
                _ => SurveyResults.Say(Language, "Surveys.Paper.Answered", number),
            };
        });
        return SurveyResults.Say(Language, "Surveys.Paper.OnlyIf", string.Join(" " + SurveyResults.Say(Language, "Surveys.Paper.And") + " ", parts));
    }
}
