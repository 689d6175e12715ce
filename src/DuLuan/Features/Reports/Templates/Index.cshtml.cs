using System.Text;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Reports.Drafts;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Reports.Templates;

/// <summary>An office's own DOCX templates: upload (checked: size, zip, macros, placeholder names), list.</summary>
[RequestSizeLimit(TemplateFiller.MaxFileBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = TemplateFiller.MaxFileBytes + (1024 * 1024))]
public sealed class IndexModel(AppDbContext db, ReportDraftAccess access, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Unit? Unit { get; private set; }

    public List<ReportTemplate> Templates { get; private set; } = [];

    public List<string> Placeholders { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long unit, CancellationToken ct)
    {
        Unit = await access.UnitAsync(unit, ct);
        if (Unit is null)
        {
            return NotFound();
        }

        Templates = await access.TemplatesForAsync(Unit, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long unit, string? name, IFormFile? file, CancellationToken ct)
    {
        Unit = await access.UnitAsync(unit, ct);
        if (Unit is null)
        {
            return NotFound();
        }

        Templates = await access.TemplatesForAsync(Unit, ct);
        var cleanName = (name ?? string.Empty).Normalize(NormalizationForm.FormC).Trim();
        var problems = new List<string>();
        if (cleanName.Length is 0 or > ReportTemplate.NameLimit || cleanName.Any(char.IsControl))
        {
            problems.Add(l["Reports.Templates.NameInvalid"]);
        }

        byte[] content = [];
        if (file is null || file.Length == 0)
        {
            problems.Add(l["Reports.Templates.FileMissing"]);
        }
        else if (file.Length > TemplateFiller.MaxFileBytes)
        {
            problems.Add(l["Reports.Templates.FileTooLarge"]);
        }
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
            try
            {
                Placeholders = TemplateFiller.Inspect(content);
                var unknown = Placeholders.Where(p => !KnownAnywhere(p)).ToList();
                problems.AddRange(unknown.Select(n => $"{{{{{n}}}}}: {l["Reports.Templates.Unknown"]}"));
            }
            catch (TemplateException e)
            {
                problems.AddRange(e.Problems);
            }
        }

        if (problems.Count > 0)
        {
            foreach (var p in problems)
            {
                ModelState.AddModelError("file", p);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var template = new ReportTemplate { UnitId = Unit.Id, Name = cleanName, Content = content, UploadedBy = access.MemberId, UploadedAt = clock.GetUtcNow().UtcDateTime };
        db.ReportTemplates.Add(template);
        audit.Add(ReportAudit.TemplateUploaded, Unit.Id, cleanName, string.Join(", ", Placeholders));
        await db.SaveChangesAsync(ct);
        return Redirect($"/Reports/Templates?unit={Unit.Id}");
    }

    /// <summary>A name the report language knows whatever the figures: fixed names, blocks, and every key in <see cref="ReportKeys"/> with its suffixes.</summary>
    public static bool KnownAnywhere(string name)
    {
        if (TemplatePlaceholders.Fixed.Contains(name) || TemplatePlaceholders.BlockNames.Contains(name))
        {
            return true;
        }

        var keys = typeof(ReportKeys).GetNestedTypes().Append(typeof(ReportKeys))
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            return TemplatePlaceholders.BlockKinds.Contains(name[..colon]) && keys.Contains(name[(colon + 1)..]);
        }

        return TemplatePlaceholders.FigureSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal) && keys.Contains(name[..^s.Length]));
    }
}
