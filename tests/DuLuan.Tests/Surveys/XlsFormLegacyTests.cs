using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Surveys;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Surveys;

/// <summary>Legacy Excel 97–2003 (.xls) XLSForms: over HTTP on both providers, and crafted BIFF files.</summary>
public sealed class XlsFormLegacyTests
{
    [Theory, Providers]
    public async Task A_legacy_xls_form_is_checked_and_stored_like_an_xlsx(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        using var staff = app.Client();
        await staff.SignInOkAsync("editor@48.vn");

        using var check = await XlsFormTests.UploadAsync(staff, File.ReadAllBytes(Path.Combine(XlsFormCorpusTests.Folder, "kobo-household.xls")), app.Tree.ProvinceA.Id);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var page = await check.Content.ReadAsStringAsync();
        var html = WebUtility.HtmlDecode(page);
        Assert.Contains("id=\"import-notes\"", html, StringComparison.Ordinal);
        Assert.Contains("Metadata field 'deviceid' is not collected", html, StringComparison.Ordinal);
        Assert.Contains("4 câu hỏi", html, StringComparison.Ordinal);
        var json = WebUtility.HtmlDecode(XlsFormTests.DefinitionField().Match(page).Groups[1].Value);
        using var accepted = await staff.PostFormAsync("/Surveys/Import", new Dictionary<string, string> { ["DefinitionJson"] = json, ["UnitId"] = SurveyKit.Id(app.Tree.ProvinceA.Id), ["Anonymous"] = "true" }, "/Surveys/Import?handler=Accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var survey = await app.WithDbAsync(db => db.Surveys.SingleAsync());
        Assert.Equal("Household survey", survey.Title);

        // The export of the imported form reads back to the same definition.
        using var export = await staff.GetAsync($"/Surveys/Export?id={survey.Id}");
        var back = XlsFormImport.Import(await export.Content.ReadAsByteArrayAsync());
        Assert.Equal(survey.DraftJson, back.Definition!.ToJson());
    }

    [Theory]
    [InlineData(0x00FC, 0)]
    [InlineData(0x00FC, 4)]
    [InlineData(0x0200, 4)]
    [InlineData(0x0200, 10)]
    public void A_legacy_xls_whose_records_claim_two_billion_entries_is_read_or_refused_without_throwing(int recordType, int offset)
    {
        var result = XlsFormImport.Import(PatchedXls(recordType, offset, 0x7FFFFFFF));
        if (!result.Ok)
        {
            Assert.NotEmpty(result.Errors);
            Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Vi) || string.IsNullOrWhiteSpace(e.En)));
        }
        else
        {
            Assert.Equal(4, result.Definition!.Questions.Count());
        }
    }

    /// <summary>A corpus .xls with one BIFF record's 32-bit field set to <paramref name="value"/> (a string table or a sheet claiming two billion entries).</summary>
    private static byte[] PatchedXls(int recordType, int offset, uint value)
    {
        var data = File.ReadAllBytes(Path.Combine(XlsFormCorpusTests.Folder, "kobo-household.xls"));
        for (var i = 0; i + 4 < data.Length; i++)
        {
            var length = data[i + 2] | (data[i + 3] << 8);
            if ((data[i] | (data[i + 1] << 8)) == recordType && length is > 8 and < 8300)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(i + 4 + offset), value);
                return data;
            }
        }

        throw new InvalidOperationException($"no record {recordType:X4}");
    }

}
