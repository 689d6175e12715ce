using System.Globalization;
using DuLuan.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

/// <summary>A survey version (or, with version 0 or before publishing, the draft) as an XLSForm workbook, for those who see the survey.</summary>
public sealed class ExportModel(AppDbContext db, SurveyAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, int? version, CancellationToken ct)
    {
        var survey = await access.FindAsync(id, edit: false, ct);
        if (survey is null || version is < 0)
        {
            return NotFound();
        }

        var number = version ?? survey.CurrentVersion;
        string? json = survey.DraftJson;
        if (number > 0)
        {
            json = await db.SurveyVersions.AsNoTracking().Where(v => v.SurveyId == id && v.Number == number).Select(v => v.DefinitionJson).FirstOrDefaultAsync(ct);
        }

        var definition = json is null ? null : SurveyDefinition.Parse(json, out _);
        if (definition is null)
        {
            return NotFound();
        }

        var formId = $"duluan_{id.ToString(CultureInfo.InvariantCulture)}";
        var bytes = XlsFormExport.Build(definition, formId, number);
        var suffix = number > 0 ? $"v{number.ToString(CultureInfo.InvariantCulture)}" : "draft";
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{formId}_{suffix}.xlsx");
    }
}
