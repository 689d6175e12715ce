using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Surveys;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Surveys;

public sealed class XlsxTests
{
    [Theory, Providers]
    public async Task Results_export_to_a_valid_xlsx_with_labels_in_the_chosen_language(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("viewer@48.vn", app.Tree.ProvinceA, Role.Viewer);
        await app.AddMemberAsync("other@49.vn", app.Tree.ProvinceB, Role.Viewer);
        var id = await SurveyKit.PublishedAsync(app);
        var answers = Enumerable.Range(0, 12).Select(i => (object)SurveyKit.Answers(i < 7 ? app.Tree.CommuneA1.Id : app.Tree.CommuneA2.Id, i % 2 == 0 ? "yes" : "no",
            ("q_score", 1 + (i % 5)), ("q_note", "=HYPERLINK(\"http://x\")\u0001"))).ToArray();
        using (var client = app.Client())
        using (var sent = await SurveyKit.SubmitAsync(client, id, SurveyKit.Batch(SurveyKit.Key(), answers)))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        using var staff = app.Client();
        await staff.SignInOkAsync("viewer@48.vn");
        foreach (var (lang, header, label, hiddenCell) in new[] { ("en", "question", "Have you used online public services?", "hidden"), ("vi", "câu hỏi", "Bạn đã dùng dịch vụ công trực tuyến chưa?", "ẩn") })
        {
            using var response = await staff.GetAsync($"/Surveys/Results?id={id}&handler=Xlsx&lang={lang}&by=q_use");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
            await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
            using var document = SpreadsheetDocument.Open(stream, false);
            var errors = new OpenXmlValidator().Validate(document).ToList();
            Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => e.Description)));
            var texts = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().Select(c => c.InnerText).ToList();
            Assert.Contains(header, texts);
            Assert.Contains(label, texts);
            Assert.Contains(hiddenCell, texts);
            // No formula anywhere: text is inline strings only.
            Assert.Empty(document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<CellFormula>());
        }

        using var other = app.Client();
        await other.SignInOkAsync("other@49.vn");
        using var hidden = await other.GetAsync($"/Surveys/Results?id={id}&handler=Xlsx");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }
}
