using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Members;
using DuLuan.Tests.Cases;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace DuLuan.Tests.PublicSite;

/// <summary>The concern form at /cong/{code}/phan-anh: where the problem is (kept intact for staff), a map point, a category, a photo.</summary>
public sealed partial class ConcernFormTests
{
    private const string Form = "/cong/20200/phan-anh";
    private const string Stretch = "Từ số 120 đến số 160 đường Trần Phú, trước chợ Hoà Khánh";
    private const string Secret = "GPS-SECRET-16.0738,108.1499";
    private static readonly Dictionary<string, string?> NoWait = new() { ["Concerns:MinimumFillSeconds"] = "0", ["Concerns:SubmissionsPerHour"] = "1000" };

    [Theory, Providers]
    public async Task A_concern_with_a_location_point_category_and_photo_is_kept_intact_for_staff(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, NoWait);
        var lead = await app.AddMemberAsync("lead@48.vn", app.Tree.ProvinceA, Role.Lead);
        using var resident = app.Client();

        using var sent = await PostAsync(resident, Fields(Stretch + "<script>alert(1)</script>", "16.07384321", "108.14991234", "giao-thong"), ("photo.jpg", JpegWithMetadata()));
        var receipt = await sent.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var code = CodePattern().Match(receipt).Groups[1].Value;
        Assert.NotEmpty(code);
        Assert.Contains($"href=\"/cong/20200/theo-doi#ma={code}\"", receipt, StringComparison.Ordinal);
        Assert.Matches("id=\"reference\">\\d+<", receipt);
        Assert.Contains("id=\"follow-up-qr\"", receipt, StringComparison.Ordinal);

        var stored = await app.WithDbAsync(db => db.Concerns.SingleAsync());
        Assert.Equal(Stretch, stored.Location);
        Assert.Equal(16.0738, stored.Latitude);
        Assert.Equal(108.1499, stored.Longitude);
        Assert.Equal("giao-thong", stored.Category);
        var photo = await app.WithDbAsync(db => db.ConcernPhotos.SingleAsync());
        Assert.Equal("image/jpeg", photo.ContentType);
        Assert.DoesNotContain(Secret, Encoding.ASCII.GetString(photo.Content), StringComparison.Ordinal);
        using (var decoded = SKBitmap.Decode(photo.Content))
        {
            Assert.Equal(40, decoded.Width);
        }

