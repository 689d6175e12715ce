using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Surveys;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Surveys;

public sealed partial class XlsFormTests
{
    private static readonly string[] Header = ["type", "name", "label::Vietnamese (vi)", "label::English (en)", "relevant", "constraint"];

    private static byte[] Form(params string[][] rows) => Xlsx.Build(("survey", [Header, .. rows]), ("choices", [["list_name", "name", "label::vi", "label::en"], ["yn", "yes", "Có", "Yes"], ["yn", "no", "Không", "No"]]), ("settings", [["form_title::vi", "form_title::en"], ["Khảo sát", "Survey"]]));

    [Fact]
    public void A_kobo_form_with_groups_and_two_languages_comes_in_with_every_loss_reported_by_row()
    {
        var result = XlsFormImport.Import(Xlsx.Kobo());
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        var d = result.Definition!;
        Assert.Equal(["vi", "en"], d.Languages);
        Assert.Equal("Khảo sát dịch vụ công", d.Title["vi"]);
        Assert.Equal(["g_info", "g_more"], d.Sections.Select(s => s.Key));
        Assert.Equal("General information", d.Sections[0].Title["en"]);
        var used = d.Questions.Single(q => q.Key == "used");
        Assert.Equal(QuestionType.Single, used.Type);
        Assert.True(used.Required);
        Assert.Equal(["c_1", "c_0"], used.Options!.Select(o => o.Key));
        Assert.Equal("Yes", used.Options![0].Label["en"]);
        var purpose = d.Questions.Single(q => q.Key == "purpose");
        Assert.Equal(QuestionType.Multiple, purpose.Type);
        Assert.Equal("Pick all that apply", purpose.Hint!["en"]);
        Assert.Equal(ConditionOp.Equals, Assert.Single(purpose.Relevant!).Op);
        Assert.Equal("c_1", purpose.Relevant![0].Value);
        var age = d.Questions.Single(q => q.Key == "age");
        Assert.Equal((QuestionType.Number, 15.0, 120.0), (age.Type, age.Min!.Value, age.Max!.Value));
        Assert.Equal("Age from 15 to 120", age.ConstraintMessage!["en"]);
        var other = d.Questions.Single(q => q.Key == "other_purpose");
        Assert.Equal(200, other.MaxLength);
        Assert.Equal([(ConditionOp.Includes, "other"), (ConditionOp.GreaterThan, "17")], other.Relevant!.Select(c => (c.Op, c.Value!)));
        Assert.Equal(ConditionOp.Answered, Assert.Single(d.Sections[1].Relevant!).Op);
        var district = d.Questions.Single(q => q.Key == "district");
        Assert.Null(district.Relevant);
        var when = d.Questions.Single(q => q.Key == "when");
        Assert.Equal(("2020-01-01", (string?)null), (when.MinDate, when.MaxDate));
        Assert.DoesNotContain(d.Questions, q => q.Key is "start" or "end" or "calc" or "thanks");
        Assert.Empty(DefinitionRules.Validate(d));

        // Every loss is reported with its sheet, row and column.
        string[] expected =
        [
            "survey|2|type|start", "survey|3|type|end", "survey|6|appearance|minimal", "survey|7|type|integer", "survey|11|type|calculate",
            "survey|12|relevant|or", "survey|12|choice_filter|used=${used}", "survey|13|constraint|today()", "survey|14|type|note",
            "choices|2|name|'c_1'", "choices|3|name|'c_0'", "choices|7|used|used", "settings|2|version|2026120101",
        ];
        foreach (var item in expected)
        {
            var parts = item.Split('|');
            Assert.True(result.Notes.Any(n => n.Sheet == parts[0] && n.Row == int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) && n.Column == parts[2] && (n.En + n.Vi).Contains(parts[3], StringComparison.Ordinal)), $"{item} not in:\n{string.Join("\n", result.Notes)}");
        }

