using DocumentFormat.OpenXml.Packaging;
using DuLuan.Features.Reports;
using DuLuan.Features.Reports.Documents;
using DuLuan.Infrastructure.Reporting;
using DuLuan.Infrastructure.Time;

namespace DuLuan.Tests.Reports;

public sealed class DocxLayoutTests
{
    private static byte[] Generate(ReportLayout layout, DuLuan.Features.Reports.ReportFigures? figures = null)
    {
        figures ??= SampleFigures.Build();
        var heading = ReportHeading.For(layout, figures.UnitName, "Thành phố Đà Nẵng", "Thành phố Đà Nẵng", new DateOnly(2026, 10, 5));
        using var stream = new MemoryStream();
        DocxReportWriter.Write(stream, heading, ReportComposer.Compose(figures), figures);
        return stream.ToArray();
    }

    [Theory]
    [InlineData(ReportLayout.State)]
    [InlineData(ReportLayout.Party)]
    public void Both_layouts_validate_with_no_errors_and_keep_the_page_rules(ReportLayout layout)
    {
        var docx = Generate(layout);
        DocxInspect.AssertValid(docx);
        DocxInspect.AssertLayout(docx);
    }

    [Fact]
    public void State_layout_has_the_motto_number_place_date_title_recipients_and_signature()
    {
        var text = DocxInspect.BodyText(Generate(ReportLayout.State));
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
        Assert.Contains("PHƯỜNG HOÀ KHÁNH", text, StringComparison.Ordinal);
        Assert.Contains("/BC-PHK", text, StringComparison.Ordinal);
        Assert.Contains("Đà Nẵng, ngày 05 tháng 10 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("\nBÁO CÁO\n", text, StringComparison.Ordinal);
        Assert.Contains("Nơi nhận:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ĐẢNG CỘNG SẢN VIỆT NAM", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Party_layout_has_the_party_header_underlined_and_the_committee_left()
    {
        var docx = Generate(ReportLayout.Party);
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var table = document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().First();
        var cells = table.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().ToList();
        Assert.Contains("ĐẢNG ỦY PHƯỜNG HOÀ KHÁNH", cells[0].InnerText, StringComparison.Ordinal);
        Assert.Contains("-BC/ĐU", cells[0].InnerText, StringComparison.Ordinal);
        var party = cells[1].Descendants<DocumentFormat.OpenXml.Wordprocessing.Run>().Single(r => r.InnerText == "ĐẢNG CỘNG SẢN VIỆT NAM");
        Assert.NotNull(party.RunProperties!.Underline);
        Assert.DoesNotContain("CỘNG HÒA XÃ HỘI", DocxInspect.BodyText(docx), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_gives_the_figures_in_Vietnamese_formats_with_changes_and_notes()
    {
        var text = DocxInspect.BodyText(Generate(ReportLayout.State));
        Assert.Contains("Trong quý III năm 2026, đã tiếp nhận 1.204 phản ánh, kiến nghị, tăng 4,7% so với quý II năm 2026; giải quyết đúng hạn 93,1%, tăng 4,2 điểm so với quý II năm 2026.", text, StringComparison.Ordinal);
        Assert.Contains("Thời gian giải quyết trung vị: 4,5 ngày, giảm 0,5 ngày so với quý II năm 2026.", text, StringComparison.Ordinal);
        Assert.Contains("Vụ việc quá hạn: 12, không đổi so với quý II năm 2026.", text, StringComparison.Ordinal);
        Assert.Contains("Lượt tiếp cận: 152.300, giảm 4,9% so với quý II năm 2026.", text, StringComparison.Ordinal);
        Assert.Contains("chưa có số liệu về thông tin sai sự thật", text, StringComparison.Ordinal);
        Assert.Contains("sáp nhập từ ngày 01/07/2025", text, StringComparison.Ordinal);
        Assert.Contains("Phòng Kinh tế", text, StringComparison.Ordinal);
        Assert.Contains("95,2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_are_native_chart_parts_with_the_values()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Generate(ReportLayout.State)), false);
        var charts = document.MainDocumentPart!.ChartParts.ToList();
        Assert.Equal(3, charts.Count);
        var xml = string.Concat(charts.Select(c => c.ChartSpace!.OuterXml));
        Assert.Contains("<c:barChart>", xml, StringComparison.Ordinal);
        Assert.Contains("<c:pieChart>", xml, StringComparison.Ordinal);
        Assert.Contains("<c:lineChart>", xml, StringComparison.Ordinal);
        Assert.Contains("<c:v>422</c:v>", xml, StringComparison.Ordinal);
        Assert.Contains("Tháng 9", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_period_with_no_data_says_so_in_every_section()
    {
        var empty = SampleFigures.Build() with
        {
            Sections = [new("concerns", "Phản ánh, kiến nghị", [new("concerns.received", "Phản ánh", 0, 0, FigureKind.Count, null)], [], [])],
            Notes = ["Không có số liệu trong kỳ báo cáo."],
        };
        var docx = Generate(ReportLayout.Party, empty);
        DocxInspect.AssertValid(docx);
        var text = DocxInspect.BodyText(docx);
        Assert.Contains("chưa có số liệu về phản ánh, kiến nghị", text, StringComparison.Ordinal);
        Assert.Contains("Không có số liệu trong kỳ báo cáo.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1204.0, "1.204")]
    [InlineData(1234567.0, "1.234.567")]
    [InlineData(93.14, "93,1")]
    [InlineData(0.0, "0")]
    [InlineData(-4.25, "-4,3")]
    public void Numbers_use_dot_thousands_and_comma_decimals(double value, string expected) => Assert.Equal(expected, VietnameseFormat.Number(value));

    [Theory]
    [InlineData(2026, 10, 5, "ngày 05 tháng 10 năm 2026")]
    [InlineData(2026, 2, 15, "ngày 15 tháng 02 năm 2026")]
    [InlineData(2026, 3, 1, "ngày 01 tháng 3 năm 2026")]
    public void Dates_follow_Decree_30(int year, int month, int day, string expected) => Assert.Equal(expected, VietnameseFormat.Date(new DateOnly(year, month, day)));
}
