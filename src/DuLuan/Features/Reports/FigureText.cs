using DuLuan.Infrastructure.Reporting;
using DuLuan.Infrastructure.Time;

namespace DuLuan.Features.Reports;

/// <summary>A report figure in its unit, written the Vietnamese way.</summary>
public static class FigureText
{
    /// <summary>Count as is, percent with "%", days with "ngày".</summary>
    public static string Value(double value, FigureKind kind) => kind switch
    {
        FigureKind.Percent => VietnameseFormat.Percent(value),
        FigureKind.Days => ReportWords.Of("Reports.Text.Days", VietnameseFormat.Number(value)),
        _ => VietnameseFormat.Number(value, 0),
    };
}