        Assert.All(result.Notes, n => Assert.False(string.IsNullOrWhiteSpace(n.Vi) || string.IsNullOrWhiteSpace(n.En)));
        Assert.DoesNotContain(result.Notes, n => n.Column == "$kuid");
    }

    public static TheoryData<string> Definitions() => new()
    {
        SurveyKit.Definition,
        """
        {
          "languages": ["vi", "en", "th"],
          "title": { "vi": "Khảo sát đủ loại", "en": "Every kind", "th": "แบบสำรวจ" },
          "intro": { "vi": "Xin chào", "en": "Hello" },
          "sections": [
            { "key": "a", "title": { "vi": "Phần A", "en": "Part A" }, "questions": [
              { "key": "sat", "type": "likert", "label": { "vi": "Hài lòng?", "en": "Satisfied?", "th": "พอใจไหม" }, "hint": { "vi": "Chọn một", "en": "Pick one" }, "required": true,
                "requiredMessage": { "vi": "Cần trả lời", "en": "Answer this" },
                "options": [ { "key": "lo", "label": { "vi": "Thấp", "en": "Low" } }, { "key": "mid", "label": { "vi": "Vừa", "en": "Middle" } }, { "key": "hi", "label": { "vi": "Cao", "en": "High" } } ] },
              { "key": "n", "type": "number", "label": { "vi": "Số người", "en": "People" }, "min": 0.5, "max": 12.25 },
              { "key": "story", "type": "longText", "label": { "vi": "Kể lại", "en": "Tell us" }, "maxLength": 3000, "relevant": [ { "question": "sat", "op": "notEquals", "value": "hi" }, { "question": "n", "op": "lessThan", "value": "3.5" } ] },
              { "key": "d", "type": "date", "label": { "vi": "Ngày", "en": "Day" }, "minDate": "2024-01-01", "maxDate": "2026-12-31", "relevant": [ { "question": "n", "op": "answered" } ] }
            ] },
            { "key": "b", "title": { "vi": "Phần B", "en": "Part B" }, "relevant": [ { "question": "sat", "op": "equals", "value": "lo" } ], "questions": [
              { "key": "pick", "type": "multiple", "randomize": true, "label": { "vi": "Chọn", "en": "Pick" }, "options": [ { "key": "x", "label": { "vi": "X's", "en": "X" } }, { "key": "y", "label": { "vi": "Y", "en": "Y" } } ] },
              { "key": "free", "type": "text", "label": { "vi": "Khác", "en": "Other" }, "relevant": [ { "question": "pick", "op": "includes", "value": "y" } ] }
            ] },
            { "key": "empty", "title": { "vi": "Trống", "en": "Empty" }, "questions": [] }
          ]
        }
        """,
    };

    [Theory, MemberData(nameof(Definitions))]
    public void An_exported_survey_imports_back_to_the_same_definition(string json)
    {
        var definition = SurveyDefinition.Parse(json, out var error) ?? throw new InvalidOperationException(error);
        Assert.Empty(DefinitionRules.Validate(definition));
        var file = XlsFormExport.Build(definition, "duluan_1", 3);
        var back = XlsFormImport.Import(file);
        Assert.True(back.Ok, string.Join("\n", back.Errors));
        Assert.Equal(definition.ToJson(), back.Definition!.ToJson());
        Assert.Equal("duluan_1", back.FormId);
        Assert.DoesNotContain(back.Notes, n => n.Sheet == "survey" || n.Sheet == "choices");
    }

    public static TheoryData<string, string> BrokenFiles() => new()
    {
        { "not-zip", "not an Excel workbook (.xlsx, .xlsm or .xls)" },
        { "damaged-zip", "damaged" },
        { "no-survey", "'survey' sheet is missing" },
        { "no-name-column", "'name' column is missing" },
        { "duplicate", "[survey, 3, name] Tên 'q1' bị trùng" },
        { "bad-relevance", "[survey, 3, relevant]" },
        { "unknown-reference", "[survey, 2, relevant]" },
        { "later-reference", "a later question" },
        { "unknown-option", "option 'maybe'" },
        { "unknown-type", "[survey, 2, type] Loại câu hỏi 'selectone yn' không có trong XLSForm" },
        { "missing-list", "[choices, 2, type]" },
        { "bad-name", "[survey, 2, name]" },
        { "unclosed-group", "never closed" },
        { "stray-end", "[survey, 2, type]" },
        { "malformed-biff", "The .xls file is damaged" },
        { "truncated-xls", "The .xls file is damaged" },
        { "huge-xls", "larger than 10 MB" },
        { "too-many-rows", "more than 5000 rows" },
        { "zip-bomb", "zip bomb" },
        { "too-large", "larger than 10 MB" },
        { "bad-constraint", "[survey, 2, constraint]" },
        { "no-questions", "no question DuLuan can use" },
        { "one-option", "2 to 100 options" },
        { "dangling-sheet", "'survey' sheet is missing" },
        { "external-link", "xl/worksheets/sheet1.xml" },
    };

    public static byte[] Broken(string kind) => kind switch
    {
        "not-zip" => "type,name\ntext,q1\n"u8.ToArray(),
        "damaged-zip" => [.. "PK"u8, .. new byte[200]],
        "no-survey" => Xlsx.Build(("choices", [["list_name", "name", "label"], ["a", "b", "c"]])),
        "no-name-column" => Xlsx.Build(("survey", [["type", "label"], ["text", "Q"]])),
        "duplicate" => Form(["text", "q1", "A", "A"], ["text", "q1", "B", "B"]),
        "bad-relevance" => Form(["select_one yn", "q1", "A", "A"], ["text", "q2", "B", "B", "${q1 = 'yes'"]),
        "unknown-reference" => Form(["text", "q2", "B", "B", "${nothing} = 'yes'"]),
        "later-reference" => Form(["text", "q2", "B", "B", "${q3} = 'yes'"], ["text", "q3", "C", "C"]),
        "unknown-option" => Form(["select_one yn", "q1", "A", "A"], ["text", "q2", "B", "B", "${q1} = 'maybe'"]),
        "unknown-type" => Form(["selectone yn", "q1", "A", "A"]),
        "missing-list" => Form(["select_one colours", "q1", "A", "A"]),
        "bad-name" => Form(["text", "1st-question", "A", "A"]),
        "unclosed-group" => Form(["begin_group", "g", "G", "G"], ["text", "q1", "A", "A"]),
        "stray-end" => Form(["end_group", "", "", ""]),
        "malformed-biff" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 251))],
        "truncated-xls" => File.ReadAllBytes(Path.Combine(XlsFormCorpusTests.Folder, "kobo-household.xls"))[..4608],
        "huge-xls" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[XlsFormWorkbook.MaxFileBytes]],
        "too-many-rows" => Form([.. Enumerable.Range(1, 5001).Select(i => new[] { "text", $"q{i}", "A", "A" })]),
        "zip-bomb" => Xlsx.ZipBomb(80),
        "too-large" => new byte[XlsFormWorkbook.MaxFileBytes + 1],
        "dangling-sheet" => DanglingSheet(),
        "external-link" => HostileOffice.LinkedWorkbook("file:///etc/passwd"),
        "bad-constraint" => Form(["integer", "q1", "A", "A", "", ". >= (5"]),
        "no-questions" => Form(["note", "n1", "Hello", "Hello"]),
        "one-option" => Xlsx.Build(("survey", [Header, ["select_one one", "q1", "A", "A"]]), ("choices", [["list_name", "name", "label::vi", "label::en"], ["one", "a", "A", "A"]])),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A workbook whose only sheet points at a relationship id that names no part (found by the trust fuzzer: it answered 500).</summary>
    private static byte[] DanglingSheet()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            void Entry(string name, string text)
            {
                using var write = new StreamWriter(zip.CreateEntry(name).Open());
                write.Write(text);
            }

            Entry("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>");
            Entry("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Entry("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"survey\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>");
        }

        return stream.ToArray();
    }

    [Theory, MemberData(nameof(BrokenFiles))]
    public void A_broken_file_is_refused_naming_sheet_row_and_column(string kind, string reason)
    {
        var result = XlsFormImport.Import(Broken(kind));
        Assert.False(result.Ok);
        Assert.Null(result.Definition);
        var all = string.Join("\n", result.Errors);
        Assert.True(all.Contains(reason, StringComparison.Ordinal), $"{kind}: expected '{reason}' in:\n{all}");
    }

    [Fact]
    public void Plain_label_columns_take_the_default_language_and_missing_translations_are_reported()
    {
        var file = Xlsx.Build(
            ("survey", [["type", "name", "label", "label::Khmer (km)", "hint"], ["integer", "age", "Tuổi", "អាយុ", "Số năm"]]),
            ("settings", [["form_title", "default_language"], ["Tuổi", "vi"]]));
        var result = XlsFormImport.Import(file);
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.Equal(["vi", "en", "km"], result.Definition!.Languages);
        var age = Assert.Single(result.Definition.Questions);
        Assert.Equal(("Tuổi", "Tuổi", "អាយុ"), (age.Label["vi"], age.Label["en"], age.Label["km"]));
        Assert.Contains(result.Notes, n => n.Sheet == "survey" && n.Column == "label" && n.En.Contains("English", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Sheet == "settings" && n.Column == "form_title" && n.En.Contains("'en'", StringComparison.Ordinal));
    }

    [Theory, Providers]
    public async Task An_editor_imports_a_form_after_reading_its_report_and_exports_it_back(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        using var staff = app.Client();
        await staff.SignInOkAsync("editor@48.vn");

        using var check = await UploadAsync(staff, Xlsx.Kobo(), app.Tree.ProvinceA.Id);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var html = WebUtility.HtmlDecode(await check.Content.ReadAsStringAsync());
        Assert.Contains("id=\"import-notes\"", html, StringComparison.Ordinal);
        Assert.Contains("Metadata field 'start' is not collected", html, StringComparison.Ordinal);
        Assert.Contains("choice_filter", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Surveys.CountAsync()));

        var json = WebUtility.HtmlDecode(DefinitionField().Match(await check.Content.ReadAsStringAsync()).Groups[1].Value);
        using var accepted = await staff.PostFormAsync("/Surveys/Import", new Dictionary<string, string> { ["DefinitionJson"] = json, ["UnitId"] = SurveyKit.Id(app.Tree.CommuneA1.Id), ["Anonymous"] = "true" }, "/Surveys/Import?handler=Accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var survey = await app.WithDbAsync(db => db.Surveys.SingleAsync());
        Assert.Equal((SurveyStatus.Draft, app.Tree.CommuneA1.Id, "Khảo sát dịch vụ công"), (survey.Status, survey.UnitId, survey.Title));
        Assert.Contains("\"c_1\"", survey.DraftJson, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "surveys.imported")));

        Assert.Contains("/Surveys/Export?id=" + survey.Id, await staff.GetStringAsync($"/Surveys/Details?id={survey.Id}"), StringComparison.Ordinal);
        using var export = await staff.GetAsync($"/Surveys/Export?id={survey.Id}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        var back = XlsFormImport.Import(await export.Content.ReadAsByteArrayAsync());
        Assert.True(back.Ok, string.Join("\n", back.Errors));
        Assert.Equal(survey.DraftJson, back.Definition!.ToJson());
    }

    [Theory, Providers]
    public async Task Hostile_imports_store_nothing_and_other_offices_get_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        await app.AddMemberAsync("editor@01.vn", app.Tree.ProvinceB, Role.Editor);
        await app.AddMemberAsync("viewer@48.vn", app.Tree.ProvinceA, Role.Viewer);
        var published = await SurveyKit.PublishedAsync(app);
        using var staff = app.Client();
        await staff.SignInOkAsync("editor@48.vn");

        foreach (var kind in new[] { "not-zip", "zip-bomb", "duplicate", "bad-relevance", "missing-list", "external-link", "malformed-biff", "truncated-xls" })
        {
            using var response = await UploadAsync(staff, Broken(kind), app.Tree.ProvinceA.Id);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(html.Contains("id=\"import-errors\"", StringComparison.Ordinal), kind);
            Assert.DoesNotContain("accept-import", html, StringComparison.Ordinal);
        }

        using (var oversized = await UploadAsync(staff, new byte[XlsFormWorkbook.MaxFileBytes + 10], app.Tree.ProvinceA.Id))
        {
            Assert.Contains("10 MB", WebUtility.HtmlDecode(await oversized.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // A unit outside the member's scope, a forged definition, an empty one.
        using (var outside = await UploadAsync(staff, Xlsx.Kobo(), app.Tree.ProvinceB.Id))
        {
            Assert.Contains("id=\"errors\"", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var forged = new Dictionary<string, string>
        {
            [SurveyKit.Definition] = SurveyKit.Id(app.Tree.ProvinceB.Id),
            ["{\"sections\":[]}"] = SurveyKit.Id(app.Tree.ProvinceA.Id),
            [SurveyKit.Definition.Replace("\"q_use\"", "\"q_age\"", StringComparison.Ordinal)] = SurveyKit.Id(app.Tree.ProvinceA.Id),
            [string.Empty] = SurveyKit.Id(app.Tree.ProvinceA.Id),
        };
        foreach (var (json, unit) in forged)
        {
            using var response = await staff.PostFormAsync("/Surveys/Import", new Dictionary<string, string> { ["DefinitionJson"] = json, ["UnitId"] = unit, ["Anonymous"] = "true" }, "/Surveys/Import?handler=Accept");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("id=\"errors\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.Surveys.CountAsync()));

        using var viewer = app.Client();
        await viewer.SignInOkAsync("viewer@48.vn");
        using (var page = await viewer.GetAsync("/Surveys/Import"))
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }

        using (var own = await viewer.GetAsync($"/Surveys/Export?id={published}&version=1"))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        using var other = app.Client();
        await other.SignInOkAsync("editor@01.vn");
        foreach (var path in new[] { $"/Surveys/Export?id={published}", $"/Surveys/Export?id={published}&version=1", "/Surveys/Export?id=999999", $"/Surveys/Export?id={published}&version=-1" })
        {
            using var response = await other.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, path);
        }

        using (var missingVersion = await staff.GetAsync($"/Surveys/Export?id={published}&version=7"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missingVersion.StatusCode);
        }

        using var anonymous = app.Client();
        using var signedOut = await anonymous.GetAsync($"/Surveys/Export?id={published}");
        Assert.NotEqual(HttpStatusCode.OK, signedOut.StatusCode);
    }

    internal static async Task<HttpResponseMessage> UploadAsync(TestClient client, byte[] content, long unitId)
    {
        var html = await client.GetStringAsync("/Surveys/Import");
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, html[..Math.Min(2000, html.Length)]);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(SurveyKit.Id(unitId)), "UnitId" },
            { new StringContent("true"), "Anonymous" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "form.xlsx");
        return await client.Http.PostAsync("/Surveys/Import?handler=Check", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"DefinitionJson\" value=\"([^\"]*)\"")]
    internal static partial Regex DefinitionField();
}
