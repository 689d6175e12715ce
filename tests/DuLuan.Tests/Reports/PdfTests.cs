using DuLuan.Features.Reports.Documents;
using Microsoft.Extensions.Options;

namespace DuLuan.Tests.Reports;

public sealed class PdfTests
{
    internal static byte[] Docx(ReportLayout layout)
    {
        var figures = SampleFigures.Build();
        using var stream = new MemoryStream();
        DocxReportWriter.Write(stream, ReportHeading.For(layout, figures.UnitName, "Thành phố Đà Nẵng", "Thành phố Đà Nẵng", new DateOnly(2026, 10, 5)), ReportComposer.Compose(figures), figures);
        return stream.ToArray();
    }

    [Theory]
    [InlineData(ReportLayout.State)]
    [InlineData(ReportLayout.Party)]
    public async Task Pdf_has_embedded_fonts_and_searchable_Vietnamese_figures(ReportLayout layout)
    {
        using var converter = new PdfConverter(Options.Create(new ReportOptions()));
        if (!converter.Available)
        {
            // Without LibreOffice the service must say so clearly, in Vietnamese first.
            var error = await Assert.ThrowsAsync<PdfConversionException>(() => converter.ConvertAsync(Docx(layout), TestContext.Current.CancellationToken));
            Assert.StartsWith("Máy chủ chưa cài LibreOffice", error.Message, StringComparison.Ordinal);
            return;
        }

        var pdf = await converter.ConvertAsync(Docx(layout), TestContext.Current.CancellationToken);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        var text = DocxInspect.PdfText(pdf);
        Assert.Contains("BÁO CÁO", text, StringComparison.Ordinal);
        Assert.Contains(layout == ReportLayout.State ? "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" : "ĐẢNG CỘNG SẢN VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("1.204", text, StringComparison.Ordinal);
        Assert.Contains("93,1%", text, StringComparison.Ordinal);
        Assert.Contains("tăng 4,2 điểm", string.Join(' ', text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Contains("Phòng Kinh tế", text, StringComparison.Ordinal);
        var fonts = DocxInspect.PdfFonts(pdf);
        Assert.NotEmpty(fonts);
        Assert.All(fonts, row => Assert.Contains(" yes ", row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_LibreOffice_is_a_clear_Vietnamese_error()
    {
        using var converter = new PdfConverter(Options.Create(new ReportOptions { LibreOffice = "/nonexistent/libreoffice" }));
        Assert.False(converter.Available);
        var error = await Assert.ThrowsAsync<PdfConversionException>(() => converter.ConvertAsync([1, 2, 3], TestContext.Current.CancellationToken));
        Assert.Contains("LibreOffice", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Máy chủ chưa cài LibreOffice", error.Message, StringComparison.Ordinal);
    }
}
