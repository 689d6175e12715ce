using DuLuan.Infrastructure.Reporting;
using DuLuan.Infrastructure.Time;

namespace DuLuan.Features.Reports.Documents;

/// <summary>
/// Writes the short sentences of a report from its figures, in the register of an official report:
/// "Trong quý III năm 2026, đã tiếp nhận 1.204 phản ánh, kiến nghị; giải quyết đúng hạn 93,1%, tăng 4,2 điểm so với quý II năm 2026."
/// Counts compare in percent, percentages in points, durations in days; a missing figure says so.
/// </summary>
public static class ReportComposer
{
    public static ReportText Compose(ReportFigures figures)
    {
        var period = figures.Period;
        var previous = period.Previous().VietnameseLabel;
        var opening = new List<string>
        {
            $"Thực hiện chế độ báo cáo định kỳ, {figures.UnitName} báo cáo kết quả công tác nắm bắt, định hướng dư luận xã hội và tiếp nhận, giải quyết phản ánh, kiến nghị {period.VietnameseLabel} (từ {VietnameseFormat.ShortDate(period.Start)} đến {VietnameseFormat.ShortDate(period.End)}) như sau:",
        };
        opening.AddRange(figures.Notes.Select(n => "Ghi chú về số liệu: " + n));
        var sections = figures.Sections.Select(s => new ReportTextSection(s.Key, s.Title, SectionParagraphs(s, period, previous))).ToList();
        var closing = new List<string>
        {
            $"Số liệu trong báo cáo được tổng hợp tự động từ hệ thống DuLuan lúc {figures.ComputedAt:HH:mm} {VietnameseFormat.ShortDate(DateOnly.FromDateTime(figures.ComputedAt.DateTime))}, gồm toàn bộ các đơn vị trực thuộc.",
            $"Trên đây là báo cáo {period.VietnameseLabel} của {figures.UnitName}./.",
        };
        return new ReportText($"Kết quả công tác {period.VietnameseLabel}", opening, sections, closing);
    }

    private static List<string> SectionParagraphs(ReportSection section, ReportPeriod period, string previous)
    {
        var figures = section.Figures.ToList();
        if (figures.Count == 0 || figures.All(f => f.Value is null or 0))
        {
            return [$"Trong {period.VietnameseLabel}, chưa có số liệu về {section.Title.ToLowerInvariant()}."];
        }

        var paragraphs = new List<string>();
        var received = figures.FirstOrDefault(f => f.Key == ReportKeys.ConcernsReceived);
        var onTime = figures.FirstOrDefault(f => f.Key == ReportKeys.ConcernsOnTimePercent);
        if (received?.Value is { } count)
        {
            var sentence = $"Trong {period.VietnameseLabel}, đã tiếp nhận {VietnameseFormat.Number(count, 0)} phản ánh, kiến nghị";
            sentence += received.Previous is { } p ? Change(count, p, FigureKind.Count, previous) : string.Empty;
            if (onTime?.Value is { } percent)
            {
                sentence += $"; giải quyết đúng hạn {VietnameseFormat.Percent(percent)}";
                sentence += onTime.Previous is { } q ? Change(percent, q, FigureKind.Percent, previous) : string.Empty;
                figures.Remove(onTime);
            }

            paragraphs.Add(sentence + ".");
            figures.Remove(received);
        }

        paragraphs.AddRange(figures.Select(f => Sentence(f, previous)));
        return paragraphs;
    }

    /// <summary>"Số tin bài đã đăng: 85, tăng 13,3% so với quý II năm 2026."</summary>
    public static string Sentence(Figure figure, string previousLabel)
    {
        if (figure.Value is not { } value)
        {
            return $"{figure.Label}: chưa có số liệu.";
        }

        var text = $"{figure.Label}: {FigureText.Value(value, figure.Kind)}";
        return text + (figure.Previous is { } previous ? Change(value, previous, figure.Kind, previousLabel) : string.Empty) + ".";
    }

    /// <summary>", tăng 4,2 điểm so với quý II năm 2026": percent change for counts, points for percentages, days for durations.</summary>
    public static string Change(double value, double previous, FigureKind kind, string previousLabel)
    {
        var difference = value - previous;
        var shown = kind switch
        {
            FigureKind.Percent => Math.Round(difference, 1, MidpointRounding.AwayFromZero),
            FigureKind.Days => Math.Round(difference, 1, MidpointRounding.AwayFromZero),
            _ => Math.Round(difference, 0, MidpointRounding.AwayFromZero),
        };
        if (shown == 0)
        {
            return $", không đổi so với {previousLabel}";
        }

        var direction = shown > 0 ? "tăng" : "giảm";
        var magnitude = Math.Abs(shown);
        var amount = kind switch
        {
            FigureKind.Percent => $"{VietnameseFormat.Number(magnitude)} điểm",
            FigureKind.Days => $"{VietnameseFormat.Number(magnitude)} ngày",
            _ when previous > 0 => VietnameseFormat.Percent(Math.Abs(difference) / previous * 100),
            _ => VietnameseFormat.Number(magnitude, 0),
        };
        return $", {direction} {amount} so với {previousLabel}";
    }
}
