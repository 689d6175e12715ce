using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Units;

public sealed partial class SuccessionImportTests
{
    [Theory, Providers]
    public async Task A_file_with_bom_names_and_both_date_forms_is_recorded_whole(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var tree = app.Tree;
        var old = await Reorganise.PrepareAsync(app);
        var admin = await app.AddMemberAsync("admin@a.vn", tree.ProvinceA, Role.Admin);
        using var client = app.Client();
        await client.SignInAdminAsync(admin);

        // Hải Vân named in NFD (decomposed accents) and without its code; CRLF line ends; a quoted cell.
        var nfd = "Phường Hải Vân".Normalize(NormalizationForm.FormD);
        var csv = $"ma_don_vi_cu,ma_don_vi_moi,ngay_hieu_luc\r\n99001,20200,15/08/2025\r\n\"{nfd}\",\"20200\",2025-08-15\r\n";
        using var response = await Reorganise.ImportAsync(client, Reorganise.Utf8(csv, bom: true));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("id=\"import-done\" data-count=\"2\"", html, StringComparison.Ordinal);
        var rows = await app.WithDbAsync(db => db.UnitSuccessions.AsNoTracking().Select(s => new { s.UnitId, s.SuccessorId, s.EffectiveOn }).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.UnitId == old.Id && r.SuccessorId == tree.CommuneA1.Id && r.EffectiveOn == new DateOnly(2025, 8, 15));
        Assert.Contains(rows, r => r.UnitId == tree.CommuneA2.Id && r.SuccessorId == tree.CommuneA1.Id);
        Assert.Equal(2, await app.WithDbAsync(db => db.Units.CountAsync(u => u.ActiveTo == new DateOnly(2025, 8, 14))));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == UnitReorganisation.AuditAction && a.Detail!.EndsWith("via=csv"))));

        // The same file again: every line is already recorded, nothing changes.
        using var again = await Reorganise.ImportAsync(client, Reorganise.Utf8(csv));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.UnitSuccessions.CountAsync()));
    }

    [Theory, Providers]
    public async Task Hostile_files_are_refused_whole_with_each_error_by_line_and_column(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var tree = app.Tree;
        await Reorganise.PrepareAsync(app);
        var admin = await app.AddMemberAsync("admin@a.vn", tree.ProvinceA, Role.Admin);
        using var client = app.Client();
        await client.SignInAdminAsync(admin);
        const string Header = "ma_don_vi_cu,ma_don_vi_moi,ngay_hieu_luc\n";
        var huge = new string('9', 1024 * 1024);
        var cases = new (byte[] File, (int Line, string Column, string Says)[] Expected)[]
        {
            // One good row and one bad: nothing is stored.
            (Reorganise.Utf8(Header + "99001,20200,15/08/2025\n20194,99999,15/08/2025\n"), [(3, "ma_don_vi_moi", "không có đơn vị mã hoặc tên \u201c99999\u201d")]),
            (Reorganise.Utf8(Header + $"{huge},20200,15/08/2025\n"), [(2, "ma_don_vi_cu", "ô dài 1048576 ký tự")]),
            (Reorganise.Utf8(Header + "99001,\"=HYPERLINK(\"\"http://x\"\")\",15/08/2025\n99001,20200,@SUM(1)\n+1,20200,15/08/2025\n"),
                [(2, "ma_don_vi_moi", "trông như công thức"), (3, "ngay_hieu_luc", "trông như công thức"), (4, "ma_don_vi_cu", "trông như công thức")]),
            (Reorganise.Utf8(Header + "99001,20200,15/08/2025\n99001,20200,15/08/2025\n"), [(3, "ma_don_vi_moi", "trùng với dòng 2")]),
            (Reorganise.Utf8(Header + "99001,20200,15/08/2025\n99001,20194,16/08/2025\n"), [(3, "ngay_hieu_luc", "đã có ngày hiệu lực khác (15/08/2025, dòng 2)")]),
            (Reorganise.Utf8(Header + "99001,20200,31/02/2025\n99001,20200,2025/08/15\n99001,20200,\n"),
                [(2, "ngay_hieu_luc", "không phải ngày"), (3, "ngay_hieu_luc", "không phải ngày"), (4, "ngay_hieu_luc", "ô trống")]),
            (Reorganise.Utf8(Header + "99001,20200\n"), [(2, "ma_don_vi_cu", "có 2 cột, cần 3")]),
            (Reorganise.Utf8("code,successor,date\n99001,20200,15/08/2025\n"), [(1, "ma_don_vi_cu", "thiếu cột"), (1, "ma_don_vi_moi", "thiếu cột"), (1, "ngay_hieu_luc", "thiếu cột")]),
            (Reorganise.Utf8("", bom: true), [(1, "ma_don_vi_cu", "tệp rỗng")]),
            (Reorganise.Utf8(Header), [(2, "ma_don_vi_cu", "không có dòng dữ liệu")]),
            ([0xEF, 0xBB, 0xBF, (byte)'m', 0xC3, 0x28, (byte)'\n'], [(1, "tệp", "không phải UTF-8")]),
            // Units outside the admin's province are unknown, exactly like codes that do not exist.
            (Reorganise.Utf8(Header + "00004,20200,15/08/2025\n99001,00004,15/08/2025\n"), [(2, "ma_don_vi_cu", "không có đơn vị"), (3, "ma_don_vi_moi", "không có đơn vị")]),
            // A successor that did not exist yet on the date, and a merge into itself.
            (Reorganise.Utf8(Header + "99001,99001,15/08/2025\n20194,20200,15/08/2019\n"), [(2, "ma_don_vi_moi", "không thể là chính Xã Cũ"), (3, "ngay_hieu_luc", "trước ngày Phường Hải Vân bắt đầu hoạt động")]),
        };
        foreach (var (file, expected) in cases)
        {
            using var response = await Reorganise.ImportAsync(client, file);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            var label = expected[0].Says;
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{label}: {(int)response.StatusCode}");
            var errors = ErrorRow().Matches(html).Select(m => (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value, m.Groups[3].Value)).ToList();
            foreach (var (line, column, says) in expected)
            {
                Assert.True(errors.Any(e => e.Item1 == line && e.Item2 == column && e.Item3.Contains(says, StringComparison.Ordinal)), $"{label}: expected line {line} {column} \u201c{says}\u201d in {string.Join(" | ", errors)}");
            }

            Assert.DoesNotContain(huge[..1000], html, StringComparison.Ordinal);
            Assert.Equal(0, await app.WithDbAsync(db => db.UnitSuccessions.CountAsync()));
            Assert.Equal(0, await app.WithDbAsync(db => db.Units.CountAsync(u => u.ActiveTo != null)));
        }

        using var noFile = await client.PostFormAsync("/Units/ImportSuccessions", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.Contains("Chưa chọn tệp CSV", WebUtility.HtmlDecode(await noFile.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr data-line=\"(\\d+)\" data-field=\"([^\"]*)\">.*?<span lang=\"vi\">([^<]*)</span>", RegexOptions.Singleline)]
    private static partial Regex ErrorRow();
}
