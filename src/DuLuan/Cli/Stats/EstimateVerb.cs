using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DuLuan.Analysis.Statistics;
using DuLuan.Cli.Text;

namespace DuLuan.Cli.Stats;

/// <summary>
/// `duluan stats estimate`: design-based mean, total or proportions from a CSV, one row per PSU.
/// Empty cells of --var are missing and left out as a domain (R: na.rm = TRUE).
/// </summary>
internal static class EstimateVerb
{
    public static Command Create()
    {
        var csv = new Option<FileInfo>("--csv") { Description = "Tệp CSV có dòng tiêu đề / CSV file with a header row", Required = true };
        var weight = new Option<string>("--weight") { Description = "Cột trọng số / sampling weight column", Required = true };
        var strata = new Option<string?>("--strata") { Description = "Cột tầng / stratum column" };
        var fpc = new Option<string?>("--fpc") { Description = "Cột hiệu chỉnh tổng thể hữu hạn: cỡ tổng thể (> 1) hoặc tỉ lệ chọn (<= 1) / finite population correction: population size (> 1) or sampling fraction (<= 1)" };
        var variable = new Option<string>("--var") { Description = "Biến cần ước lượng / variable to estimate", Required = true };
        var by = new Option<string?>("--by") { Description = "Ước lượng theo nhóm / estimate per group (domain)" };
        var total = new Option<bool>("--total") { Description = "Ước lượng tổng thay vì trung bình / totals instead of means" };
        var json = new Option<bool>("--json") { Description = "Xuất JSON / print JSON" };
        var lonely = new Option<LonelyPsu>("--lonely-psu") { Description = "Tầng chỉ có một đơn vị: Fail (báo lỗi) hoặc Certainty (không đóng góp phương sai) / a stratum with one PSU: Fail or Certainty (no variance)", DefaultValueFactory = _ => LonelyPsu.Fail };
        var command = new Command("estimate", "Ước lượng theo thiết kế mẫu (tuyến tính hoá Taylor) / design-based estimate (Taylor linearisation)")
        {
            csv, weight, strata, fpc, variable, by, total, json, lonely,
        };
        command.SetAction(parse => CliRun.Guard(parse, writer =>
        {
            var table = CsvTable.Read(parse.GetValue(csv)!);
            var values = table.Column(parse.GetValue(variable)!, "--var");
            var weights = Numbers(table, parse.GetValue(weight)!, "--weight");
            var strataName = parse.GetValue(strata);
            var strataValues = strataName is null ? null : Required(table, strataName, "--strata");
            var fpcName = parse.GetValue(fpc);
            var fpcValues = fpcName is null ? null : Numbers(table, fpcName, "--fpc");
            var byName = parse.GetValue(by);
            var groups = byName is null ? null : Required(table, byName, "--by");
            var design = Design(table, weights, strataValues, fpcValues, parse.GetValue(lonely));
            var rows = Estimates(table, design, values, groups, parse.GetValue(total));
            if (parse.GetValue(json))
            {
                WriteJson(writer, parse.GetValue(variable)!, rows);
            }
            else
            {
                WriteTable(writer, parse.GetValue(variable)!, rows, parse.GetValue(total));
            }

            return 0;
        }));
        return command;
    }

    private sealed record Row(string? Group, string? Category, DesignEstimate Estimate);

