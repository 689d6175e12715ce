using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DuLuan.Features.Surveys;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Surveys;

/// <summary>
/// The XLSForm corpus (Surveys/XlsFormCorpus, see its SOURCE.md): forms in the ways KoboToolbox and ODK users write
/// them, as .xlsx, LibreOffice-saved .xlsx and legacy .xls. Every valid form imports with the number of questions it
/// holds of the kinds DuLuan supports, exports back to the same definition in a schema-valid workbook; every invalid
/// form is refused naming where.
/// </summary>
public sealed class XlsFormCorpusTests
{
    public static string Folder { get; } = Path.Combine(RepoPaths.Root, "tests", "DuLuan.Tests", "Surveys", "XlsFormCorpus");

    public static List<(string File, bool Valid, int Questions)> Corpus()
        => File.ReadAllLines(Path.Combine(Folder, "corpus.tsv")).Where(l => l.Length > 0).Select(line => line.Split('\t'))
            .Select(parts => (parts[0], parts[1] == "valid", int.Parse(parts[2], CultureInfo.InvariantCulture))).ToList();

    public static TheoryData<string, bool, int> Files()
    {
        var data = new TheoryData<string, bool, int>();
        foreach (var (file, valid, questions) in Corpus())
        {
            data.Add(file, valid, questions);
        }

        return data;
    }

    public static XlsFormImportResult Import(string file) => XlsFormImport.Import(File.ReadAllBytes(Path.Combine(Folder, file)));

