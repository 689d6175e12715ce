using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Publish.Metrics;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Trust;

/// <summary>Inputs the 10,000-case fuzz run found answering 500, kept as plain regression tests.</summary>
public sealed class FuzzFindingsTests
{
    [Theory, Providers]
    public async Task A_blank_unit_code_on_the_public_portal_answers_404_not_500(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var anonymous = app.Client();
        foreach (var path in new[] { "/cong/%20", "/cong/%20/tin/3", "/cong/%20/kiem-chung", "/cong/%20/kiem-chung/1", "/cong/%20/kiem-chung/1/tai-lieu/1", "/cong/%20%20/tin/1" })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Theory, Providers]
    public async Task A_noncharacter_in_a_metrics_CSV_and_an_unknown_cell_type_in_an_XLSForm_answer_a_clear_error_not_500(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var editor = await RoleClients.SignInAsync(app, Role.Editor);
        var token = await AccessMatrixTests.AntiforgeryTokenAsync(editor);

        using var csv = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(MetricsImport.Portal), "channel" },
        };
        csv.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("Post ID,Date,Views\n1\uFFFE,2026-07-01,1.517.792\n")), "file", "export.csv");
        using var csvResponse = await editor.Http.PostAsync("/Publish/Metrics?handler=Import", csv);
        Assert.True((int)csvResponse.StatusCode < 500, $"metrics CSV: {(int)csvResponse.StatusCode}");

        using var xlsx = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(ScopeSeed.S(app.Tree.CommuneA1.Id)), "UnitId" },
        };
        var file = new ByteArrayContent(WorkbookWithCellType("zz"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        xlsx.Add(file, "file", "form.xlsx");
        using var xlsxResponse = await editor.Http.PostAsync("/Surveys/Import?handler=Check", xlsx);
        Assert.True((int)xlsxResponse.StatusCode < 500, $"XLSForm: {(int)xlsxResponse.StatusCode}");
        Assert.Contains("xlsx", await xlsxResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static byte[] WorkbookWithCellType(string cellType)
    {
        const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Entry(string name, string text)
            {
                using var write = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                write.Write(text);
            }

            Entry("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            Entry("_rels/.rels", $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Entry("xl/_rels/workbook.xml.rels", $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            Entry("xl/workbook.xml", $"<workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><sheets><sheet name=\"survey\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Entry("xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"{cellType}\"><v>1</v></c></row></sheetData></worksheet>");
        }

        return stream.ToArray();
    }
}
