using System.Globalization;
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
            ReportWords.Of("Reports.Text.Opening", figures.UnitName, period.VietnameseLabel, VietnameseFormat.ShortDate(period.Start), VietnameseFormat.ShortDate(period.End)),
        };
        opening.AddRange(figures.Notes.Select(n => ReportWords.Of("Reports.Text.Note", n)));
        var sections = figures.Sections.Select(s => new ReportTextSection(s.Key, s.Title, SectionParagraphs(s, period, previous))).ToList();
        var closing = new List<string>
        {
            ReportWords.Of("Reports.Text.Computed", figures.ComputedAt.ToString("HH:mm", CultureInfo.InvariantCulture), VietnameseFormat.ShortDate(DateOnly.FromDateTime(figures.ComputedAt.DateTime))),
            ReportWords.Of("Reports.Text.Closing", period.VietnameseLabel, figures.UnitName),
        };
        return new ReportText(ReportWords.Of("Reports.Text.Subtitle", period.VietnameseLabel), opening, sections, closing);
    }

    private static List<string> SectionParagraphs(ReportSection section, ReportPeriod period, string previous)
    {
        var figures = section.Figures.ToList();
        if (figures.Count == 0 || figures.All(f => f.Value is null or 0))
        {
            return [ReportWords.Of("Reports.Text.NoFigures", period.VietnameseLabel, section.Title.ToLowerInvariant())];
        }

        var paragraphs = new List<string>();
        var received = figures.FirstOrDefault(f => f.Key == ReportKeys.ConcernsReceived);
        var onTime = figures.FirstOrDefault(f => f.Key == ReportKeys.ConcernsOnTimePercent);
        if (received?.Value is { } count)
        {
            var sentence = ReportWords.Of("Reports.Text.Received", period.VietnameseLabel, VietnameseFormat.Number(count, 0));
            sentence += received.Previous is { } p ? Change(count, p, FigureKind.Count, previous) : string.Empty;
            if (onTime?.Value is { } percent)
            {
                sentence += ReportWords.Of("Reports.Text.OnTime", VietnameseFormat.Percent(percent));
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
            return ReportWords.Of("Reports.Text.FigureMissing", figure.Label);
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
            return ReportWords.Of("Reports.Text.Unchanged", previousLabel);
        }

        var magnitude = Math.Abs(shown);
        var amount = kind switch
        {
            FigureKind.Percent => ReportWords.Of("Reports.Text.Points", VietnameseFormat.Number(magnitude)),
            FigureKind.Days => ReportWords.Of("Reports.Text.Days", VietnameseFormat.Number(magnitude)),
            _ when previous > 0 => VietnameseFormat.Percent(Math.Abs(difference) / previous * 100),
            _ => VietnameseFormat.Number(magnitude, 0),
        };
        return ReportWords.Of(shown > 0 ? "Reports.Text.Up" : "Reports.Text.Down", amount, previousLabel);
    }
}