    private static List<Row> Estimates(CsvTable table, SurveyDesign design, string[] values, string[]? groups, bool total)
    {
        var numeric = values.All(v => v.Length == 0 || IsNumber(v));
        var levels = groups is null ? [null] : groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Cast<string?>().ToList();
        var rows = new List<Row>();
        foreach (var level in levels)
        {
            bool[]? domain = level is null ? null : [.. groups!.Select(g => string.Equals(g, level, StringComparison.Ordinal))];
            try
            {
                if (numeric)
                {
                    double[] numbers = [.. values.Select(v => v.Length == 0 ? double.NaN : double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture))];
                    rows.Add(new Row(level, null, total ? DesignEstimator.Total(design, numbers, domain) : DesignEstimator.Mean(design, numbers, domain)));
                }
                else
                {
                    var categories = values.Select(v => v.Length == 0 ? null : v).ToList();
                    rows.AddRange(DesignEstimator.Proportions(design, categories, domain, total).Select(c => new Row(level, c.Category, c.Estimate)));
                }
            }
            catch (SurveyDesignException e) when (e.Problem == DesignProblem.Shape)
            {
                throw new CliError($"nhóm \"{level}\": không có dòng nào có giá trị và trọng số dương", $"group \"{level}\": no row with a value and a positive weight ({e.Message})");
            }
        }
        return rows;
    }

    private static SurveyDesign Design(CsvTable table, double[] weights, string[]? strata, double[]? fpc, LonelyPsu lonely)
    {
        try
        {
            return new SurveyDesign(weights, strata, fpc, lonely);
        }
        catch (SurveyDesignException e)
        {
            var line = e.Row is int row ? table.Lines[row] : (int?)null;
            throw e.Problem switch
            {
                DesignProblem.LonelyPsu => new CliError(
                    $"tầng \"{e.Stratum}\" chỉ có một đơn vị mẫu nên không ước lượng được phương sai; gộp tầng hoặc dùng --lonely-psu Certainty",
                    $"stratum \"{e.Stratum}\" has a single PSU so its variance cannot be estimated; merge strata or use --lonely-psu Certainty"),
                DesignProblem.FpcBelowSampleSize => new CliError(
                    $"--fpc: tầng \"{e.Stratum}\" có cỡ tổng thể nhỏ hơn cỡ mẫu", $"--fpc: stratum \"{e.Stratum}\" has a population size below its sample size"),
                DesignProblem.InvalidFpc => new CliError(
                    $"--fpc, dòng {line}: giá trị phải dương và giống nhau trong một tầng (cỡ tổng thể, hoặc tỉ lệ chọn nếu mọi giá trị <= 1)",
                    $"--fpc, line {line}: {e.Message}"),
                DesignProblem.InvalidWeight => new CliError($"--weight, dòng {line}: trọng số âm", $"--weight, line {line}: negative weight"),
                _ => new CliError(e.Message, e.Message),
            };
        }
    }

    private static double[] Numbers(CsvTable table, string column, string option)
    {
        var text = table.Column(column, option);
        var numbers = new double[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (!double.TryParse(text[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
            {
                throw new CliError($"{option}, cột \"{column}\", dòng {table.Lines[i]}: \"{text[i]}\" không phải là số", $"{option}, column \"{column}\", line {table.Lines[i]}: \"{text[i]}\" is not a number");
            }
        }
        return numbers;
    }

    private static string[] Required(CsvTable table, string column, string option)
    {
        var values = table.Column(column, option);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].Length == 0)
            {
                throw new CliError($"{option}, cột \"{column}\", dòng {table.Lines[i]}: ô trống", $"{option}, column \"{column}\", line {table.Lines[i]}: empty cell");
            }
        }
        return values;
    }

    private static bool IsNumber(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v);

    private static void WriteJson(TextWriter writer, string variable, List<Row> rows) =>
        writer.WriteLine(JsonSerializer.Serialize(new
        {
            variable,
            estimates = rows.Select(r => new
            {
                group = r.Group,
                category = r.Category,
                estimate = r.Estimate.Estimate,
                se = r.Estimate.StandardError,
                ci_low = r.Estimate.CiLow,
                ci_high = r.Estimate.CiHigh,
                deff = double.IsFinite(r.Estimate.DesignEffect) ? r.Estimate.DesignEffect : (double?)null,
                n = r.Estimate.Count,
            }),
        }, CliJson.Options));

    private static void WriteTable(TextWriter writer, string variable, List<Row> rows, bool total)
    {
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{variable}: {(total ? "tổng / total" : "trung bình, tỉ lệ / mean, proportion")}; CI 95% (phân phối chuẩn / normal)"));
        writer.WriteLine("group        category              estimate            se        ci_low       ci_high    deff       n");
        foreach (var r in rows)
        {
            var e = r.Estimate;
            var deff = double.IsFinite(e.DesignEffect) ? e.DesignEffect.ToString("F3", CultureInfo.InvariantCulture) : "-";
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Group ?? "-",-12} {r.Category ?? "-",-16} {e.Estimate,13:G8} {e.StandardError,13:G6} {e.CiLow,13:G8} {e.CiHigh,13:G8} {deff,7} {e.Count,7}"));
        }
    }
}
