using System.Globalization;
using System.Text;
using DuLuan.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Surveys;

/// <summary>Weighted results with margins of error, a cross-tab by unit, charts and a CSV export in the chosen language.</summary>
public sealed class ResultsModel(AppDbContext db, SurveyAccess access, SurveyResults results, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    /// <summary>Filter: only respondents of this unit.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Unit { get; set; }

    /// <summary>Filter: only respondents who picked <see cref="Opt"/> at this question.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Opt { get; set; }

    /// <summary>Cross-tab by "unit" (default) or by a question with options.</summary>
    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    public ResultsReport Report { get; private set; } = null!;

    /// <summary>The filter's problems (field → message); the report is then unfiltered.</summary>
    public Dictionary<string, string[]> FilterErrors { get; private set; } = [];

    /// <summary>Questions a filter or cross-tab can use, with their options, in the report's language.</summary>
    public List<(string Key, string Label, List<(string Key, string Label)> Options)> Choices { get; private set; } = [];

    public List<(long Id, string Name)> AnswerUnits { get; private set; } = [];

    /// <summary>The query string of the current filter, for the API and export links.</summary>
    public string FilterQuery => FilterErrors.Count > 0 ? string.Empty : string.Concat(
        Unit is { } u ? "&unit=" + u.ToString(CultureInfo.InvariantCulture) : string.Empty,
        string.IsNullOrEmpty(Q) ? string.Empty : "&q=" + Uri.EscapeDataString(Q),
        string.IsNullOrEmpty(Opt) ? string.Empty : "&opt=" + Uri.EscapeDataString(Opt),
        string.IsNullOrEmpty(By) ? string.Empty : "&by=" + Uri.EscapeDataString(By));

    public List<string> Languages { get; private set; } = [];

    /// <summary>A rebuild of kept totals in progress: its views are computed from the rows meanwhile (said on the page).</summary>
    public RebuildView Rebuild { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
        => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var language = Report.Language;
        var csv = new StringBuilder();
        Row(csv, SurveyResults.Say(language, "Surveys.Export.CsvColumns").Split('|'));
        var all = SurveyResults.Say(language, "Surveys.Export.All");
        var hidden = SurveyResults.Say(language, "Surveys.Export.Hidden");
        foreach (var q in Report.Questions)
        {
            foreach (var o in q.Options)
            {
                Row(csv, [q.Label, q.Key, o.Label, all, o.Count?.ToString(CultureInfo.InvariantCulture) ?? hidden, Num(o.Percent), Num(o.Margin), Num(o.DesignEffect), o.Summary ?? string.Empty]);
            }

            if (q.Mean is { } mean)
            {
                Row(csv, [q.Label, q.Key, SurveyResults.Say(language, "Surveys.Export.Mean"), all, q.Answered?.ToString(CultureInfo.InvariantCulture) ?? hidden, Num(mean.Estimate), Num(mean.Margin), Num(mean.DesignEffect), mean.Summary]);
            }

            foreach (var unit in q.ByUnit)
            {
                for (var i = 0; i < q.Options.Count; i++)
                {
                    var cell = unit.Cells[i];
                    Row(csv, [q.Label, q.Key, q.Options[i].Label, unit.Unit, cell.Count?.ToString(CultureInfo.InvariantCulture) ?? hidden, Num(cell.Percent), string.Empty, string.Empty, string.Empty]);
                }
            }
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"khao-sat-{Id}-{Report.Language}.csv");
    }

    /// <summary>The same rows as the CSV, as an .xlsx workbook (DocumentFormat.OpenXml).</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
        => await LoadAsync(ct)
            ? File(ResultsXlsx.Build(Report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"khao-sat-{Id}-{Report.Language}.xlsx")
            : NotFound();

    private static string Num(double? v) => v?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>RFC 4180 quoting; a cell that a spreadsheet would run as a formula is prefixed with an apostrophe.</summary>
    private static void Row(StringBuilder csv, string[] cells)
    {
        csv.AppendJoin(',', cells.Select(c =>
        {
            if (c.Length > 0 && "=+-@\t\r".Contains(c[0], StringComparison.Ordinal) && !double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                c = "'" + c;
            }

            return "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }));
        csv.Append("\r\n");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var survey = await access.FindAsync(Id, edit: false, ct);
        if (survey is null || survey.CurrentVersion == 0)
        {
            return false;
        }

        var json = await db.SurveyVersions.AsNoTracking().Where(v => v.SurveyId == Id && v.Number == survey.CurrentVersion).Select(v => v.DefinitionJson).FirstAsync(ct);
        var definition = SurveyDefinition.Parse(json, out _)!;
        Languages = definition.Languages;
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var language = Lang is not null && definition.Languages.Contains(Lang) ? Lang : definition.Languages.Contains(culture) ? culture : "vi";
        var answerUnits = await ResponseIntake.AnswerUnitsAsync(db, survey.UnitId, ct);
        AnswerUnits = [.. answerUnits.Select(u => (u.Id, u.Name))];
        Choices = [.. definition.Questions.Select(q => (q.Key, q.Label.In(language), SurveyResults.OptionsOf(q, AnswerUnits, language))).Where(c => c.Item3.Count > 0)];
        var query = new ResultsQuery(Unit, string.IsNullOrEmpty(Q) ? null : Q, string.IsNullOrEmpty(Opt) ? null : Opt, string.IsNullOrEmpty(By) ? null : By);
        FilterErrors = SurveyResults.Check(definition, query, answerUnits).ToDictionary(e => e.Key, e => e.Value.Select(m => m.In(l)).ToArray());
        Report = await results.BuildAsync(survey, definition, language, ct, FilterErrors.Count > 0 ? null : query);
        var status = await SurveyRebuilds.StatusAsync(db, Id, ct);
        // Readers see that the figures come from the rows; only editors see how far the job is.
        var live = status.Rebuilding && await access.FindAsync(Id, edit: true, ct) is not null;
        Rebuild = new RebuildView(Id, live ? status : status with { Done = 0, Total = 0, Percent = 0 }, live);
        return true;
    }
}