        using var staff = app.Client();
        await staff.SignInAdminAsync(lead);
        var details = await staff.GetStringAsync($"/Concerns/Details?id={stored.Id}");
        Assert.Contains($"<dd class=\"concern-location\">{Stretch}</dd>", details, StringComparison.Ordinal);
        Assert.Contains("16.0738, 108.1499", details, StringComparison.Ordinal);
        Assert.Contains("Giao thông", details, StringComparison.Ordinal);
        using var image = await staff.GetAsync($"/Concerns/Details?handler=Photo&id={stored.Id}");
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        using (var stranger = app.Client())
        {
            Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetAsync($"/Concerns/Details?handler=Photo&id={stored.Id}")).StatusCode);
        }

        // The case made of it shows the place to the office and the agency, intact.
        var (caseId, publicRef) = await app.WithDbAsync(async db =>
        {
            var item = new Case { UnitId = app.Tree.CommuneA1.Id, Title = "Đèn đường hỏng", Description = "Đèn hỏng", Status = CaseStatus.InProgress, CreatedAt = DateTime.UtcNow };
            db.Cases.Add(item);
            await db.SaveChangesAsync();
            var concern = await db.Concerns.SingleAsync();
            concern.CaseId = item.Id;
            await db.SaveChangesAsync();
            return (item.Id, item.PublicRef);
        });
        Assert.Contains(Stretch, await staff.GetStringAsync($"/Cases/Details?id={caseId}"), StringComparison.Ordinal);

        // The public page of the case shows the street, never the house numbers or the map point.
        using (var stranger = app.Client())
        {
            var shown = await stranger.GetStringAsync($"/vu-viec/{publicRef}");
            Assert.Contains("id=\"case-location\">Vị trí của vấn đề: <span lang=\"vi\">đường Trần Phú, trước chợ Hoà Khánh</span>", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("120", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("160", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("16.0738", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("108.1499", shown, StringComparison.Ordinal);
        }

        // The resident follows it with the code and sees where it is.
        var followed = await resident.PostFormAsync("/cong/20200/theo-doi", new Dictionary<string, string> { ["code"] = code });
        Assert.Contains($"id=\"follow-up-location\" lang=\"vi\">{Stretch}<", await followed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Hostile_fields_get_an_error_naming_the_field_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, NoWait);
        using var resident = app.Client();

        await RefusedAsync(resident, Fields(new string('x', 301), null, null, null), null, "Vị trí của vấn đề");
        foreach (var (lat, lon) in new[] { ("91", "108"), ("16", "181"), ("abc", "108"), ("NaN", "108"), ("Infinity", "1"), ("16", null), (new string('1', 40), "1"), ("1e308", "1") })
        {
            await RefusedAsync(resident, Fields(Stretch, lat, lon, null), null, "Điểm trên bản đồ");
        }

        await RefusedAsync(resident, Fields(Stretch, null, null, "<script>"), null, "Lĩnh vực");
        await RefusedAsync(resident, Fields(Stretch, null, null, null), ("photo.jpg", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>")), "Ảnh: chỉ nhận ảnh JPEG hoặc PNG");
        await RefusedAsync(resident, Fields(Stretch, null, null, null), ("photo.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF")), "Ảnh: chỉ nhận ảnh JPEG hoặc PNG");
        await RefusedAsync(resident, Fields(Stretch, null, null, null), ("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), "Ảnh: chỉ nhận ảnh JPEG hoặc PNG");
        Assert.Equal(0, await app.WithDbAsync(db => db.Concerns.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.ConcernPhotos.CountAsync()));

        // Over the request limit: the server answers 413 and may close the connection before the upload ends.
        try
        {
            using var huge = await PostAsync(resident, Fields(Stretch, null, null, null), ("big.jpg", new byte[7 * 1024 * 1024]));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        }
        catch (HttpRequestException e) when (e.InnerException is IOException)
        {
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Concerns.CountAsync()));

        using var unknown = await resident.GetAsync("/cong/99999/phan-anh");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory, Providers]
    public async Task An_empty_form_gets_its_field_errors_and_the_too_fast_notice_only_when_it_applies(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var resident = app.Client();

        using var empty = await PostAsync(resident, new Dictionary<string, string> { ["Title"] = "", ["Description"] = "" }, null);
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Vui lòng nhập Tiêu đề", emptyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("quá nhanh", emptyHtml, StringComparison.Ordinal);

        using var tooFast = await PostAsync(resident, Fields(Stretch, null, null, null), null);
        Assert.Contains("quá nhanh", await tooFast.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Concerns.CountAsync()));
    }

    [Theory, Providers]
    public async Task A_good_photo_sent_with_a_wrong_field_is_asked_for_again_and_the_text_is_kept(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, NoWait);
        using var resident = app.Client();
        var fields = Fields(Stretch, null, null, null);
        fields["Email"] = "khong-phai-dia-chi";

        // The photo was fine, the e-mail was not: the form comes back with the text, and says the photo must be chosen again.
        await RefusedAsync(resident, fields, ("photo.jpg", JpegWithMetadata()), "Ảnh của bạn chưa được gửi");
        using var response = await PostAsync(resident, fields, ("photo.jpg", JpegWithMetadata()));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("value=\"Đèn đường hỏng cả dãy\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"khong-phai-dia-chi\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Concerns.CountAsync()));

        // Without a photo, nothing is said about one.
        using var withoutPhoto = await PostAsync(resident, fields, null);
        Assert.DoesNotContain("Ảnh của bạn chưa được gửi", WebUtility.HtmlDecode(await withoutPhoto.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Fields(string? location, string? lat, string? lon, string? category)
    {
        var fields = new Dictionary<string, string> { ["Title"] = "Đèn đường hỏng cả dãy", ["Description"] = "Đèn đường cả dãy phố hỏng đã hai tuần, buổi tối rất tối." };
        void Put(string key, string? value)
        {
            if (value is not null)
            {
                fields[key] = value;
            }
        }

        Put("Location", location);
        Put("Latitude", lat);
        Put("Longitude", lon);
        Put("Category", category);
        return fields;
    }

    private static async Task RefusedAsync(TestClient client, Dictionary<string, string> fields, (string Name, byte[] Content)? photo, string expected)
    {
        using var response = await PostAsync(client, fields, photo);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(html.Contains(expected, StringComparison.Ordinal), $"{expected} not in: {Regex.Replace(html, "(?s)^.*<main", "<main")}");
        Assert.DoesNotContain("id=\"follow-up-code\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(TestClient client, Dictionary<string, string> fields, (string Name, byte[] Content)? photo)
    {
        var page = await client.GetStringAsync(Form);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(WebUtility.HtmlDecode(StartedPattern().Match(page).Groups[1].Value)), "Started" },
        };
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        if (photo is { } file)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(part, "Photo", file.Name);
        }

        return await client.Http.PostAsync(Form, content);
    }

    /// <summary>A JPEG carrying a secret in an XMP (APP1) segment and a comment, as a phone's EXIF would.</summary>
    private static byte[] JpegWithMetadata()
    {
        using var bitmap = new SKBitmap(40, 30);
        bitmap.Erase(new SKColor(200, 30, 30));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        var jpeg = data.ToArray();
        static byte[] Segment(byte marker, byte[] payload) => [0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)((payload.Length + 2) & 0xFF), .. payload];
        var xmp = Segment(0xE1, Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>" + Secret + "</x:xmpmeta>"));
        var comment = Segment(0xFE, Encoding.ASCII.GetBytes(Secret));
        return [.. jpeg[..2], .. xmp, .. comment, .. jpeg[2..]];
    }

    [GeneratedRegex("id=\"follow-up-code\">([A-Z0-9-]+)<")]
    private static partial Regex CodePattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"Started\" value=\"([^\"]+)\"")]
    private static partial Regex StartedPattern();
}
