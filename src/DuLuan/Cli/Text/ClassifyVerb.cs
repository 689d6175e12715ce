using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DuLuan.Analysis.Text;

namespace DuLuan.Cli.Text;

internal static class ClassifyVerb
{
    public static Command Create()
    {
        var classify = new Command("classify", "Phân loại chủ đề / topic classifier");
        classify.Subcommands.Add(Train());
        classify.Subcommands.Add(Eval());
        return classify;
    }

    private static Command Train()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "Thư mục dữ liệu (mỗi nhãn một thư mục con) / data folder", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Tệp mô hình ghi ra / model file to write", Required = true };
        var naiveBayes = new Option<bool>("--naive-bayes") { Description = "Dùng Naive Bayes thuần / plain Naive Bayes baseline" };
        var command = new Command("train", "Huấn luyện mô hình / train a model") { data, output, naiveBayes };
        command.SetAction(parse => CliRun.Guard(parse, writer =>
        {
            var examples = LabelledFolder.Read(parse.GetValue(data)!);
            var model = TextClassifier.Train(examples, parse.GetValue(naiveBayes) ? ClassifierOptions.PlainNaiveBayes : null);
            var file = parse.GetValue(output)!;
            using (var stream = file.Create())
            {
                model.Save(stream);
            }
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Đã huấn luyện / trained: {examples.Count} documents, {model.Labels.Count} labels, {model.FeatureCount} features -> {file.FullName}"));
            return 0;
        }));
        return command;
    }

    private static Command Eval()
    {
        var model = new Option<FileInfo>("--model") { Description = "Tệp mô hình / model file", Required = true };
        var data = new Option<DirectoryInfo>("--data") { Description = "Thư mục dữ liệu kiểm tra / evaluation data folder", Required = true };
        var json = new Option<bool>("--json") { Description = "Xuất JSON / print JSON" };
        var command = new Command("eval", "Đánh giá mô hình / evaluate a model") { model, data, json };
        command.SetAction(parse => CliRun.Guard(parse, writer =>
        {
            var classifier = LoadModel(parse.GetValue(model)!);
            var report = ClassifierEvaluation.Evaluate(classifier, LabelledFolder.Read(parse.GetValue(data)!));
            if (parse.GetValue(json))
            {
                writer.WriteLine(JsonSerializer.Serialize(new
                {
                    accuracy = report.Accuracy,
                    macroF1 = report.MacroF1,
                    documents = report.Count,
                    labels = report.PerLabel.Select(l => new { label = l.Label, precision = l.Precision, recall = l.Recall, f1 = l.F1, support = l.Support }),
                }, CliJson.Options));
                return 0;
            }
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"accuracy  {report.Accuracy:P2}"));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"macro-F1  {report.MacroF1:P2}"));
            writer.WriteLine("label                 precision    recall        F1   support");
            foreach (var l in report.PerLabel)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{l.Label,-20} {l.Precision,10:P1} {l.Recall,9:P1} {l.F1,9:P1} {l.Support,9}"));
            }
            return 0;
        }));
        return command;
    }

    private static TextClassifier LoadModel(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CliError($"không tìm thấy tệp mô hình '{file.FullName}'", $"model file '{file.FullName}' not found");
        }

        try
        {
            using var stream = file.OpenRead();
            return TextClassifier.Load(stream);
        }
        catch (ModelFormatException e)
        {
            throw new CliError($"tệp mô hình '{file.Name}' sai định dạng hoặc phiên bản (cần phiên bản {TextClassifier.FormatVersion})", e.Message);
        }
    }
}