    [Theory, MemberData(nameof(Files))]
    public void A_corpus_form_imports_with_all_its_questions_and_exports_back_or_is_refused_naming_where(string file, bool valid, int questions)
    {
        var result = Import(file);
        if (!valid)
        {
            Assert.False(result.Ok);
            Assert.NotEmpty(result.Errors);
            Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Sheet) || string.IsNullOrWhiteSpace(e.Vi) || string.IsNullOrWhiteSpace(e.En)));
            return;
        }

        Assert.True(result.Ok, $"{file}:\n{string.Join("\n", result.Errors)}");
        Assert.Equal(questions, result.Definition!.Questions.Count());
        Assert.Empty(DefinitionRules.Validate(result.Definition));
        Assert.All(result.Notes, n => Assert.False(string.IsNullOrWhiteSpace(n.Vi) || string.IsNullOrWhiteSpace(n.En) || n.Vi == n.En));

        var exported = XlsFormExport.Build(result.Definition, result.FormId ?? "corpus", 1);
        var back = XlsFormImport.Import(exported);
        Assert.True(back.Ok, string.Join("\n", back.Errors));
        Assert.Equal(result.Definition.ToJson(), back.Definition!.ToJson());
        using var document = SpreadsheetDocument.Open(new MemoryStream(exported), false);
        var schemaErrors = new OpenXmlValidator().Validate(document).ToList();
        Assert.True(schemaErrors.Count == 0, string.Join("; ", schemaErrors.Select(e => e.Description)));
        if (Environment.GetEnvironmentVariable("DULUAN_XLSFORM_EXPORT_DIR") is { Length: > 0 } folder)
        {
            // For the LibreOffice check in docs/benchmarks.md: soffice --headless --convert-to csv over these files.
            File.WriteAllBytes(Path.Combine(folder, Path.GetFileNameWithoutExtension(file) + "." + Path.GetExtension(file).TrimStart('.') + ".export.xlsx"), exported);
        }
    }

    [Fact]
    public void At_least_nine_in_ten_valid_corpus_forms_import_and_every_invalid_one_is_refused()
    {
        var files = Corpus();
        var valid = files.Where(f => f.Item2).ToList();
        var imported = valid.Count(f => Import(f.Item1) is { Ok: true } r && r.Definition!.Questions.Count() == f.Item3);
        Assert.True(valid.Count >= 20 && files.Any(f => f.Item1.EndsWith(".xls", StringComparison.Ordinal)), "the corpus shrank");
        Assert.True(imported * 10 >= valid.Count * 9, $"{imported} of {valid.Count} valid forms imported with every question");
        Assert.All(files.Where(f => !f.Item2), f => Assert.False(Import(f.Item1).Ok, f.Item1));
    }

    [Fact]
    public void Every_pyxform_type_spelling_becomes_its_question_and_the_extra_option_is_reported_with_the_whole_type()
    {
        foreach (var file in new[] { "type-spellings.xlsx", "type-spellings.xls" })
        {
            var result = Import(file);
            Assert.True(result.Ok, string.Join("\n", result.Errors));
            var kinds = result.Definition!.Questions.ToDictionary(q => q.Key, q => q.Type);
            Assert.Equal(QuestionType.Single, kinds["s1"]);
            Assert.Equal(QuestionType.Multiple, kinds["s2"]);
            Assert.Equal((QuestionType.Single, QuestionType.Single, QuestionType.Multiple, QuestionType.Single, QuestionType.Single, QuestionType.Single), (kinds["s3"], kinds["s4"], kinds["s5"], kinds["s6"], kinds["s7"], kinds["s8"]));
            Assert.Equal((QuestionType.Number, QuestionType.Number, QuestionType.Text), (kinds["n1"], kinds["n2"], kinds["t1"]));
            Assert.DoesNotContain("phone", kinds.Keys);
            Assert.Contains(result.Notes, n => n.Row == 4 && n.En.Contains("'select_one yn or_other'", StringComparison.Ordinal));
            Assert.Contains(result.Notes, n => n.Row == 5 && n.En.Contains("'select one fruit or specify other'", StringComparison.Ordinal));
            Assert.Contains(result.Notes, n => n.Row == 9 && n.En.Contains("Metadata field 'phone number'", StringComparison.Ordinal));
        }

        var unknown = Import("invalid-unknown-type.xlsx");
        Assert.Contains(unknown.Errors, e => e.Row == 2 && e.Column == "type" && e.En == "Unknown question type 'select_one_yn'");
    }

    [Fact]
    public void Formatting_only_cells_single_colon_languages_and_renamed_names_come_in_with_notes()
    {
        foreach (var file in new[] { "libreoffice-formatted.xlsx", "libreoffice-formatted.lo.xlsx", "libreoffice-formatted.xls" })
        {
            var formatted = Import(file);
            Assert.True(formatted.Ok, file + "\n" + string.Join("\n", formatted.Errors));
            Assert.Equal(["q1", "q2", "q3"], formatted.Definition!.Questions.Select(q => q.Key));
        }

        var colon = Import("odk-single-colon.xlsx");
        Assert.True(colon.Ok, string.Join("\n", colon.Errors));
        var village = colon.Definition!.Questions.First();
        Assert.Equal(("Village name", "As people say it"), (village.Label["en"], village.Hint!["en"]));
        Assert.Contains(colon.Notes, n => n.Column == "label:Français" && n.En.Contains("not recognised", StringComparison.Ordinal));

        var names = Import("names-hyphen.xlsx");
        Assert.True(names.Ok, string.Join("\n", names.Errors));
        var keys = names.Definition!.Questions.Select(q => q.Key).ToList();
        Assert.Equal(["label_test", "q_1", "q_2", "a_very_long_question_name_that_goes", "tuoi"], keys);
        var underscore = names.Definition.Questions.Single(q => q.Key == "q_1");
        Assert.Equal(("label_test", "yes"), (underscore.Relevant![0].Question, underscore.Relevant[0].Value));
        Assert.Equal((ConditionOp.Answered, "q_1"), (names.Definition.Questions.Single(q => q.Key == "q_2").Relevant![0].Op, names.Definition.Questions.Single(q => q.Key == "q_2").Relevant![0].Question));
        Assert.Contains(names.Notes, n => n.Row == 2 && n.Column == "name" && n.En.Contains("'label-test' is stored as 'label_test'", StringComparison.Ordinal));
    }

    [Fact]
    public void Repeats_loops_external_lists_duplicated_choices_and_piping_are_each_reported_and_the_rest_kept()
    {
        var roster = Import("repeat-roster.xls");
        Assert.True(roster.Ok, string.Join("\n", roster.Errors));
        Assert.Equal(["hh_size", "toilet"], roster.Definition!.Questions.Select(q => q.Key));
        Assert.Contains(roster.Notes, n => n.Row == 3 && n.En.Contains("rows 3–9 skipped (questions m_name, m_age, m_school, m_in_school)", StringComparison.Ordinal));

        var loop = Import("loop-over.xlsx");
        Assert.True(loop.Ok, string.Join("\n", loop.Errors));
        Assert.Contains(loop.Notes, n => n.Row == 3 && n.En.Contains("Repeats are not supported", StringComparison.Ordinal));

        var external = Import("external-selects.xlsx");
        Assert.True(external.Ok, string.Join("\n", external.Errors));
        var byKey = external.Definition!.Questions.ToDictionary(q => q.Key);
        Assert.Equal(["hai_chau", "phu_xuan"], byKey["district"].Options!.Select(o => o.Key));
        Assert.Equal((QuestionType.Text, QuestionType.Text), (byKey["commune"].Type, byKey["street"].Type));
        Assert.Contains(external.Notes, n => n.Row == 4 && n.En.Contains("'select_one_from_file communes.csv'", StringComparison.Ordinal));

        var cascading = Import("cascading-duplicates.xlsx");
        Assert.True(cascading.Ok, string.Join("\n", cascading.Errors));
        Assert.Equal(["center", "river", "hill"], cascading.Definition!.Questions.Single(q => q.Key == "commune").Options!.Select(o => o.Key));
        Assert.Contains(cascading.Notes, n => n.Sheet == "choices" && n.Row == 6 && n.En.Contains("allow_choice_duplicates", StringComparison.Ordinal));

        var piping = Import("piping.xlsx");
        Assert.True(piping.Ok, string.Join("\n", piping.Errors));
        Assert.Equal("How old are you, ${first}?", piping.Definition!.Questions.Single(q => q.Key == "age").Label["en"]);
        Assert.Contains(piping.Notes, n => n.Row == 3 && n.Column == "label::English (en)" && n.En.Contains("${…}", StringComparison.Ordinal));
    }
}
