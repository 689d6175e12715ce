using DuLuan.Features.Audit;
using DuLuan.Features.Reports.Documents;
using DuLuan.Features.Reports.Templates;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Reports.Drafts;

/// <summary>The draft as DOCX or PDF; every download is audited.</summary>
public sealed class DownloadModel(ReportDraftAccess access, ReportGenerator generator, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<IActionResult> OnGetAsync(long id, string? format, CancellationToken ct)
    {
        var draft = await access.DraftAsync(id, ct);
        if (draft is null)
        {
            return NotFound();
        }

        if (format is not ("docx" or "pdf"))
        {
            return Fail(StatusCodes.Status400BadRequest, new Message("Reports.Download.Format").In(l));
        }

        var figures = ReportJson.Figures(draft.FiguresJson);
        try
        {
            var bytes = format == "pdf" ? await generator.PdfAsync(draft, ct) : await generator.DocxAsync(draft, ct);
            await audit.WriteAsync(AuditActions.Export, draft.UnitId, $"draft {draft.Id}", $"{draft.PeriodCode} {format}", ct);
            return File(bytes, format == "pdf" ? "application/pdf" : DocxType, ReportGenerator.FileName(figures, format));
        }
        catch (TemplateException e)
        {
            return Fail(StatusCodes.Status422UnprocessableEntity, string.Join("\n", e.Messages.Select(p => p.In(l))));
        }
        catch (PdfConversionException e)
        {
            return Fail(StatusCodes.Status503ServiceUnavailable, e.Text.In(l));
        }
    }

    private static ContentResult Fail(int status, string message) => new() { StatusCode = status, Content = message, ContentType = "text/plain; charset=utf-8" };
}
