using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Surveys;

/// <summary>
/// Collaborators and staff with scope on the survey's unit key in paper responses one after another.
/// Each goes through <see cref="ResponseIntake"/> as source "paper" with its own idempotency key (a double
/// submit stores one), and no member on the response: only a per-day count of entries is kept and audited.
/// </summary>
[RequestSizeLimit(512 * 1024)]
public sealed class EntryModel(AppDbContext db, ResponseIntake intake, PublishedDefinitions definitions, UnitScope scope, AuditLog audit, OfficeTime office, IStringLocalizer<SharedResource> l) : PageModel
{
    public static readonly Role[] Enterers = [Role.Collaborator, Role.Editor, Role.Lead, Role.Admin];

    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    public Survey Survey { get; private set; } = null!;

    public SurveyDefinition? Definition { get; private set; }

    public string Language { get; private set; } = "vi";

    public List<Unit> Units { get; private set; } = [];

    public string Key { get; private set; } = NewKey();

    public int TodayCount { get; private set; }

    public bool Entered { get; private set; }

    public List<string> Errors { get; private set; } = [];

    public Dictionary<string, List<string>> QuestionErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>Values typed in, shown again when the response is refused.</summary>
    public Dictionary<string, string[]> Values { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(bool entered, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Entered = entered;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? key, int version, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Definition is null)
        {
            return Page();
        }

        var answers = new JsonObject();
        foreach (var q in Definition.Questions)
        {
            var values = Request.Form[$"a_{q.Key}"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Take(DefinitionRules.MaxOptions).ToArray();
            if (values.Length == 0)
            {
                continue;
            }

            Values[q.Key] = values;
            answers[q.Key] = q.Type switch
            {
                QuestionType.Multiple => new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]),
                QuestionType.Rating or QuestionType.Number => Number(values[0]) is { } n ? JsonValue.Create(n) : JsonValue.Create(values[0]),
                QuestionType.Unit => long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var unit) ? JsonValue.Create(unit) : JsonValue.Create(values[0]),
                _ => JsonValue.Create(values[0]),
            };
        }

        var batch = new SubmittedBatch(key, [new SubmittedResponse(version, null, JsonSerializer.SerializeToElement(answers))]);
        var result = await intake.SubmitAsync(Id, batch, ResponseSource.Paper, ct);
        switch (result.Outcome)
        {
            case IntakeOutcome.Accepted:
                await CountAsync(ct);
                return Redirect($"/Surveys/Entry?id={Id}&lang={Language}&entered=true");
            case IntakeOutcome.Replayed:
                return Redirect($"/Surveys/Entry?id={Id}&lang={Language}&entered=true");
            case IntakeOutcome.NotFound:
                return NotFound();
            case IntakeOutcome.Invalid:
                foreach (var (field, messages) in result.Errors!)
                {
                    var at = field.IndexOf(".answers.", StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        var question = field[(at + ".answers.".Length)..];
                        QuestionErrors[question] = [.. QuestionErrors.GetValueOrDefault(question) ?? [], .. messages.Select(m => m.In(l))];
                    }

                    Errors.AddRange(messages.Select(m => m.In(l)));
                }

                break;
            default:
                Errors.Add(result.Message?.In(l) ?? l["Surveys.Entry.Refused"]);
                break;
        }

        Key = key is not null && key.Length <= 64 ? key : NewKey();
        return Page();
    }

    /// <summary>Ends a session of entry: the day's count goes to the audit log.</summary>
    public async Task<IActionResult> OnPostFinishAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        await audit.WriteAsync(SurveyAudit.PaperEntryFinished, Survey.UnitId, $"survey:{Id}", $"{TodayCount.ToString(CultureInfo.InvariantCulture)} paper responses today", ct);
        return Redirect($"/Surveys/Details?id={Id}");
    }

    private async Task CountAsync(CancellationToken ct)
    {
        var member = scope.MemberId!;
        var day = Today();
        var updated = await db.SurveyPaperTallies.Where(t => t.SurveyId == Id && t.MemberId == member && t.Day == day)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Count, t => t.Count + 1), ct);
        if (updated > 0)
        {
            return;
        }

        db.SurveyPaperTallies.Add(new SurveyPaperTally { SurveyId = Id, MemberId = member, Day = day, Count = 1 });
        audit.Add(SurveyAudit.PaperEntryStarted, Survey.UnitId, $"survey:{Id}", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            await db.SurveyPaperTallies.Where(t => t.SurveyId == Id && t.MemberId == member && t.Day == day)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Count, t => t.Count + 1), ct);
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var surveys = await scope.InScope(db.Surveys.AsNoTracking(), s => s.UnitId, Enterers, ct);
        var survey = await surveys.FirstOrDefaultAsync(s => s.Id == Id, ct);
        if (survey is null || scope.MemberId is null)
        {
            return false;
        }

        Survey = survey;
        if (survey.Status == SurveyStatus.Published && survey.CurrentVersion > 0)
        {
            Definition = await definitions.GetAsync(db, Id, survey.CurrentVersion, ct);
        }

        Language = Definition is not null && Lang is not null && Definition.Languages.Contains(Lang) ? Lang : "vi";
        if (Definition?.Questions.Any(q => q.Type == QuestionType.Unit) == true)
        {
            Units = await ResponseIntake.AnswerUnitsAsync(db, survey.UnitId, ct);
        }

        var member = scope.MemberId;
        var day = Today();
        TodayCount = await db.SurveyPaperTallies.Where(t => t.SurveyId == Id && t.MemberId == member && t.Day == day).Select(t => t.Count).FirstOrDefaultAsync(ct);
        return true;
    }

    private static double? Number(string text)
    {
        var normal = text.Count(c => c == ',') == 1 && !text.Contains('.', StringComparison.Ordinal) ? text.Replace(',', '.') : text;
        return double.TryParse(normal, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;
    }

    private DateOnly Today() => office.Today;

    private static string NewKey() => "paper-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public bool Has(string question, string value) => Values.TryGetValue(question, out var values) && values.Contains(value, StringComparer.Ordinal);

    public string Value(string question) => Values.TryGetValue(question, out var values) ? values[0] : string.Empty;
}
