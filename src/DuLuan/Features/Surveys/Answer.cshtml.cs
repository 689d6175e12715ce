using System.Globalization;
using System.Text.Json;
using DuLuan.Data;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

/// <summary>
/// The public answer page (khảo sát) in the language the resident picks. Answers are sent as JSON by
/// wwwroot/js/survey-answer.js to the submit API; this page stores nothing and sets no cookie (no form: see _Layout).
/// </summary>
[AllowAnonymous]
public sealed class AnswerModel(AppDbContext db, PublishedDefinitions definitions, Microsoft.Extensions.Options.IOptions<SurveyShuffleOptions> shuffle) : PageModel
{
    /// <summary>At most this many minutes after sending, a response's place in storage no longer shows when it came.</summary>
    public int ShuffleMinutes => shuffle.Value.PromisedMinutes;

    public Survey Survey { get; private set; } = null!;

    public SurveyDefinition Definition { get; private set; } = null!;

    public string Language { get; private set; } = "vi";

    public List<Unit> Units { get; private set; } = [];

    /// <summary>The official code of the survey's place, whose public layout frames the page (null: no public site).</summary>
    public string? PlaceCode { get; private set; }

    /// <summary>Residents see a survey with a published version, open or closed; never a draft.</summary>
    public static bool IsPublic(Survey survey) => survey.CurrentVersion > 0 && survey.Status != SurveyStatus.Draft;

    public static string LanguageName(string code)
    {
        try
        {
            var name = CultureInfo.GetCultureInfo(code).NativeName;
            return string.IsNullOrEmpty(name) || name.Contains("Unknown", StringComparison.Ordinal) ? code : name;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }

    public static string Conditions(List<SurveyCondition>? conditions)
        => conditions is { Count: > 0 } ? JsonSerializer.Serialize(conditions, SurveyDefinition.Json) : string.Empty;

    /// <summary>Options in the order shown: shuffled for each visit when the question asks for it.</summary>
    public static IEnumerable<SurveyOption> Ordered(SurveyQuestion q)
    {
        var options = (q.Options ?? []).ToArray();
        if (q.Randomize)
        {
            Random.Shared.Shuffle(options);
        }

        return options;
    }

    public async Task<IActionResult> OnGetAsync(string unitCode, long id, string? lang, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null || !IsPublic(survey))
        {
            return NotFound();
        }

        // One address per survey: its own place's site; another place's address leads there.
        var code = await SurveyPlace.CodeForUnitAsync(db, survey.UnitId, ct);
        if (code is null)
        {
            return NotFound();
        }

        if (!string.Equals(code, unitCode, StringComparison.Ordinal))
        {
            return RedirectPermanent(SurveyPlace.PathFor(code, id) + Request.QueryString);
        }

        Survey = survey;
        PlaceCode = code;
        Definition = (await definitions.GetAsync(db, id, survey.CurrentVersion, ct))!;
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        Language = lang is not null && Definition.Languages.Contains(lang) ? lang
            : Definition.Languages.Contains(culture) ? culture : "vi";
        if (Definition.Questions.Any(q => q.Type == QuestionType.Unit))
        {
            Units = await ResponseIntake.AnswerUnitsAsync(db, survey.UnitId, ct);
        }

        return Page();
    }
}
