using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Files;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using static DuLuan.Tests.Cases.RespondFixture;

namespace DuLuan.Tests.Cases;

public sealed partial class AttachmentTests
{
    private const string Secret = "GPS-SECRET-16.0738,108.1499-Nguyen-Van-Binh";

    private static byte[] Image(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(40, 30);
        bitmap.Erase(new SKColor(200, 30, 30));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A JPEG carrying the secret in an XMP (APP1) segment and a comment (COM) segment.</summary>
    private static byte[] JpegWithMetadata()
    {
        var jpeg = Image(SKEncodedImageFormat.Jpeg);
        static byte[] Segment(byte marker, byte[] payload) => [0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)((payload.Length + 2) & 0xFF), .. payload];
        var xmp = Segment(0xE1, Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>" + Secret + "</x:xmpmeta>"));
        var comment = Segment(0xFE, Encoding.ASCII.GetBytes(Secret));
        return [.. jpeg[..2], .. xmp, .. comment, .. jpeg[2..]];
    }

    /// <summary>A PNG with a tEXt chunk (Author) right after IHDR.</summary>
    private static byte[] PngWithText()
    {
        var png = Image(SKEncodedImageFormat.Png);
        var body = Encoding.ASCII.GetBytes("tEXtAuthor\0" + Secret);
        var crc = Crc32(body);
        byte[] chunk = [.. BigEndian(body.Length - 4), .. body, .. BigEndian((int)crc)];
        return [.. png[..33], .. chunk, .. png[33..]];
    }

    private static byte[] BigEndian(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static async Task<HttpResponseMessage> UploadAsync(TestClient client, string formPage, long caseId, string from, string fileName, byte[] content)
    {
        var html = await client.GetStringAsync(formPage);
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, html[..Math.Min(2000, html.Length)]);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", fileName);
        return await client.Http.PostAsync($"/Cases/Attachments?caseId={caseId}&from={from}", form);
    }

    [Theory, Providers]
    public async Task Images_are_stored_re_encoded_without_metadata_and_only_staff_of_the_case_reach_them(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agency = await AddAgencyAsync(app, app.Tree.ProvinceA, "Sở Xây dựng Đà Nẵng");
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        await app.AddMemberAsync("lienlac@sxd48.vn", agency, Role.AgencyLiaison);
        await app.AddMemberAsync("editor@01.vn", app.Tree.ProvinceB, Role.Editor);
        var item = await AddCaseAsync(app, app.Tree.CommuneA1.Id, agency.Id);
        var foreignCase = await AddCaseAsync(app, app.Tree.CommuneB1.Id, null, status: CaseStatus.New);
        var details = $"/Cases/Details?id={item.Id}";
        using var office = app.Client();
        await office.SignInOkAsync("editor@48.vn");

        var jpeg = JpegWithMetadata();
        Assert.Contains(Secret, Encoding.ASCII.GetString(jpeg), StringComparison.Ordinal);
        using (var uploaded = await UploadAsync(office, details, item.Id, "Details", "C:\\Users\\binh\\ảnh hiện trường<script>.jpeg", jpeg))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        using var liaison = app.Client();
        await liaison.SignInOkAsync("lienlac@sxd48.vn");
        using (var uploaded = await UploadAsync(liaison, $"/Cases/Respond?id={item.Id}", item.Id, "Respond", "bao-cao.png", PngWithText()))
        {
            Assert.Equal($"/Cases/Respond?id={item.Id}", uploaded.Headers.Location?.OriginalString);
        }

        using (var uploaded = await UploadAsync(liaison, $"/Cases/Respond?id={item.Id}", item.Id, "Respond", "cong-van.pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray()))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var files = await app.WithDbAsync(db => db.CaseAttachments.OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["image/jpeg", "image/png", "application/pdf"], files.Select(f => f.ContentType));
        Assert.Equal("ảnh hiện trườngscript.jpg", files[0].FileName);
        foreach (var image in files.Take(2))
        {
            Assert.DoesNotContain(Secret, Encoding.Latin1.GetString(image.Content), StringComparison.Ordinal);
            using var decoded = SKBitmap.Decode(image.Content);
            Assert.Equal((40, 30), (decoded.Width, decoded.Height));
        }

        using (var download = await liaison.GetAsync($"/Cases/Attachments?id={files[0].Id}"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal(files[0].Content, await download.Content.ReadAsByteArrayAsync());
        }

        Assert.Contains("bao-cao.png", await office.GetStringAsync(details), StringComparison.Ordinal);
        var publicPage = await app.Client().GetStringAsync($"/vu-viec/{item.Id}");
        Assert.DoesNotContain("bao-cao", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("/Cases/Attachments", publicPage, StringComparison.Ordinal);

        using var other = app.Client();
        await other.SignInOkAsync("editor@01.vn");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Cases/Attachments?id={files[0].Id}")).StatusCode);
        using (var foreign = await UploadAsync(other, $"/Cases/Details?id={foreignCase.Id}", item.Id, "Details", "x.png", Image(SKEncodedImageFormat.Png)))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        using (var anonymous = await app.Client().GetAsync($"/Cases/Attachments?id={files[0].Id}"))
        {
            Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        }

        Assert.Equal(3, await app.WithDbAsync(db => db.CaseAttachments.CountAsync()));
    }

    [Theory, Providers]
    public async Task Uploads_are_checked_by_content_and_size_and_nothing_is_half_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        var item = await AddCaseAsync(app, app.Tree.CommuneA1.Id, null, status: CaseStatus.New);
        var details = $"/Cases/Details?id={item.Id}";
        using var office = app.Client();
        await office.SignInOkAsync("editor@48.vn");
        var gif = "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"u8.ToArray();
        var cases = new (string Name, byte[] Content, string Message)[]
        {
            ("trang.jpg", "<html><script>alert(1)</script></html>"u8.ToArray(), "chỉ nhận ảnh JPEG, PNG hoặc PDF"),
            ("anh.gif", gif, "chỉ nhận ảnh JPEG, PNG hoặc PDF"),
            ("chuong-trinh.pdf", [0x4D, 0x5A, 0x90, 0x00], "chỉ nhận ảnh JPEG, PNG hoặc PDF"),
            ("rong.jpg", [], "chưa chọn tệp hoặc tệp rỗng"),
            ("hong.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01], "ảnh bị hỏng"),
            ("hong.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], "ảnh bị hỏng"),
        };
        foreach (var (name, content, message) in cases)
        {
            using var response = await UploadAsync(office, details, item.Id, "Details", name, content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var big = new byte[AttachmentFiles.MaxBytes + 1];
        "%PDF-"u8.CopyTo(big);
        using (var tooBig = await UploadAsync(office, details, item.Id, "Details", "lon.pdf", big))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, tooBig.StatusCode);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.CaseAttachments.CountAsync()));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
