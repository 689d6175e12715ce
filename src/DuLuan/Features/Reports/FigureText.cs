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
        FigureKind.Days => VietnameseFormat.Number(value) + " ngày",
        _ => VietnameseFormat.Number(value, 0),
    };
}
