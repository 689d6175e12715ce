using DuLuan.Analysis.Text;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Units;

/// <summary>
/// A file of re-organisation steps (<see cref="SuccessionCsv"/>), all recorded or none: every problem is listed by
/// line and column. A cell names a unit by its official code, or by its name when that name is unique in the
/// member's subtrees. Units outside the member's subtrees are "unknown", like codes that do not exist.
/// </summary>
[RequestSizeLimit(SuccessionCsv.MaxFileBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = SuccessionCsv.MaxFileBytes + (64 * 1024))]
public sealed class ImportSuccessionsModel(UnitScope scope, UnitReorganisation reorganisation) : PageModel
{
    public List<SuccessionError> Errors { get; private set; } = [];

    public int? Recorded { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
        => (await scope.PathsAsync(Permission.ManageUnits, ct)).Count == 0 ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if ((await scope.PathsAsync(Permission.ManageUnits, ct)).Count == 0)
        {
            return NotFound();
        }

        if (file is null || file.Length == 0)
        {
            Errors.Add(new(0, FileField, new Message("Units.Succession.NoFile")));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (file.Length > SuccessionCsv.MaxFileBytes)
        {
            Errors.Add(new(0, FileField, new Message("Units.Succession.FileTooLarge", SuccessionCsv.MaxFileBytes / 1024 / 1024)));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var (rows, errors) = SuccessionCsv.Parse(buffer.ToArray());
        var steps = await ResolveAsync(rows, errors, ct);
        if (errors.Count == 0)
        {
            errors.AddRange(await reorganisation.RecordAsync(steps, "csv", NotFound, ct));
        }

        Errors = errors.OrderBy(e => e.Line).ToList();
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Recorded = steps.Count;
        return Page();
    }

    private static string FileField => SuccessionCsv.FileField;

    private static SuccessionError NotFound(SuccessionStep step, bool successor)
        => successor
            ? new(step.Line, SuccessionCsv.NewColumn, new Message("Units.Succession.NoSuccessorHere"))
            : new(step.Line, SuccessionCsv.OldColumn, new Message("Units.Succession.NoUnitHere"));

    /// <summary>Codes first, then unique folded names in the member's manageable subtrees.</summary>
    private async Task<List<SuccessionStep>> ResolveAsync(List<SuccessionCsvRow> rows, List<SuccessionError> errors, CancellationToken ct)
    {
        var cells = rows.SelectMany(r => new[] { r.OldUnit, r.NewUnit }).Distinct(StringComparer.Ordinal).ToList();
        var manageable = await reorganisation.ManageableAsync(ct);
        var byCode = await manageable.AsNoTracking().Where(u => u.Code != null && cells.Contains(u.Code))
            .Select(u => new { Code = u.Code!, u.Id }).ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.Ordinal, ct);
        var folded = cells.Where(c => !byCode.ContainsKey(c)).Select(c => VietnameseFold.Fold(UnitTree.CleanName(c))).Distinct(StringComparer.Ordinal).ToList();
        var byName = (await manageable.AsNoTracking().Where(u => folded.Contains(u.NameFolded)).Select(u => new { u.NameFolded, u.Id }).Take(10_000).ToListAsync(ct))
            .GroupBy(u => u.NameFolded, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(u => u.Id).ToList(), StringComparer.Ordinal);
        long? Find(string cell, int line, string column)
        {
            if (byCode.TryGetValue(cell, out var id))
            {
                return id;
            }

            if (byName.TryGetValue(VietnameseFold.Fold(UnitTree.CleanName(cell)), out var ids))
            {
                if (ids.Count == 1)
                {
                    return ids[0];
                }

                errors.Add(new(line, column, new Message("Units.Succession.AmbiguousName", ids.Count, SuccessionCsv.Show(cell))));
                return null;
            }

            errors.Add(new(line, column, new Message("Units.Succession.UnknownCell", SuccessionCsv.Show(cell))));
            return null;
        }

        var steps = new List<SuccessionStep>();
        foreach (var row in rows)
        {
            var old = Find(row.OldUnit, row.Line, SuccessionCsv.OldColumn);
            var @new = Find(row.NewUnit, row.Line, SuccessionCsv.NewColumn);
            if (old is { } o && @new is { } n)
            {
                steps.Add(new(o, n, row.EffectiveOn, row.Line));
            }
        }

        return steps;
    }
}
