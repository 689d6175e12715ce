using System.Globalization;

namespace DuLuan.Features.Reports.Figures;

public static class DrillLinks
{
    public static string Url(long unitId, ReportPeriod period, string key)
        => string.Create(CultureInfo.InvariantCulture, $"/Reports/Drill?unit={unitId}&period={Uri.EscapeDataString(period.Code)}&key={Uri.EscapeDataString(key)}");
}
