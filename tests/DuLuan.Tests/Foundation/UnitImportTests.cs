using System.Text;
using DuLuan.Data;
using DuLuan.Features.Units;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Foundation;

public sealed class UnitImportTests
{
    private static readonly string Units2025 = Path.Combine(RepoPaths.Root, "tests", "DuLuan.Tests", "Data", "units", "vn-units-2025-07-01.json");
    private static readonly string Units2026 = Path.Combine(RepoPaths.Root, "src", "DuLuan", "Features", "Units", "Official", "vn-units-2026-07-25.json");

    [Theory, Providers]
    public async Task Official_lists_import_by_code_and_the_2026_respelling_renames_without_duplicates(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var before = await app.WithDbAsync(db => db.Units.CountAsync());

        var first = await ImportFileAsync(app, Units2025);
        Assert.Equal(34 + 3321 - 5, first.Created); // the seeded tree already holds 2 provinces and 3 communes by code
        var provinces = await app.WithDbAsync(db => db.Units.CountAsync(u => u.Kind == UnitKind.Province));
        var communes = await app.WithDbAsync(db => db.Units.CountAsync(u => u.Kind == UnitKind.Commune));
        Assert.Equal(34, provinces);
        Assert.Equal(3321, communes);

        var second = await ImportFileAsync(app, Units2026);
        Assert.Equal(0, second.Created);
        Assert.InRange(second.Renamed, 194, 205);
        Assert.Equal(before + first.Created, await app.WithDbAsync(db => db.Units.CountAsync()));

        var again = await ImportFileAsync(app, Units2026);
        Assert.Equal(new UnitImportResult(0, 0, 34 + 3321), again);

        var thanhHoa = await app.WithDbAsync(db => db.Units.SingleAsync(u => u.Code == "38"));
        Assert.Equal("Tỉnh Thanh Hoá", thanhHoa.Name);
        Assert.Equal("tinh thanh hoa", thanhHoa.NameFolded);
        var communeOfThanhHoa = await app.WithDbAsync(db => db.Units.FirstAsync(u => u.ParentId == thanhHoa.Id));
        Assert.StartsWith(thanhHoa.Path, communeOfThanhHoa.Path, StringComparison.Ordinal);
        Assert.Equal(thanhHoa.Depth + 1, communeOfThanhHoa.Depth);
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "code,name,kind\n01,A,province\n", "thiếu cột \"parent_code\"", "Dòng 1" },
        { "code,name,kind,parent_code\n77,Tỉnh A,province,\n77,Tỉnh B,province,\n", "trùng", "Dòng 3" },
        { "code,name,kind,parent_code\n77,Tỉnh A,province,\n7701,Xã B,commune,99\n", "parent_code", "Dòng 3" },
        { "code,name,kind,parent_code\n81,A,province,82\n82,B,province,81\n", "vòng lặp", "Dòng 2" },
        { "code,name,kind,parent_code\n77,Tỉnh A,planet,\n", "\"kind\"", "Dòng 2" },
        { "code,name,kind,parent_code\n77,,province,\n", "\"name\"", "Dòng 2" },
        { "code,name,kind,parent_code\n77,\"Tỉnh A,province,\n", "ngoặc kép", "Dòng 2" },
        { "code,name,kind,parent_code\n77,Tỉnh A,province\n", "cột", "Dòng 2" },
        { "[{\"Code\":\"77\",\"Name\":\"A\",\"Wards\":[{\"Name\":\"B\"}]}]", "\"Code\"", "xã" },
        { "[{\"Code\":\"77\",", "JSON", "Dòng 1" },
        { "{\"not\":\"a list\"}", "mảng", "Dòng 1" },
    };

    [Theory, MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_line_and_field_and_nothing_is_written(string content, string reason, string where)
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var before = await app.WithDbAsync(db => db.Units.CountAsync());
        var extension = content.TrimStart().StartsWith('[') || content.TrimStart().StartsWith('{') ? ".json" : ".csv";

        var error = await Assert.ThrowsAsync<UnitImportException>(() => app.WithScopeAsync(s =>
            s.GetRequiredService<UnitImporter>().ImportAsync(UnitFileReader.Parse(Encoding.UTF8.GetBytes(content), extension))));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains(where, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Units.CountAsync()));
    }

    [Fact]
    public void Wrong_encoding_names_the_line()
    {
        var latin1 = Encoding.Latin1.GetBytes("code,name,kind,parent_code\n77,Tỉnh A,province,\n78,Bình Dương,province,\n");
        var error = Assert.Throws<UnitImportException>(() => UnitFileReader.Parse(latin1, ".csv"));
        // Line 2 survives Latin-1 as '?'; "Bình Dương" on line 3 is where the bytes stop being UTF-8.
        Assert.Contains("Dòng 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_megabytes_of_garbage_is_refused_clearly()
    {
        var random = new Random(7);
        var bytes = new byte[10 * 1024 * 1024];
        random.NextBytes(bytes);
        Assert.Throws<UnitImportException>(() => UnitFileReader.Parse(bytes, ".csv"));
        Assert.Throws<UnitImportException>(() => UnitFileReader.Parse(bytes, ".json"));
        var printable = Encoding.ASCII.GetBytes(new string('x', 10 * 1024 * 1024));
        var error = Assert.Throws<UnitImportException>(() => UnitFileReader.Parse(printable, ".csv"));
        Assert.Contains("Dòng 1", error.Message, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_cycle_that_passes_through_existing_units_cannot_be_created(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var rows = new[] { new UnitImportRow(2, "48", "Thành phố Đà Nẵng", UnitKind.Province, "20200") };

        var result = await app.WithScopeAsync(s => s.GetRequiredService<UnitImporter>().ImportAsync(rows));

        // A known code keeps its place in the tree: an import renames, it never re-parents.
        Assert.Equal(new UnitImportResult(0, 0, 1), result);
        var daNang = await app.WithDbAsync(db => db.Units.SingleAsync(u => u.Code == "48"));
        Assert.Equal(app.Tree.Root.Id, daNang.ParentId);
    }

    private static Task<UnitImportResult> ImportFileAsync(TestApp app, string path)
        => app.WithScopeAsync(s => s.GetRequiredService<UnitImporter>().ImportAsync(UnitFileReader.Read(path)));
}
