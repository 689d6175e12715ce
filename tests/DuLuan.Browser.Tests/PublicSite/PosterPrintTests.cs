using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ZXing;
using ZXing.Common;
using ZXing.Multi.QrCode;

namespace DuLuan.Browser.Tests.PublicSite;

/// <summary>
/// The place's poster printed by Chromium (DevTools Page.printToPDF, the page's own @page size): one A4 page carrying
/// the place's name, and both QR codes readable from the printed page (rendered by poppler, read back by ZXing).
/// </summary>
public sealed partial class PosterPrintTests(TestApp app, DemoSite site) : IClassFixture<DemoSite>
{
    private const double A4Width = 595.28;
    private const double A4Height = 841.89;

    [Theory]
    [InlineData("vi", "Gửi phản ánh")]
    [InlineData("en", "Send a concern")]
    public async Task The_poster_prints_on_one_A4_page_with_the_place_name_and_both_QR_codes(string language, string formCaption)
    {
        await using var context = await app.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl.ToString(), Locale = language == "en" ? "en-US" : "vi-VN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/cong/{DemoSite.HoaKhanhCode}/ap-phich?lang={language}");
        await page.EvaluateAsync("() => document.fonts.ready");
        var cdp = await context.NewCDPSessionAsync(page);
        var printed = await cdp.SendAsync("Page.printToPDF", new Dictionary<string, object> { ["preferCSSPageSize"] = true, ["printBackground"] = true });
        var pdf = Convert.FromBase64String(printed!.Value.GetProperty("data").GetString()!);

        var directory = Directory.CreateTempSubdirectory("duluan-poster-");
        try
        {
            var file = Path.Combine(directory.FullName, "poster.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            var info = await RunAsync("pdfinfo", file);
            Assert.Matches(PagesOne(), info);
            var size = PageSize().Match(info);
            Assert.True(size.Success, info);
            Assert.InRange(double.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture), A4Width - 1, A4Width + 1);
            Assert.InRange(double.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture), A4Height - 1, A4Height + 1);

            var text = (await RunAsync("pdftotext", "-layout", file, "-")).Normalize(NormalizationForm.FormC);
            Assert.Contains("Phường Hoà Khánh", text, StringComparison.Ordinal);
            Assert.Contains(formCaption, text, StringComparison.Ordinal);
            // The site's header, footer and the print button stay off the paper.
            Assert.DoesNotContain(language == "en" ? "Staff sign-in" : "Đăng nhập cán bộ", text, StringComparison.Ordinal);
            Assert.DoesNotContain(language == "en" ? "Print the poster" : "In áp phích", text, StringComparison.Ordinal);

            await RunAsync("pdftoppm", "-r", "150", "-gray", "-singlefile", file, Path.Combine(directory.FullName, "poster"));
            var codes = ReadQrCodes(Path.Combine(directory.FullName, "poster.pgm"));
            var root = site.BaseUrl.GetLeftPart(UriPartial.Authority) + "/cong/" + DemoSite.HoaKhanhCode;
            Assert.Equal([root + "/phan-anh", root + "/theo-doi"], codes.Order(StringComparer.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Every QR code in a binary greyscale image (PGM "P5", as pdftoppm -gray writes it).</summary>
    private static List<string> ReadQrCodes(string pgm)
    {
        var bytes = File.ReadAllBytes(pgm);
        var header = new List<string>();
        var at = 0;
        while (header.Count < 4)
        {
            while (char.IsWhiteSpace((char)bytes[at]))
            {
                at++;
            }

            var start = at;
            while (!char.IsWhiteSpace((char)bytes[at]))
            {
                at++;
            }

            header.Add(Encoding.ASCII.GetString(bytes, start, at - start));
        }

        Assert.Equal("P5", header[0]);
        var width = int.Parse(header[1], CultureInfo.InvariantCulture);
        var height = int.Parse(header[2], CultureInfo.InvariantCulture);
        var pixels = bytes.AsSpan(at + 1, width * height).ToArray();
        var source = new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
        var found = new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)), hints) ?? [];
        return found.Select(r => r.Text).Distinct(StringComparer.Ordinal).ToList();
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program}: {await error}");
        return await output;
    }

    [GeneratedRegex(@"(?m)^Pages:\s+1$")]
    private static partial Regex PagesOne();

    [GeneratedRegex(@"Page size:\s+([\d.]+) x ([\d.]+) pts")]
    private static partial Regex PageSize();
}
