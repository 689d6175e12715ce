using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Surveys;

/// <summary>
/// XLSForm into a new draft survey, in two steps: the file is checked and its report shown (errors stop it,
/// what DuLuan cannot represent is listed row by row); only when the member accepts is the draft stored.
/// </summary>
[RequestSizeLimit(XlsFormWorkbook.MaxFileBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = XlsFormWorkbook.MaxFileBytes + (1024 * 1024), ValueLengthLimit = DefinitionRules.MaxJsonLength + 1024)]
public sealed class ImportModel(AppDbContext db, SurveyAccess access, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public long UnitId { get; set; }

    [BindProperty]
    public bool Anonymous { get; set; } = true;

    [BindProperty]
    public string? DefinitionJson { get; set; }

    public List<Unit> Units { get; private set; } = [];

    public XlsFormImportResult? Report { get; private set; }

    public List<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Units.Count == 0 ? NotFound() : Page();
    }

    /// <summary>Step 1: read the file and show the report; nothing is stored.</summary>
    public async Task<IActionResult> OnPostCheckAsync(IFormFile? file, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Units.Count == 0)
        {
            return NotFound();
        }

        if (!CheckUnit())
        {
            return Page();
        }

        if (file is null || file.Length == 0)
        {
            Errors.Add(l["Surveys.Import.NoFile"]);
            return Page();
        }

        if (file.Length > XlsFormWorkbook.MaxFileBytes)
        {
            Errors.Add(l["Surveys.Import.TooLarge"]);
            return Page();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        Report = XlsFormImport.Import(buffer.ToArray());
        DefinitionJson = Report.Ok ? Report.Definition!.ToJson() : null;
        return Page();
    }

    /// <summary>Step 2: store the checked definition as a new draft (checked again: the form field comes from the browser).</summary>
    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Units.Count == 0)
        {
            return NotFound();
        }

        if (!CheckUnit())
        {
            return Page();
        }

        if (string.IsNullOrWhiteSpace(DefinitionJson) || DefinitionJson.Length > DefinitionRules.MaxJsonLength)
        {
            Errors.Add(l["Surveys.Import.NoDefinition"]);
            return Page();
        }

        var definition = SurveyDefinition.Read(DefinitionJson, out var error);
        Errors = definition is null ? [error!.In(l)] : [.. DefinitionRules.Validate(definition).Select(m => m.In(l))];
        if (Errors.Count > 0)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var survey = new Survey
        {
            UnitId = UnitId,
            Title = TypedText.StripHtml(definition!.Title["vi"]),
            Anonymous = Anonymous,
            Status = SurveyStatus.Draft,
            DraftJson = definition.ToJson(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Surveys.Add(survey);
        await audit.SaveCreatedAsync(SurveyAudit.Imported, UnitId, () => $"survey:{survey.Id}", "xlsform", ct);
        return Redirect($"/Surveys/Edit?id={survey.Id}");
    }

    private bool CheckUnit()
    {
        if (Units.All(u => u.Id != UnitId))
        {
            Errors.Add(l["Surveys.BadUnit"]);
            return false;
        }

        return true;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var units = await access.BuilderUnitsAsync(ct);
        Units = await units.AsNoTracking().Where(u => u.ActiveTo == null && u.Kind != UnitKind.Team).OrderBy(u => u.Depth).ThenBy(u => u.NameFolded).Take(500).ToListAsync(ct);
    }
}
