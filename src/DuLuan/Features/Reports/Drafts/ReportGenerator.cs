using DuLuan.Data;
using DuLuan.Features.Reports.Documents;
using DuLuan.Features.Reports.Figures;
using DuLuan.Features.Reports.Templates;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports.Drafts;

/// <summary>
/// From a unit and a period to a draft (figures computed, sentences written) and from a draft to DOCX or PDF.
/// Used by the draft pages, the `reports generate` verb and the period-end job alike.
/// </summary>
public sealed class ReportGenerator(AppDbContext db, IReportFigureSource source, PdfConverter pdf, ReportZone zone, TimeProvider clock)
{
    public async Task<ReportDraft> CreateDraftAsync(long unitId, ReportPeriod period, ReportLayout layout, long? templateId, string? authorId, CancellationToken ct)
    {
        var figures = zone.InZone(await source.ComputeAsync(unitId, period, ct));
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = new ReportDraft
        {
            UnitId = unitId,
            PeriodCode = period.Code,
            Layout = templateId is null ? layout : ReportLayout.Template,
            TemplateId = templateId,
            TextJson = ReportJson.Write(ReportComposer.Compose(figures)),
            FiguresJson = ReportJson.Write(figures),
            AuthorId = authorId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.ReportDrafts.Add(draft);
        await db.SaveChangesAsync(ct);
        return draft;
    }

    /// <summary>The heading of a unit's report: its name, its parent's, the province for the place, today's date.</summary>
    public async Task<ReportHeading> HeadingAsync(long unitId, ReportLayout layout, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct) ?? throw new KeyNotFoundException($"unit {unitId}");
        var ancestorIds = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).Where(id => id != unit.Id).ToList();
        var ancestors = await db.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id)).ToListAsync(ct);
        var parent = ancestors.FirstOrDefault(u => u.Id == unit.ParentId && u.ParentId is not null);
        var province = unit.Kind == UnitKind.Province ? unit : ancestors.FirstOrDefault(u => u.Kind == UnitKind.Province);
        var today = zone.Today;
        return ReportHeading.For(layout == ReportLayout.Party ? ReportLayout.Party : ReportLayout.State, unit.Name, parent?.Name, province?.Name, today);
    }

    /// <summary>A built-in layout straight from fresh figures, stored nowhere (the CLI and the benchmark).</summary>
    public async Task<(ReportFigures Figures, byte[] Docx)> RenderAsync(long unitId, ReportPeriod period, ReportLayout layout, CancellationToken ct)
    {
        var figures = zone.InZone(await source.ComputeAsync(unitId, period, ct));
        using var stream = new MemoryStream();
        DocxReportWriter.Write(stream, await HeadingAsync(unitId, layout, ct), ReportComposer.Compose(figures), figures);
        return (figures, stream.ToArray());
    }

    public async Task<byte[]> DocxAsync(ReportDraft draft, CancellationToken ct)
    {
        var figures = ReportJson.Figures(draft.FiguresJson);
        var text = ReportJson.Text(draft.TextJson);
        if (draft.Layout == ReportLayout.Template)
        {
            var template = draft.TemplateId is { } id ? await db.ReportTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) : null;
            if (template is null)
            {
                throw new TemplateException([new Message("Reports.Draft.TemplateDeleted")]);
            }

            return TemplateFiller.Fill(template.Content, await HeadingAsync(draft.UnitId, ReportLayout.State, ct), text, figures);
        }

        using var stream = new MemoryStream();
        DocxReportWriter.Write(stream, await HeadingAsync(draft.UnitId, draft.Layout, ct), text, figures);
        return stream.ToArray();
    }

    public async Task<byte[]> PdfAsync(ReportDraft draft, CancellationToken ct) => await pdf.ConvertAsync(await DocxAsync(draft, ct), ct);

    public async Task<byte[]> TemplateContentAsync(long templateId, CancellationToken ct) =>
        await db.ReportTemplates.AsNoTracking().Where(t => t.Id == templateId).Select(t => t.Content).FirstAsync(ct);

    public async Task DeleteAsync(ReportDraft draft, CancellationToken ct)
    {
        db.ReportDrafts.Remove(draft);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>"bao-cao-2026-Q3-20200.docx": ASCII, so every browser and mail client keeps it.</summary>
    public static string FileName(ReportFigures figures, string extension) =>
        $"bao-cao-{figures.Period.Code}-{figures.UnitCode ?? figures.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{extension}";
}
