using DuLuan.Features.Reports;
using DuLuan.Infrastructure.Reporting;

namespace DuLuan.Tests.Reports;

/// <summary>Report figures built by hand, so document tests do not depend on how figures are computed.</summary>
public static class SampleFigures
{
    public static ReportPeriod Q3 => Period("2026-Q3");

    public static ReportPeriod Period(string code) => ReportPeriod.TryParse(code, out var period, out var error) ? period : throw new ArgumentException(error);

    public static ReportFigures Build(long unitId = 1, string unitName = "Phường Hoà Khánh", IReadOnlyList<string>? notes = null) => new(
        unitId,
        unitName,
        "20200",
        Q3,
        [
            new ReportSection("concerns", "Tiếp nhận và giải quyết phản ánh, kiến nghị",
                [
                    new Figure("concerns.received", "Phản ánh, kiến nghị tiếp nhận", 1204, 1150, FigureKind.Count, null),
                    new Figure("concerns.on_time_percent", "Tỷ lệ giải quyết đúng hạn", 93.1, 88.9, FigureKind.Percent, null),
                    new Figure("concerns.median_days", "Thời gian giải quyết trung vị", 4.5, 5, FigureKind.Days, null),
                    new Figure("concerns.overdue", "Vụ việc quá hạn", 12, 12, FigureKind.Count, null),
                ],
                [
                    new FigureTable("concerns.by_agency", "Phản ánh theo cơ quan xử lý", ["Cơ quan", "Tiếp nhận", "Đúng hạn (%)"],
                    [
                        new FigureRow("Phòng Kinh tế", [640, 95.2], null),
                        new FigureRow("Công an phường", [564, 90.7], null),
                    ]),
                ],
                [
                    new FigureChart("concerns.by_month", "Phản ánh theo tháng", ChartKind.Bar, ["Tháng 7", "Tháng 8", "Tháng 9"],
                        [new ChartSeries("Tiếp nhận", [380, 402, 422]), new ChartSeries("Đã giải quyết", [360, 390, 410])]),
                ]),
            new ReportSection("publish", "Thông tin trên kênh chính thống",
                [
                    new Figure("publish.posts", "Tin bài đã đăng", 85, 75, FigureKind.Count, null),
                    new Figure("publish.reach", "Lượt tiếp cận", 152300, 160100, FigureKind.Count, null),
                ],
                [],
                [
                    new FigureChart("publish.by_channel", "Lượt tiếp cận theo kênh", ChartKind.Pie, ["Cổng thông tin", "Facebook", "Zalo"],
                        [new ChartSeries("Lượt tiếp cận", [50300, 70000, 32000])]),
                    new FigureChart("publish.by_month", "Tin bài theo tháng", ChartKind.Line, ["Tháng 7", "Tháng 8", "Tháng 9"],
                        [new ChartSeries("Tin bài", [25, 30, 30])]),
                ]),
            new ReportSection("claims", "Thông tin sai sự thật", [new Figure("claims.registered", "Thông tin sai sự thật ghi nhận", null, null, FigureKind.Count, null)], [], []),
        ],
        notes ?? ["Trong kỳ có đơn vị sáp nhập từ ngày 01/07/2025; số liệu được tính theo đơn vị quản lý tại thời điểm phát sinh."],
        new DateTimeOffset(2026, 10, 5, 2, 0, 0, TimeSpan.Zero));
}
